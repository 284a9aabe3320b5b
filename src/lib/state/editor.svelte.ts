/**
 * The scenario editor's state: the draft, its undo history, live validation with the loader's
 * own messages, and saving that never loses more than about a second of typing.
 *
 * Saving, in two layers: every change is written at once, synchronously, to a journal in
 * localStorage (it survives a tab closed a moment after a keystroke; it holds only what differs
 * from the saved version, so a keystroke writes a field, not the scenario), and within
 * `SAVE_DELAY_MS` to the scenario library in IndexedDB, which keeps versions. A journal newer than the library's
 * copy is recovered on the next visit. A save refused because another tab saved first is a
 * conflict: this tab is told and offered a copy of its own version. Another tab opening the same
 * scenario is told at once (BroadcastChannel) and offered a copy. Storage full or blocked: told
 * at once; the draft stays on screen and can be downloaded.
 */
import { createContext } from 'svelte';
import { CommandHistory } from '../authoring/command-history';
import { draftFrom, draftJson, type Draft } from '../authoring/draft';
import type { Problem } from '../authoring/draft-problems';
import { applyPatch, diffScenario, isEmptyPatch } from '../authoring/journal-patch';
import { loadScenarioLazily } from '../scenario/load-core';
import type { Scenario } from '../scenario/schema';
import {
	describeStorageError,
	ScenarioLibrary,
	HISTORY_LIMIT,
	type HistoryEntry,
	type LibraryRecord
} from '../storage/scenario-library';
import { DraftValidator } from './draft-validator';

export const SAVE_DELAY_MS = 400;
const VALIDATE_DELAY_MS = 150;
const JOURNAL_PREFIX = 'stancegrid:editor-journal:';
const CHANNEL = 'stancegrid-editor';

export type { Problem };

interface Journal {
	key: string;
	baseVersion: number;
	/** What differs from version `baseVersion` (journal-patch.ts). */
	patch?: unknown;
	/** The whole scenario, as journals written before patches were. */
	text?: string;
	/** Only when the article texts changed since the last save. */
	articles?: Record<string, string>;
}

/** A version in the history, as the version menu lists it (its text is read on restore). */
export type VersionSummary = Pick<HistoryEntry, 'version' | 'savedAt'>;

type SaveState =
	| { kind: 'saved'; at: string; version: number }
	| { kind: 'pending' }
	| { kind: 'saving' }
	| { kind: 'failed'; problem: string; reason: string };

export class EditorState {
	key = $state<string | null>(null);
	draft = $state.raw<Draft | null>(null);
	problems = $state.raw<Problem[]>([]);
	save = $state.raw<SaveState>({ kind: 'saved', at: '', version: 0 });
	/** Set when this scenario is also open in another tab, or another tab saved over it. */
	elsewhere = $state<string | null>(null);
	/** Said once after opening: what was recovered from the last visit. */
	recovered = $state<string | null>(null);
	versions = $state.raw<VersionSummary[]>([]);
	/** Unsaved changes found from an older version (a tab whose saves were refused). */
	stray = $state.raw<Draft | null>(null);
	/** Bumped on every undo-history change so labels and buttons update. */
	private tick = $state(0);

	private library: ScenarioLibrary | null = null;
	private baseVersion = 0;
	/** When version `baseVersion` was saved (the history lists it so once replaced). */
	private savedAt = '';
	/** The article texts as last saved to the library (journalled only when they differ). */
	private savedArticles: Readonly<Record<string, string>> | null = null;
	/** The scenario as version `baseVersion` holds it: the journal writes what differs from it. */
	private savedScenario: Scenario | null = null;
	private validator: DraftValidator | null = null;
	private history = new CommandHistory<Draft>();
	private saveTimer: ReturnType<typeof setTimeout> | null = null;
	private validateTimer: ReturnType<typeof setTimeout> | null = null;
	private channel: BroadcastChannel | null = null;
	private readonly tabId = Math.random().toString(36).slice(2);

	get canUndo(): boolean {
		void this.tick;
		return this.history.canUndo;
	}
	get canRedo(): boolean {
		void this.tick;
		return this.history.canRedo;
	}
	get undoLabel(): string | undefined {
		void this.tick;
		return this.history.undoLabel;
	}
	get redoLabel(): string | undefined {
		void this.tick;
		return this.history.redoLabel;
	}

	/** Opens a library record for editing; a problem in words when it cannot. */
	async open(key: string): Promise<string | null> {
		const opened = await ScenarioLibrary.open();
		if (!opened.ok) return opened.problem;
		this.library = opened.library;
		const got = await opened.library.get(key);
		if (!got.ok) return got.problem;
		const record = got.record;
		let draft = await this.readRecord(record);
		if (!draft) return 'This library entry could not be read as a scenario.';
		this.key = key;
		this.baseVersion = record.version;
		this.savedAt = record.modifiedAt;
		this.savedScenario = draft.scenario;
		const journal = this.readJournal(key);
		if (journal) {
			const current = journal.baseVersion === record.version;
			const back = await this.fromJournal(journal, current ? draft : null, record);
			// Made from the version stored now: the page closed before its save; take it back.
			if (back && current) {
				draft = back;
				this.recovered = 'Your last changes, made just before the page closed, were recovered.';
			} else if (back) {
				// Made from an older version (another tab saved since): never laid over the newer
				// one, but kept for the person to open as a copy or drop.
				this.stray = back;
			}
		}
		this.draft = draft;
		this.savedArticles =
			record.articles && draft.articles === record.articles ? draft.articles : null;
		this.save = { kind: 'saved', at: record.modifiedAt, version: record.version };
		this.history.clear();
		this.tick++;
		this.validateNow();
		this.listen(key);
		if (this.recovered) this.changed();
		void this.loadVersions();
		return null;
	}

	/** Edits without storage (IndexedDB unavailable): said at once; download keeps the work. */
	startInMemory(draft: Draft, problem: string): void {
		this.key = null;
		this.library = null;
		this.draft = draft;
		this.history.clear();
		this.tick++;
		this.save = { kind: 'failed', reason: 'unavailable', problem };
		this.validateNow();
	}

	/**
	 * The draft a journal holds: its patch laid over the version it was made from (`base` when that
	 * is the stored one, else read from the history), or its whole text (older journals).
	 */
	private async fromJournal(
		journal: Journal,
		base: Draft | null,
		record: LibraryRecord
	): Promise<Draft | null> {
		const articles = journal.articles ?? record.articles ?? {};
		if (journal.text !== undefined)
			return journal.text === record.text ? null : draftFrom(journal.text, articles);
		if (!base) {
			const old = await this.library!.historyEntry(record.key, journal.baseVersion);
			base = old.ok ? draftFrom(old.entry.text, old.entry.articles ?? {}) : null;
		}
		const scenario = base ? applyPatch(base.scenario, journal.patch) : null;
		return scenario ? { scenario, articles } : null;
	}

	private async readRecord(record: LibraryRecord): Promise<Draft | null> {
		const direct = draftFrom(record.text, record.articles ?? {});
		if (direct && record.format === 'json') return direct;
		// A YAML record (a file opened in the workspace): read through the loader, then kept as JSON.
		const loaded = await loadScenarioLazily(record.text, record.from || 'scenario.yaml');
		return loaded.ok ? { scenario: loaded.scenario, articles: record.articles ?? {} } : direct;
	}

	private listen(key: string): void {
		if (typeof BroadcastChannel === 'undefined') return;
		this.channel?.close();
		const channel = new BroadcastChannel(CHANNEL);
		this.channel = channel;
		channel.onmessage = (event: MessageEvent) => {
			const m = event.data as { type: string; key: string; tab: string; version?: number };
			if (m.key !== key || m.tab === this.tabId) return;
			if (m.type === 'hello') {
				channel.postMessage({ type: 'here', key, tab: this.tabId });
			} else if (m.type === 'here') {
				this.elsewhere =
					'This scenario is already open for editing in another tab. Edits in both would overwrite each other: edit in the other tab, or make a copy here.';
			} else if (m.type === 'saved' && m.version !== undefined && m.version > this.baseVersion) {
				this.elsewhere =
					'Another tab saved changes to this scenario. Your changes here are not saved over them: make a copy of yours, or reload to see theirs.';
			}
		};
		channel.postMessage({ type: 'hello', key, tab: this.tabId });
	}

	/** Applies an edit, records it for undo, and schedules validation and saving. */
	edit(label: string, change: (d: Draft) => Draft, group?: string): void {
		const before = this.draft;
		if (!before) return;
		const after = change(before);
		if (after === before) return;
		this.history.record(before, after, label, Date.now(), group);
		this.draft = after;
		this.tick++;
		this.changed();
	}

	/** Ends a typing step (on leaving a field), so the next keystrokes are a new undo step. */
	seal(): void {
		this.history.seal();
	}

	undo(): void {
		const step = this.history.undo();
		if (!step) return;
		this.draft = step.before;
		this.tick++;
		this.changed();
	}

	redo(): void {
		const step = this.history.redo();
		if (!step) return;
		this.draft = step.after;
		this.tick++;
		this.changed();
	}

	private changed(): void {
		this.writeJournal();
		this.scheduleValidate();
		if (this.save.kind !== 'failed' || this.save.reason !== 'conflict')
			this.save = { kind: 'pending' };
		if (this.saveTimer) clearTimeout(this.saveTimer);
		this.saveTimer = setTimeout(() => void this.saveNow(), SAVE_DELAY_MS);
	}

	private readJournal(key: string): Journal | null {
		try {
			const raw = localStorage.getItem(JOURNAL_PREFIX + key);
			const value = raw === null ? null : (JSON.parse(raw) as Partial<Journal>);
			if (!value || value.key !== key || typeof value.baseVersion !== 'number') return null;
			if (typeof value.text !== 'string' && (typeof value.patch !== 'object' || !value.patch))
				return null;
			return value as Journal;
		} catch {
			return null;
		}
	}

	/** Forgets the unsaved changes kept for this scenario (saved, put into a copy, or discarded). */
	dropJournal(): void {
		this.forgetJournal();
		this.stray = null;
	}

	private forgetJournal(): void {
		try {
			if (this.key) localStorage.removeItem(JOURNAL_PREFIX + this.key);
		} catch {
			// Storage blocked: there is no journal to forget.
		}
	}

	/**
	 * One synchronous write per change, of the scenario only: article texts are large and change
	 * only when a source is added or replaced, so they are journalled only until that is saved.
	 * No second "last good" copy: the library holds the versions.
	 */
	private writeJournal(): void {
		if (!this.key || !this.draft || !this.savedScenario) return;
		const patch = diffScenario(this.savedScenario, this.draft.scenario);
		const articlesChanged = this.draft.articles !== this.savedArticles;
		// Back to what is saved (an undo, a field typed back): nothing to recover.
		if (isEmptyPatch(patch) && !articlesChanged) {
			this.forgetJournal();
			return;
		}
		const journal: Journal = {
			key: this.key,
			baseVersion: this.baseVersion,
			patch,
			...(articlesChanged ? { articles: { ...this.draft.articles } } : {})
		};
		try {
			localStorage.setItem(JOURNAL_PREFIX + this.key, JSON.stringify(journal));
		} catch (err) {
			const problem = describeStorageError(err, 'keep your last keystrokes');
			if (problem.reason !== 'failed' && this.save.kind !== 'failed')
				this.save = { kind: 'failed', reason: problem.reason, problem: problem.problem };
		}
	}

	/** Saves the draft to the library now (also on leaving the page). */
	async saveNow(): Promise<void> {
		if (this.saveTimer) clearTimeout(this.saveTimer);
		this.saveTimer = null;
		const draft = this.draft;
		if (!this.library || !this.key || !draft) {
			if (!this.library)
				this.save = {
					kind: 'failed',
					reason: 'unavailable',
					problem:
						'This browser offers no storage for the site, so changes are not kept after the tab closes. Download the scenario to keep it.'
				};
			return;
		}
		this.save = { kind: 'saving' };
		const result = await this.library.save(this.key, {
			text: draftJson(draft),
			format: 'json',
			scenarioId: draft.scenario.meta.id,
			title: draft.scenario.meta.title,
			// Unchanged texts stay as stored (they are most of a save's bytes).
			...(draft.articles !== this.savedArticles ? { articles: { ...draft.articles } } : {}),
			baseVersion: this.baseVersion
		});
		if (!result.ok) {
			this.save = { kind: 'failed', reason: result.reason, problem: result.problem };
			if (result.reason === 'conflict')
				this.elsewhere =
					'Another tab saved changes to this scenario first. Yours are kept on this page: make a copy of your version, or reload to see theirs.';
			return;
		}
		// The version this save replaced went to the history: listed without reading it back.
		const replaced = { version: this.baseVersion, savedAt: this.savedAt };
		this.baseVersion = result.record.version;
		this.savedAt = result.record.modifiedAt;
		// Saved: the journal is no longer ahead of the library, unless typing went on meanwhile.
		this.savedArticles = draft.articles;
		this.savedScenario = draft.scenario;
		if (this.draft === draft) {
			this.dropJournal();
			this.save = { kind: 'saved', at: result.record.modifiedAt, version: result.record.version };
		} else this.writeJournal();
		this.channel?.postMessage({
			type: 'saved',
			key: this.key,
			tab: this.tabId,
			version: result.record.version
		});
		this.versions = [
			replaced,
			...this.versions.filter((v) => v.version !== replaced.version)
		].slice(0, HISTORY_LIMIT);
	}

	/** The history's versions, read once on opening (each holds a whole scenario and its texts). */
	async loadVersions(): Promise<void> {
		if (!this.library || !this.key) return;
		const h = await this.library.history(this.key);
		if (h.ok) this.versions = h.versions.map(({ version, savedAt }) => ({ version, savedAt }));
	}

	/** Goes back to an earlier version, as an edit (so it can be undone too); a problem in words. */
	async restore(version: number): Promise<string | null> {
		if (!this.library || !this.key) return 'Storage is not available to read earlier versions.';
		const got = await this.library.historyEntry(this.key, version);
		if (!got.ok) return got.problem;
		const back = draftFrom(got.entry.text, got.entry.articles ?? {});
		if (!back) return `Version ${version} could not be read as a scenario.`;
		this.edit(`Go back to version ${version}`, () => back);
		return null;
	}

	/**
	 * Makes a new library entry holding this page's draft and switches to it: the way out of a
	 * conflict with another tab. Resolves to the new key, or a problem in words.
	 */
	async copyToNew(from: Draft | null = this.draft): Promise<{ key: string } | { problem: string }> {
		const draft = from;
		if (!this.library || !draft) return { problem: 'Storage is not available to make a copy.' };
		const scenario = {
			...draft.scenario,
			meta: { ...draft.scenario.meta, title: `${draft.scenario.meta.title} (copy)` }
		};
		const added = await this.library.add({
			text: draftJson({ ...draft, scenario }),
			format: 'json',
			scenarioId: scenario.meta.id,
			title: scenario.meta.title,
			origin: 'copy',
			from: this.key ?? '',
			articles: { ...draft.articles }
		});
		if (!added.ok) return { problem: added.problem };
		// The copy holds this tab's unsaved changes now; the journal must not offer them again.
		this.dropJournal();
		return { key: added.record.key };
	}

	private scheduleValidate(): void {
		if (this.validateTimer) clearTimeout(this.validateTimer);
		this.validateTimer = setTimeout(() => this.validateNow(), VALIDATE_DELAY_MS);
	}

	/**
	 * The loader's own verdict on the draft, plus quotes checked against their article texts, in
	 * the validation worker (draft-problems.ts).
	 */
	validateNow(): void {
		const draft = this.draft;
		if (!draft) return;
		this.validator ??= new DraftValidator();
		void this.validator.check(draftJson(draft), draft.articles).then((problems) => {
			if (problems && this.draft === draft) this.problems = problems;
		});
	}

	close(): void {
		if (this.saveTimer) void this.saveNow();
		this.validator?.close();
		this.channel?.close();
		this.library?.close();
	}
}

export const [getEditor, setEditor] = createContext<EditorState>();
