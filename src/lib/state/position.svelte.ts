/**
 * The student's own position on one scenario, kept in the browser (brief §1, §6 "autosaved work
 * that survives reloads, quota errors and corrupted storage"). Every change is saved at once in
 * the storage envelope under `stancegrid.position.<scenario id>`. What cannot be read or saved is
 * never dropped: it stays on screen (and in memory) with a message and a download.
 */
import {
	EMPTY_POSITION,
	isEmpty,
	validatePosition,
	withReason,
	withStance,
	type MyPosition
} from '../analysis/my-position';
import type { Stance } from '../scenario/schema';
import { browserStorage, load, save, type StorageLike } from '../storage/envelope';
import { mergePositions } from './position-merge';

export const POSITION_KEY_PREFIX = 'stancegrid.position.';

export function positionKey(scenarioId: string): string {
	return POSITION_KEY_PREFIX + scenarioId;
}

const OPTIONS = { label: 'your position', validate: validatePosition };

/** Stored text that could not be used, kept for the person to download. */
export interface LoadProblem {
	message: string;
	raw?: string;
	/** True when an earlier copy was restored instead. */
	restored: boolean;
}

export interface SaveProblem {
	message: string;
	reason: 'quota' | 'unavailable' | 'not-serializable';
}

export class PositionStore {
	readonly scenarioId: string;
	readonly key: string;
	private readonly storage: StorageLike | null;

	value = $state.raw<MyPosition>(EMPTY_POSITION);
	/** ISO time of the last successful save (or of the copy restored on load). */
	savedAt = $state<string | null>(null);
	loadProblem = $state.raw<LoadProblem | null>(null);
	saveProblem = $state.raw<SaveProblem | null>(null);
	/** What another tab changed and how it was merged, for a polite notice. */
	syncNote = $state<string | null>(null);
	/** The stored text and value this tab last read or wrote: the base of a merge. */
	private seenText: string | null = null;
	private base: MyPosition = EMPTY_POSITION;

	constructor(scenarioId: string, storage: StorageLike | null = browserStorage()) {
		this.scenarioId = scenarioId;
		this.key = positionKey(scenarioId);
		this.storage = storage;
		if (!storage) {
			this.loadProblem = {
				message:
					'This browser does not let the site keep data, so your position cannot be saved or restored. Download it before you leave the page.',
				restored: false
			};
			return;
		}
		const loaded = load(storage, this.key, OPTIONS);
		if (loaded.value) this.value = loaded.value;
		this.base = this.value;
		this.seenText = readText(storage, this.key);
		// Another tab saving the same position: merged in at once, not overwritten on the next save.
		if (typeof window !== 'undefined')
			window.addEventListener('storage', (event) => {
				if (event.key === this.key) this.sync();
			});
		this.savedAt = loaded.savedAt ?? null;
		if (loaded.problem) {
			this.loadProblem = {
				message: loaded.problem,
				restored: loaded.from === 'last-good',
				...(loaded.raw === undefined ? {} : { raw: loaded.raw })
			};
		}
	}

	setStance(option: string, stance: Stance | null): void {
		this.set(withStance(this.value, option, stance));
	}

	setReason(option: string, reason: string): void {
		this.set(withReason(this.value, option, reason));
	}

	/** Saves an empty position; the one it replaces becomes the envelope's last good copy. */
	clear(): void {
		this.set(EMPTY_POSITION);
	}

	get empty(): boolean {
		return isEmpty(this.value);
	}

	dismissLoadProblem(): void {
		this.loadProblem = null;
	}

	private set(next: MyPosition): void {
		this.value = next;
		if (!this.storage) return;
		let result = save(this.storage, this.key, next, { ...OPTIONS, expect: this.seenText });
		if (!result.ok && result.reason === 'conflict') {
			// Another tab saved since this one read: merge, then save the merge over its copy.
			this.mergeStored();
			result = save(this.storage, this.key, this.value, { ...OPTIONS, expect: this.seenText });
		}
		if (result.ok) {
			this.savedAt = result.savedAt;
			this.seenText = result.text;
			this.base = this.value;
			this.saveProblem = null;
		} else {
			this.saveProblem = {
				message: result.problem,
				reason: result.reason === 'conflict' ? 'unavailable' : result.reason
			};
		}
	}

	/** Takes in what another tab stored; this tab's unsaved answers win only where both changed. */
	private mergeStored(): string[] {
		if (!this.storage) return [];
		const stored = load(this.storage, this.key, OPTIONS);
		const theirs = stored.value ?? EMPTY_POSITION;
		const merged = mergePositions(this.base, this.value, theirs);
		this.value = merged.value;
		this.base = theirs;
		this.seenText = readText(this.storage, this.key);
		this.syncNote =
			merged.conflicts.length > 0
				? `Another tab changed your position on ${merged.conflicts.join(', ')} too; this tab's answers were kept there, and its other changes were added.`
				: 'Changes made in another tab were added to your position.';
		return merged.conflicts;
	}

	/** A storage event: the other tab's save merged in, and the merge saved if it differs. */
	sync(): void {
		if (!this.storage || readText(this.storage, this.key) === this.seenText) return;
		// Every change is saved at once, so this tab has unsaved answers only after a failed save.
		const unsaved = this.value !== this.base;
		this.mergeStored();
		if (unsaved) this.set(this.value);
	}

	dismissSyncNote(): void {
		this.syncNote = null;
	}
}

function readText(storage: StorageLike, key: string): string | null {
	try {
		return storage.getItem(key);
	} catch {
		return null;
	}
}

/**
 * One store per scenario for the life of the page, so a position that could not be saved is not
 * lost when the student switches to the grid and back (the view is unmounted in between).
 */
// Deliberately not reactive: it is read inside a $derived, where adding to a SvelteMap would be a
// state change during a derivation. The stores themselves are reactive.
// eslint-disable-next-line svelte/prefer-svelte-reactivity
const stores = new Map<string, PositionStore>();

export function positionStore(scenarioId: string): PositionStore {
	let store = stores.get(scenarioId);
	if (!store) {
		store = new PositionStore(scenarioId);
		stores.set(scenarioId, store);
	}
	return store;
}
