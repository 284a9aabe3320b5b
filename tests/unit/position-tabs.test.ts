/**
 * Two tabs with the same position open (issue 16): neither overwrites the other's answers
 * silently, and the last-good copy survives. Two stores share one storage, as two tabs share
 * localStorage; the storage event is delivered by calling `sync`, as the browser would.
 */
import { describe, expect, it } from 'vitest';
import { EMPTY_POSITION, withStance } from '../../src/lib/analysis/my-position';
import { mergePositions } from '../../src/lib/state/position-merge';
import { PositionStore } from '../../src/lib/state/position.svelte';
import { LAST_GOOD_SUFFIX, load, save, type StorageLike } from '../../src/lib/storage/envelope';

function memoryStorage(): StorageLike & { data: Map<string, string> } {
	const data = new Map<string, string>();
	return {
		data,
		getItem: (k) => data.get(k) ?? null,
		setItem: (k, v) => void data.set(k, v),
		removeItem: (k) => void data.delete(k)
	};
}

describe('mergePositions', () => {
	const base = withStance(EMPTY_POSITION, 'a', 'support');
	it('keeps a change made in either tab', () => {
		const mine = withStance(base, 'b', 'oppose');
		const theirs = withStance(base, 'c', 'conditional');
		expect(mergePositions(base, mine, theirs)).toEqual({
			value: { stances: { a: 'support', b: 'oppose', c: 'conditional' }, reasons: {} },
			conflicts: []
		});
	});
	it('names an option both changed differently, keeping this tab’s answer', () => {
		const merged = mergePositions(
			base,
			withStance(base, 'a', 'oppose'),
			withStance(base, 'a', 'conditional')
		);
		expect(merged.value.stances).toEqual({ a: 'oppose' });
		expect(merged.conflicts).toEqual(['a']);
	});
	it('a removal in one tab is kept', () => {
		expect(mergePositions(base, base, EMPTY_POSITION).value.stances).toEqual({});
	});
});

describe('envelope save with an expected copy', () => {
	it('refuses to overwrite a copy another writer stored since', () => {
		const storage = memoryStorage();
		const first = save(storage, 'k', 1);
		expect(first.ok).toBe(true);
		save(storage, 'k', 2);
		const stale = save(storage, 'k', 3, { expect: first.ok ? first.text : null });
		expect(stale).toMatchObject({ ok: false, reason: 'conflict' });
		expect(load(storage, 'k').value).toBe(2);
	});
});

describe('two tabs', () => {
	it('answers from both tabs survive, whatever the order of saves', () => {
		const storage = memoryStorage();
		const tabA = new PositionStore('s', storage);
		const tabB = new PositionStore('s', storage);
		tabA.setStance('a', 'support');
		// Tab B never saw A's save (no storage event yet) and saves twice.
		tabB.setStance('b', 'oppose');
		tabB.setStance('c', 'conditional');
		const stored = load(storage, 'stancegrid.position.s', {}).value as {
			stances: Record<string, string>;
		};
		expect(stored.stances).toEqual({ a: 'support', b: 'oppose', c: 'conditional' });
		expect(tabB.syncNote).toBe('Changes made in another tab were added to your position.');
		// Tab A hears of B's saves and shows them.
		tabA.sync();
		expect(tabA.value.stances).toEqual({ a: 'support', b: 'oppose', c: 'conditional' });
		// The last-good copy holds A's work too, not an older copy without it.
		const lastGood = JSON.parse(storage.getItem('stancegrid.position.s' + LAST_GOOD_SUFFIX)!);
		expect(lastGood.data.stances.a).toBe('support');
	});

	it('a clash on one option is named, not dropped silently', () => {
		const storage = memoryStorage();
		const tabA = new PositionStore('s', storage);
		const tabB = new PositionStore('s', storage);
		tabA.setStance('a', 'support');
		tabB.setStance('a', 'oppose');
		expect(tabB.value.stances).toEqual({ a: 'oppose' });
		expect(tabB.syncNote).toMatch(/^Another tab changed your position on a too/);
	});
});
