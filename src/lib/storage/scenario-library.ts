/**
 * The local scenario library: every scenario the person opened (file, address, drop) or made,
 * kept in IndexedDB through `idb` so it survives reloads, Back and closed tabs. A record keeps
 * the text as it was opened or last saved, so nothing is lost in translation; the loader checks
 * it again whenever it is opened (storage is a boundary, like a file).
 *
 * Edited scenarios save through `save` with the version they started from: a save over a newer
 * version (another tab, another window) is refused as a conflict instead of overwriting it. The
 * versions a record replaces are kept in a history store, newest first, up to `HISTORY_LIMIT`.
 *
 * Every call resolves to a result and never throws: storage that is full, blocked, missing or
 * corrupted comes back as a problem in words, and nothing stored is deleted because it could
 * not be read.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

export const LIBRARY_DB = 'stancegrid-library';
export const LIBRARY_DB_VERSION = 1;
export const HISTORY_LIMIT = 50;

export type LibraryOrigin = 'file' | 'address' | 'drop' | 'authored' | 'copy';
export type TextFormat = 'yaml' | 'json';

export interface LibraryRecord {
	/** This record's own key: stable across edits, unlike the scenario's `meta.id`. */
	key: string;
	/** The scenario as text, as opened or last saved; checked by the loader when opened. */
	text: string;
	format: TextFormat;
	/** `meta.id` and `meta.title`, for the switcher without parsing every record. */
	scenarioId: string;
	title: string;
	origin: LibraryOrigin;
	/** File name or address it came from; for made scenarios, what it was copied from or ''. */
	from: string;
	/** ISO 8601 times. */
	addedAt: string;
	modifiedAt: string;
	/** 1 when added; each save adds one. */
	version: number;
	/**
	 * Article texts by source id, for authoring. Kept in this browser only: they are usually
	 * copyrighted and leave it only when the person exports them on purpose.
	 */
	articles?: Record<string, string>;
}

export type LibrarySummary = Omit<LibraryRecord, 'text' | 'articles'> & { bytes: number };

export interface HistoryEntry {
	key: string;
	version: number;
	savedAt: string;
	text: string;
	format: TextFormat;
	articles?: Record<string, string>;
}

interface LibrarySchema extends DBSchema {
	scenarios: { key: string; value: LibraryRecord; indexes: { modifiedAt: string } };
	history: {
		key: [string, number];
		value: HistoryEntry;
		indexes: { byKey: string };
	};
}

export type LibraryProblem = {
	reason: 'quota' | 'unavailable' | 'conflict' | 'missing' | 'corrupt' | 'failed';
	problem: string;
};
export type LibraryResult<T> = ({ ok: true } & T) | ({ ok: false } & LibraryProblem);

export interface NewScenario {
	text: string;
	format: TextFormat;
	scenarioId: string;
	title: string;
	origin: LibraryOrigin;
	from: string;
	articles?: Record<string, string>;
}

export interface SaveChange {
	text: string;
	format?: TextFormat;
	scenarioId: string;
	title: string;
	articles?: Record<string, string>;
	/** The version this change was made from; a newer stored version refuses the save. */
	baseVersion: number;
}

/** Words for a failed storage call, from the DOMException's name. */
export function describeStorageError(err: unknown, doing: string): LibraryProblem {
	const name = err instanceof Error || err instanceof DOMException ? err.name : '';
	if (name === 'QuotaExceededError')
		return {
			reason: 'quota',
			problem: `Could not ${doing}: this browser's storage for the site is full. Download what is on screen to keep it, or remove scenarios you no longer need.`
		};
	if (name === 'InvalidStateError' || name === 'SecurityError' || name === 'UnknownError')
		return {
			reason: 'unavailable',
			problem: `Could not ${doing}: this browser's storage is not available (private mode, blocked or disabled). What is on screen stays until you close the tab; download it to keep it.`
		};
	const message = err instanceof Error ? err.message : String(err);
	return {
		reason: 'failed',
		problem: `Could not ${doing}: ${message || name || 'storage failed'}.`
	};
}

function isRecord(value: unknown): value is LibraryRecord {
	if (!value || typeof value !== 'object') return false;
	const r = value as Record<string, unknown>;
	return (
		typeof r.key === 'string' &&
		typeof r.text === 'string' &&
		(r.format === 'yaml' || r.format === 'json') &&
		typeof r.scenarioId === 'string' &&
		typeof r.title === 'string' &&
		typeof r.origin === 'string' &&
		typeof r.from === 'string' &&
		typeof r.addedAt === 'string' &&
		typeof r.modifiedAt === 'string' &&
		typeof r.version === 'number'
	);
}

function summary(record: LibraryRecord): LibrarySummary {
	const { text, articles, ...rest } = record;
	void articles; // article texts stay out of the list: they can be large
	return { ...rest, bytes: text.length };
}

export interface LibraryOptions {
	now?: () => Date;
	newKey?: () => string;
}

export class ScenarioLibrary {
	private constructor(
		private readonly db: IDBPDatabase<LibrarySchema>,
		private readonly now: () => Date,
		private readonly newKey: () => string
	) {}

	/** Opens (or creates) the library; resolves to a problem when IndexedDB is unavailable. */
	static async open(
		options: LibraryOptions = {}
	): Promise<LibraryResult<{ library: ScenarioLibrary }>> {
		if (typeof indexedDB === 'undefined')
			return {
				ok: false,
				reason: 'unavailable',
				problem:
					'This browser offers no storage for the site (IndexedDB is missing or disabled): scenarios you open are not kept after the tab closes.'
			};
		try {
			const db = await openDB<LibrarySchema>(LIBRARY_DB, LIBRARY_DB_VERSION, {
				upgrade(db) {
					const scenarios = db.createObjectStore('scenarios', { keyPath: 'key' });
					scenarios.createIndex('modifiedAt', 'modifiedAt');
					const history = db.createObjectStore('history', { keyPath: ['key', 'version'] });
					history.createIndex('byKey', 'key');
				},
				blocking() {
					// A newer version of the app wants to upgrade: let it, this tab reopens on reload.
					db.close();
				}
			});
			return {
				ok: true,
				library: new ScenarioLibrary(
					db,
					options.now ?? (() => new Date()),
					options.newKey ?? (() => crypto.randomUUID())
				)
			};
		} catch (err) {
			return { ok: false, ...describeStorageError(err, 'open the scenario library') };
		}
	}

	/**
	 * Every record, newest change first. Records that are not readable are counted in `unreadable`
	 * and left in place: they are never deleted for that.
	 */
	async list(): Promise<LibraryResult<{ items: LibrarySummary[]; unreadable: number }>> {
		try {
			const all: unknown[] = await this.db.getAll('scenarios');
			const items = all.filter(isRecord).map(summary);
			items.sort((a, b) => b.modifiedAt.localeCompare(a.modifiedAt));
			return { ok: true, items, unreadable: all.length - items.length };
		} catch (err) {
			return { ok: false, ...describeStorageError(err, 'read the scenario library') };
		}
	}

	async get(key: string): Promise<LibraryResult<{ record: LibraryRecord }>> {
		try {
			const record: unknown = await this.db.get('scenarios', key);
			if (record === undefined)
				return {
					ok: false,
					reason: 'missing',
					problem: 'That scenario is no longer in this browser’s library.'
				};
			if (!isRecord(record))
				return {
					ok: false,
					reason: 'corrupt',
					problem: 'That library entry is damaged and cannot be read; it has been left as it is.'
				};
			return { ok: true, record };
		} catch (err) {
			return { ok: false, ...describeStorageError(err, 'read the scenario') };
		}
	}

	/**
	 * Keeps an opened scenario. The same text opened again from the same place updates that
	 * record's time instead of adding a copy.
	 */
	async add(entry: NewScenario): Promise<LibraryResult<{ record: LibraryRecord }>> {
		const time = this.now().toISOString();
		try {
			const tx = this.db.transaction('scenarios', 'readwrite');
			let same: LibraryRecord | undefined;
			if (entry.origin !== 'authored' && entry.origin !== 'copy') {
				for (const r of (await tx.store.getAll()) as unknown[]) {
					if (
						isRecord(r) &&
						r.origin === entry.origin &&
						r.from === entry.from &&
						r.text === entry.text
					) {
						same = r;
						break;
					}
				}
			}
			const record: LibraryRecord = same
				? { ...same, modifiedAt: time }
				: { ...entry, key: this.newKey(), addedAt: time, modifiedAt: time, version: 1 };
			await tx.store.put(record);
			await tx.done;
			return { ok: true, record };
		} catch (err) {
			return { ok: false, ...describeStorageError(err, 'keep the scenario in this browser') };
		}
	}

	/**
	 * Saves a change to a record made from `baseVersion`. Another save since then (another tab)
	 * is a `conflict`, with nothing written; the replaced version goes to the history.
	 */
	async save(key: string, change: SaveChange): Promise<LibraryResult<{ record: LibraryRecord }>> {
		const time = this.now().toISOString();
		try {
			const tx = this.db.transaction(['scenarios', 'history'], 'readwrite');
			const stored: unknown = await tx.objectStore('scenarios').get(key);
			if (!isRecord(stored)) {
				tx.abort();
				await tx.done.catch(() => undefined);
				return stored === undefined
					? {
							ok: false,
							reason: 'missing',
							problem: 'That scenario was removed from the library in another tab or window.'
						}
					: {
							ok: false,
							reason: 'corrupt',
							problem: 'The stored copy is damaged; it has been left as it is.'
						};
			}
			if (stored.version !== change.baseVersion) {
				tx.abort();
				await tx.done.catch(() => undefined);
				return {
					ok: false,
					reason: 'conflict',
					problem: `This scenario was changed in another tab or window (version ${stored.version}, yours started from ${change.baseVersion}). Nothing was overwritten.`
				};
			}
			const history = tx.objectStore('history');
			await history.put({
				key,
				version: stored.version,
				savedAt: stored.modifiedAt,
				text: stored.text,
				format: stored.format,
				...(stored.articles ? { articles: stored.articles } : {})
			});
			const old = await history.index('byKey').getAllKeys(key);
			old.sort((a, b) => a[1] - b[1]);
			for (const k of old.slice(0, Math.max(0, old.length - HISTORY_LIMIT)))
				await history.delete(k);
			const record: LibraryRecord = {
				...stored,
				text: change.text,
				format: change.format ?? stored.format,
				scenarioId: change.scenarioId,
				title: change.title,
				modifiedAt: time,
				version: stored.version + 1,
				...(change.articles !== undefined ? { articles: change.articles } : {})
			};
			await tx.objectStore('scenarios').put(record);
			await tx.done;
			return { ok: true, record };
		} catch (err) {
			return { ok: false, ...describeStorageError(err, 'save your changes') };
		}
	}

	/** Earlier versions of a record, newest first. */
	async history(key: string): Promise<LibraryResult<{ versions: HistoryEntry[] }>> {
		try {
			const versions = await this.db.getAllFromIndex('history', 'byKey', key);
			versions.sort((a, b) => b.version - a.version);
			return { ok: true, versions };
		} catch (err) {
			return { ok: false, ...describeStorageError(err, 'read the version history') };
		}
	}

	/** One earlier version, whole (the list above is read once; a restore reads only its own). */
	async historyEntry(
		key: string,
		version: number
	): Promise<LibraryResult<{ entry: HistoryEntry }>> {
		try {
			const entry = await this.db.get('history', [key, version]);
			return entry
				? { ok: true, entry }
				: {
						ok: false,
						reason: 'missing',
						problem: `Version ${version} is no longer in this browser's history.`
					};
		} catch (err) {
			return { ok: false, ...describeStorageError(err, 'read the version history') };
		}
	}

	/** Removes a record and its history. */
	async remove(key: string): Promise<LibraryResult<object>> {
		try {
			const tx = this.db.transaction(['scenarios', 'history'], 'readwrite');
			await tx.objectStore('scenarios').delete(key);
			const history = tx.objectStore('history');
			for (const k of await history.index('byKey').getAllKeys(key)) await history.delete(k);
			await tx.done;
			return { ok: true };
		} catch (err) {
			return { ok: false, ...describeStorageError(err, 'remove the scenario') };
		}
	}

	close(): void {
		this.db.close();
	}
}
