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
		const result = save(this.storage, this.key, next, OPTIONS);
		if (result.ok) {
			this.savedAt = result.savedAt;
			this.saveProblem = null;
		} else {
			this.saveProblem = { message: result.problem, reason: result.reason };
		}
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
