/**
 * What the app keeps in the browser (preferences, a loaded scenario, later a student's work) is
 * saved in a versioned envelope `{v, savedAt, data}`, and the copy it replaces is kept under
 * `key + ':last-good'`. Reading never throws and never drops data silently: a full quota, data
 * that will not parse, a version from the future or data the caller's validator refuses each
 * come back as a `problem` in words, with the unreadable or unsaved text for the person to
 * download. Takes any `Storage`-like object so that every fault can be tested in Node.
 */

/** The subset of the Web Storage API used here; `localStorage` and test fakes both fit. */
export interface StorageLike {
	getItem(key: string): string | null;
	setItem(key: string, value: string): void;
	removeItem(key: string): void;
}

export const ENVELOPE_VERSION = 1;
export const LAST_GOOD_SUFFIX = ':last-good';

export interface Envelope<T = unknown> {
	v: number;
	/** ISO 8601 time of the save. */
	savedAt: string;
	data: T;
}

/** The caller's check of what was read: the value to use, or why it cannot be used. */
export type Validator<T> = (
	data: unknown
) => { ok: true; value: T } | { ok: false; problem: string };

export interface EnvelopeOptions<T> {
	/** How the data is named in messages, e.g. "your preferences". The key when absent. */
	label?: string;
	/** Checks the data inside an envelope; anything JSON is accepted when absent. */
	validate?: Validator<T>;
	/** Brings data saved by an older envelope version up to date; older data is refused when absent. */
	migrate?: (data: unknown, fromVersion: number) => unknown;
	/** The clock, for tests. */
	now?: () => Date;
	/**
	 * The stored text this writer last read or wrote. When given and the stored text differs
	 * (another tab saved since), nothing is written: the save returns `conflict` with that text.
	 */
	expect?: string | null;
}

export type SaveResult =
	| { ok: true; savedAt: string; /** The text now stored. */ text: string }
	| {
			ok: false;
			reason: 'conflict';
			problem: string;
			/** The text another writer stored. */ stored: string | null;
			unsaved?: string;
	  }
	| {
			ok: false;
			reason: 'quota' | 'unavailable' | 'not-serializable';
			problem: string;
			/** The envelope that could not be saved, as text, so the person can download it. */
			unsaved?: string;
	  };

export interface LoadResult<T> {
	/** The data to use; undefined when nothing usable was saved. */
	value: T | undefined;
	from: 'saved' | 'last-good' | 'nothing';
	savedAt?: string;
	/** Set whenever something was wrong, even when a last-good copy was used instead. */
	problem?: string;
	/** The text that could not be read, kept so the person can download it. */
	raw?: string;
}

export function isQuotaError(error: unknown): boolean {
	if (typeof error !== 'object' || error === null) return false;
	const { name, code } = error as { name?: unknown; code?: unknown };
	// Chrome and Safari: QuotaExceededError / 22; old Firefox: NS_ERROR_DOM_QUOTA_REACHED / 1014.
	return (
		name === 'QuotaExceededError' ||
		name === 'NS_ERROR_DOM_QUOTA_REACHED' ||
		code === 22 ||
		code === 1014
	);
}

function messageOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

type Read<T> = { ok: true; envelope: Envelope<T> } | { ok: false; problem: string };

/** Parses one stored text into a usable envelope, or says in words why it is not one. */
function readEnvelope<T>(raw: string, options: EnvelopeOptions<T>): Read<T> {
	let parsed: unknown;
	try {
		parsed = JSON.parse(raw);
	} catch {
		return { ok: false, problem: 'it is not valid JSON (the stored text is damaged)' };
	}
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
		return { ok: false, problem: 'it is not a saved-data envelope' };
	}
	const { v, savedAt, data } = parsed as Partial<Envelope>;
	if (typeof v !== 'number' || !Number.isInteger(v) || typeof savedAt !== 'string') {
		return { ok: false, problem: 'it is not a saved-data envelope' };
	}
	if (!('data' in parsed)) return { ok: false, problem: 'the envelope holds no data' };
	if (v > ENVELOPE_VERSION) {
		return {
			ok: false,
			problem: `it was saved by a newer version of Stancegrid (format ${v}; this one reads ${ENVELOPE_VERSION})`
		};
	}
	let current: unknown = data;
	if (v < ENVELOPE_VERSION) {
		if (!options.migrate) {
			return { ok: false, problem: `it is in an old format (${v}) that this version cannot read` };
		}
		try {
			current = options.migrate(data, v);
		} catch (error) {
			return { ok: false, problem: `it could not be brought up to date (${messageOf(error)})` };
		}
	}
	if (options.validate) {
		let checked: ReturnType<Validator<T>>;
		try {
			checked = options.validate(current);
		} catch (error) {
			checked = { ok: false, problem: messageOf(error) };
		}
		if (!checked.ok) return { ok: false, problem: checked.problem };
		current = checked.value;
	}
	return { ok: true, envelope: { v: ENVELOPE_VERSION, savedAt, data: current as T } };
}

function getItem(storage: StorageLike, key: string): { text: string | null } | { error: unknown } {
	try {
		return { text: storage.getItem(key) };
	} catch (error) {
		// Blocked storage (privacy settings, sandboxed frames) throws on access.
		return { error };
	}
}

/**
 * Saves `value` under `key`, first moving the copy it replaces to `key:last-good` if that copy
 * is readable (a damaged copy never overwrites the last good one). On any failure what was saved
 * before is left as it was.
 */
export function save<T>(
	storage: StorageLike,
	key: string,
	value: T,
	options: EnvelopeOptions<T> = {}
): SaveResult {
	const label = options.label ?? key;
	const savedAt = (options.now?.() ?? new Date()).toISOString();
	let text: string;
	try {
		text = JSON.stringify({ v: ENVELOPE_VERSION, savedAt, data: value } satisfies Envelope<T>);
	} catch (error) {
		return {
			ok: false,
			reason: 'not-serializable',
			problem: `${label} could not be saved: ${messageOf(error)}`
		};
	}
	const failed = (error: unknown): SaveResult =>
		isQuotaError(error)
			? {
					ok: false,
					reason: 'quota',
					problem: `The browser's storage for this site is full, so ${label} could not be saved. What was saved before is kept; download this version to keep it.`,
					unsaved: text
				}
			: {
					ok: false,
					reason: 'unavailable',
					problem: `The browser did not let this site save ${label} (${messageOf(error)}). Download it to keep it.`,
					unsaved: text
				};
	const previous = getItem(storage, key);
	if ('error' in previous) return failed(previous.error);
	if (options.expect !== undefined && previous.text !== options.expect)
		return {
			ok: false,
			reason: 'conflict',
			problem: `${label} was changed in another tab since this one read it`,
			stored: previous.text
		};
	try {
		if (previous.text !== null && readEnvelope(previous.text, options).ok) {
			storage.setItem(key + LAST_GOOD_SUFFIX, previous.text);
		}
		storage.setItem(key, text);
	} catch (error) {
		return failed(error);
	}
	return { ok: true, savedAt, text };
}

/**
 * Reads `key`; when it is missing, damaged, from a newer version or refused by the validator,
 * falls back to `key:last-good` and says so. The damaged text is returned, never deleted: the
 * next successful save replaces it.
 */
export function load<T>(
	storage: StorageLike,
	key: string,
	options: EnvelopeOptions<T> = {}
): LoadResult<T> {
	const label = options.label ?? key;
	const current = getItem(storage, key);
	if ('error' in current) {
		return {
			value: undefined,
			from: 'nothing',
			problem: `The browser did not let this site read ${label} (${messageOf(current.error)}).`
		};
	}
	let problem: string | undefined;
	let raw: string | undefined;
	if (current.text !== null) {
		const read = readEnvelope(current.text, options);
		if (read.ok)
			return { value: read.envelope.data, from: 'saved', savedAt: read.envelope.savedAt };
		problem = `The saved copy of ${label} could not be used: ${read.problem}.`;
		raw = current.text;
	}
	const backup = getItem(storage, key + LAST_GOOD_SUFFIX);
	if ('error' in backup || backup.text === null) {
		if (current.text === null) return { value: undefined, from: 'nothing' };
		return {
			value: undefined,
			from: 'nothing',
			problem: `${problem} No earlier copy was kept.`,
			raw
		};
	}
	const read = readEnvelope(backup.text, options);
	if (!read.ok) {
		return {
			value: undefined,
			from: 'nothing',
			problem: `${problem ?? `The saved copy of ${label} is missing.`} The earlier copy could not be used either: ${read.problem}.`,
			raw: raw ?? backup.text
		};
	}
	return {
		value: read.envelope.data,
		from: 'last-good',
		savedAt: read.envelope.savedAt,
		problem: `${problem ?? `The saved copy of ${label} is missing.`} The earlier copy from ${read.envelope.savedAt} is used instead.`,
		...(raw === undefined ? {} : { raw })
	};
}

/** Forgets `key` and its last-good copy. */
export function remove(storage: StorageLike, key: string): void {
	try {
		storage.removeItem(key);
		storage.removeItem(key + LAST_GOOD_SUFFIX);
	} catch {
		// Blocked storage holds nothing of ours to forget.
	}
}

/**
 * `localStorage`, or null where the browser blocks it (reading the property itself throws when
 * site data is disabled) or where there is none (Node, prerendering).
 */
export function browserStorage(): StorageLike | null {
	try {
		const storage = (globalThis as { localStorage?: StorageLike }).localStorage;
		return storage ?? null;
	} catch {
		return null;
	}
}
