import { afterEach, describe, expect, it, vi } from 'vitest';
import {
	browserStorage,
	ENVELOPE_VERSION,
	isQuotaError,
	LAST_GOOD_SUFFIX,
	load,
	remove,
	save,
	type StorageLike,
	type Validator
} from '../../src/lib/storage/envelope';

/** An in-memory Storage with a quota in characters, like the browser's (about 5 M per origin). */
class FakeStorage implements StorageLike {
	readonly items = new Map<string, string>();
	quota = Infinity;
	/** Throw this on every access, as blocked storage does. */
	blocked: Error | null = null;
	/** Make the n-th next setItem throw a quota error regardless of size. */
	failNextSet = 0;
	constructor(public readonly quotaError: () => Error = chromeQuotaError) {}

	private used(except?: string): number {
		let total = 0;
		for (const [k, v] of this.items) if (k !== except) total += k.length + v.length;
		return total;
	}
	getItem(key: string): string | null {
		if (this.blocked) throw this.blocked;
		return this.items.get(key) ?? null;
	}
	setItem(key: string, value: string): void {
		if (this.blocked) throw this.blocked;
		if (this.failNextSet > 0 && --this.failNextSet === 0) throw this.quotaError();
		if (this.used(key) + key.length + value.length > this.quota) throw this.quotaError();
		this.items.set(key, value);
	}
	removeItem(key: string): void {
		if (this.blocked) throw this.blocked;
		this.items.delete(key);
	}
}

function chromeQuotaError(): Error {
	return new DOMException(
		"Failed to execute 'setItem' on 'Storage': Setting the value of 'k' exceeded the quota.",
		'QuotaExceededError'
	);
}

interface Prefs {
	theme: 'light' | 'dark';
	size: number;
}

const validPrefs: Validator<Prefs> = (data) => {
	const d = data as Partial<Prefs> | null;
	if (d && (d.theme === 'light' || d.theme === 'dark') && typeof d.size === 'number') {
		return { ok: true, value: { theme: d.theme, size: d.size } };
	}
	return { ok: false, problem: 'it does not look like preferences' };
};

const KEY = 'stancegrid:prefs';
const at = (iso: string) => () => new Date(iso);
const options = { label: 'your preferences', validate: validPrefs };

describe('save and load', () => {
	it('writes a versioned envelope and reads the data back', () => {
		const storage = new FakeStorage();
		const saved = save(
			storage,
			KEY,
			{ theme: 'dark', size: 2 },
			{ now: at('2025-10-01T08:00:00Z') }
		);
		expect(saved).toMatchObject({ ok: true, savedAt: '2025-10-01T08:00:00.000Z' });
		expect(saved.ok && saved.text).toBe(storage.getItem(KEY));
		expect(JSON.parse(storage.items.get(KEY)!)).toEqual({
			v: ENVELOPE_VERSION,
			savedAt: '2025-10-01T08:00:00.000Z',
			data: { theme: 'dark', size: 2 }
		});
		expect(load(storage, KEY, options)).toEqual({
			value: { theme: 'dark', size: 2 },
			from: 'saved',
			savedAt: '2025-10-01T08:00:00.000Z'
		});
	});

	it('nothing saved: no value and no problem', () => {
		expect(load(new FakeStorage(), KEY, options)).toEqual({ value: undefined, from: 'nothing' });
	});

	it('keeps the copy it replaces as last-good', () => {
		const storage = new FakeStorage();
		save(storage, KEY, { theme: 'dark', size: 1 }, { now: at('2025-10-01T08:00:00Z') });
		save(storage, KEY, { theme: 'light', size: 2 }, { now: at('2025-10-02T08:00:00Z') });
		expect(JSON.parse(storage.items.get(KEY + LAST_GOOD_SUFFIX)!).data).toEqual({
			theme: 'dark',
			size: 1
		});
		expect(load(storage, KEY, options).value).toEqual({ theme: 'light', size: 2 });
	});

	it('remove forgets the data and its last-good copy', () => {
		const storage = new FakeStorage();
		save(storage, KEY, { theme: 'dark', size: 1 });
		save(storage, KEY, { theme: 'dark', size: 2 });
		remove(storage, KEY);
		expect([...storage.items.keys()]).toEqual([]);
	});
});

describe('faults', () => {
	it('quota exceeded: a problem in words, the unsaved text for download, old data intact', () => {
		const storage = new FakeStorage();
		save(storage, KEY, { theme: 'dark', size: 1 }, { now: at('2025-10-01T08:00:00Z') });
		const before = new Map(storage.items);
		storage.quota = storage.items.get(KEY)!.length * 2 + 40;
		const big = { theme: 'light' as const, size: 2, pad: 'x'.repeat(500) };
		const result = save(storage, KEY, big, { label: 'your preferences' });
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.reason).toBe('quota');
		expect(result.problem).toBe(
			"The browser's storage for this site is full, so your preferences could not be saved. What was saved before is kept; download this version to keep it."
		);
		expect(JSON.parse(result.unsaved!).data).toEqual(big);
		expect(storage.items.get(KEY)).toBe(before.get(KEY));
		expect(load(storage, KEY, options).value).toEqual({ theme: 'dark', size: 1 });
	});

	it('quota exceeded while keeping the last-good copy: nothing is changed', () => {
		const storage = new FakeStorage();
		save(storage, KEY, { theme: 'dark', size: 1 });
		const before = new Map(storage.items);
		storage.failNextSet = 1;
		const result = save(storage, KEY, { theme: 'light', size: 2 });
		expect(result.ok || result.reason).toBe('quota');
		expect(storage.items).toEqual(before);
	});

	it.each([
		['Chrome/Safari', () => new DOMException('full', 'QuotaExceededError')],
		['old Firefox', () => Object.assign(new Error('full'), { name: 'NS_ERROR_DOM_QUOTA_REACHED' })],
		['legacy code 22', () => Object.assign(new Error('full'), { code: 22 })]
	])('recognises the %s quota error', (_name, make) => {
		expect(isQuotaError(make())).toBe(true);
		const storage = new FakeStorage(make);
		storage.quota = 10;
		const result = save(storage, KEY, { theme: 'dark', size: 1 });
		expect(result.ok || result.reason).toBe('quota');
	});

	it('does not take other errors for a full quota', () => {
		expect(isQuotaError(new TypeError('x'))).toBe(false);
		expect(isQuotaError(null)).toBe(false);
		expect(isQuotaError('QuotaExceededError')).toBe(false);
	});

	it('corrupted JSON: falls back to last-good, says so, and returns the damaged text', () => {
		const storage = new FakeStorage();
		save(storage, KEY, { theme: 'dark', size: 1 }, { now: at('2025-10-01T08:00:00Z') });
		save(storage, KEY, { theme: 'light', size: 2 }, { now: at('2025-10-02T08:00:00Z') });
		const damaged = storage.items.get(KEY)!.slice(0, 20);
		storage.items.set(KEY, damaged);
		expect(load(storage, KEY, options)).toEqual({
			value: { theme: 'dark', size: 1 },
			from: 'last-good',
			savedAt: '2025-10-01T08:00:00.000Z',
			problem:
				'The saved copy of your preferences could not be used: it is not valid JSON (the stored text is damaged). The earlier copy from 2025-10-01T08:00:00.000Z is used instead.',
			raw: damaged
		});
		// Reading does not delete the damaged text; the next save replaces it but keeps last-good.
		expect(storage.items.get(KEY)).toBe(damaged);
		save(storage, KEY, { theme: 'light', size: 3 });
		expect(JSON.parse(storage.items.get(KEY + LAST_GOOD_SUFFIX)!).data).toEqual({
			theme: 'dark',
			size: 1
		});
	});

	it('corrupted with no earlier copy: no value, a problem, and the text to download', () => {
		const storage = new FakeStorage();
		storage.items.set(KEY, '{"v":1,"savedAt":');
		expect(load(storage, KEY, options)).toEqual({
			value: undefined,
			from: 'nothing',
			problem:
				'The saved copy of your preferences could not be used: it is not valid JSON (the stored text is damaged). No earlier copy was kept.',
			raw: '{"v":1,"savedAt":'
		});
	});

	it('both copies damaged: says both, returns the newer text', () => {
		const storage = new FakeStorage();
		storage.items.set(KEY, 'garbage');
		storage.items.set(KEY + LAST_GOOD_SUFFIX, '[1,2]');
		const result = load(storage, KEY, options);
		expect(result.value).toBeUndefined();
		expect(result.problem).toBe(
			'The saved copy of your preferences could not be used: it is not valid JSON (the stored text is damaged). The earlier copy could not be used either: it is not a saved-data envelope.'
		);
		expect(result.raw).toBe('garbage');
	});

	it('missing current copy with a last-good one: uses it and says so', () => {
		const storage = new FakeStorage();
		save(storage, KEY, { theme: 'dark', size: 1 }, { now: at('2025-10-01T08:00:00Z') });
		save(storage, KEY, { theme: 'dark', size: 2 });
		storage.items.delete(KEY);
		const result = load(storage, KEY, options);
		expect(result.from).toBe('last-good');
		expect(result.value).toEqual({ theme: 'dark', size: 1 });
		expect(result.problem).toBe(
			'The saved copy of your preferences is missing. The earlier copy from 2025-10-01T08:00:00.000Z is used instead.'
		);
		expect(result.raw).toBeUndefined();
	});

	it('valid JSON that is not an envelope (an older app wrote the bare value)', () => {
		const storage = new FakeStorage();
		storage.items.set(KEY, '{"theme":"dark","size":1}');
		const result = load(storage, KEY, options);
		expect(result.value).toBeUndefined();
		expect(result.problem).toContain('it is not a saved-data envelope');
		expect(result.raw).toBe('{"theme":"dark","size":1}');
	});

	it("the validator refuses the data: falls back, with the validator's reason", () => {
		const storage = new FakeStorage();
		save(storage, KEY, { theme: 'dark', size: 1 }, { now: at('2025-10-01T08:00:00Z') });
		storage.setItem(KEY + LAST_GOOD_SUFFIX, storage.getItem(KEY)!);
		storage.setItem(KEY, JSON.stringify({ v: 1, savedAt: 'x', data: { theme: 'pink' } }));
		const result = load(storage, KEY, options);
		expect(result.from).toBe('last-good');
		expect(result.problem).toContain('could not be used: it does not look like preferences.');
	});

	it('a validator that throws is a problem, not a crash', () => {
		const storage = new FakeStorage();
		save(storage, KEY, { theme: 'dark', size: 1 });
		const result = load(storage, KEY, {
			validate: () => {
				throw new Error('boom');
			}
		});
		expect(result.value).toBeUndefined();
		expect(result.problem).toContain('boom');
	});

	it('a newer format is not read (and not overwritten by a failed read)', () => {
		const storage = new FakeStorage();
		const future = JSON.stringify({ v: ENVELOPE_VERSION + 1, savedAt: 'x', data: {} });
		storage.items.set(KEY, future);
		const result = load(storage, KEY, options);
		expect(result.value).toBeUndefined();
		expect(result.problem).toContain(
			`it was saved by a newer version of Stancegrid (format ${ENVELOPE_VERSION + 1}; this one reads ${ENVELOPE_VERSION})`
		);
		expect(result.raw).toBe(future);
		expect(storage.items.get(KEY)).toBe(future);
	});

	it('an older format is migrated when the caller knows how, refused otherwise', () => {
		const storage = new FakeStorage();
		storage.items.set(KEY, JSON.stringify({ v: 0, savedAt: 's', data: { dark: true } }));
		expect(load(storage, KEY, options).problem).toContain('old format (0)');
		const migrated = load(storage, KEY, {
			...options,
			migrate: (data) => ({ theme: (data as { dark: boolean }).dark ? 'dark' : 'light', size: 1 })
		});
		expect(migrated.value).toEqual({ theme: 'dark', size: 1 });
	});

	it('blocked storage: load and save report it instead of throwing', () => {
		const storage = new FakeStorage();
		storage.blocked = new DOMException('The operation is insecure.', 'SecurityError');
		expect(load(storage, KEY, options)).toEqual({
			value: undefined,
			from: 'nothing',
			problem:
				'The browser did not let this site read your preferences (The operation is insecure.).'
		});
		const saved = save(storage, KEY, { theme: 'dark', size: 1 }, options);
		expect(saved.ok || saved.reason).toBe('unavailable');
		expect(() => remove(storage, KEY)).not.toThrow();
	});

	it('a value JSON cannot hold is refused before anything is written', () => {
		const storage = new FakeStorage();
		const cyclic: Record<string, unknown> = {};
		cyclic.self = cyclic;
		const result = save(storage, KEY, cyclic);
		expect(result.ok || result.reason).toBe('not-serializable');
		expect(storage.items.size).toBe(0);
	});

	it('a damaged current copy never replaces the last good one', () => {
		const storage = new FakeStorage();
		save(storage, KEY, { theme: 'dark', size: 1 });
		save(storage, KEY, { theme: 'dark', size: 2 });
		storage.items.set(KEY, 'garbage');
		save(storage, KEY, { theme: 'dark', size: 3 });
		expect(JSON.parse(storage.items.get(KEY + LAST_GOOD_SUFFIX)!).data).toEqual({
			theme: 'dark',
			size: 1
		});
	});
});

describe('browserStorage', () => {
	afterEach(() => {
		vi.unstubAllGlobals();
	});

	it('is null where there is no localStorage (Node, prerendering)', () => {
		expect(browserStorage()).toBeNull();
	});

	it('is null where reading localStorage throws (site data blocked)', () => {
		vi.stubGlobal('localStorage', undefined);
		Object.defineProperty(globalThis, 'localStorage', {
			configurable: true,
			get() {
				throw new DOMException('Access is denied', 'SecurityError');
			}
		});
		expect(browserStorage()).toBeNull();
	});

	it('is localStorage where there is one', () => {
		const storage = new FakeStorage();
		vi.stubGlobal('localStorage', storage);
		expect(browserStorage()).toBe(storage);
	});
});
