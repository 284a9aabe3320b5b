import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import {
	HISTORY_LIMIT,
	ScenarioLibrary,
	describeStorageError,
	type NewScenario
} from '../../src/lib/storage/scenario-library';

const entry = (over: Partial<NewScenario> = {}): NewScenario => ({
	text: 'meta: {}',
	format: 'yaml',
	scenarioId: 'street-lighting',
	title: 'Street lighting',
	origin: 'file',
	from: 'street.yaml',
	...over
});

async function open(seconds = 0) {
	let t = Date.UTC(2026, 11, 1) + seconds * 1000;
	let n = 0;
	const result = await ScenarioLibrary.open({
		now: () => new Date((t += 1000)),
		newKey: () => `k${++n}`
	});
	if (!result.ok) throw new Error(result.problem);
	return result.library;
}

beforeEach(() => {
	// A fresh, empty IndexedDB for every test.
	globalThis.indexedDB = new IDBFactory();
});

describe('scenario library', () => {
	it('keeps what was added, and survives closing and reopening', async () => {
		const lib = await open();
		const added = await lib.add(entry());
		expect(added.ok && added.record.version).toBe(1);
		lib.close();
		const again = await open(100);
		const list = await again.list();
		expect(list.ok && list.items.map((i) => [i.key, i.title, i.origin, i.from])).toEqual([
			['k1', 'Street lighting', 'file', 'street.yaml']
		]);
		const got = await again.get('k1');
		expect(got.ok && got.record.text).toBe('meta: {}');
	});

	it('opening the same text from the same place again updates it instead of adding a copy', async () => {
		const lib = await open();
		await lib.add(entry());
		await lib.add(entry());
		await lib.add(entry({ text: 'meta: {id: x}' }));
		const list = await lib.list();
		expect(list.ok && list.items.length).toBe(2);
	});

	it('saves from the stored version, keeps the replaced one, and refuses a save from an older one', async () => {
		const lib = await open();
		const added = await lib.add(entry({ origin: 'authored', from: '' }));
		if (!added.ok) throw new Error(added.problem);
		const first = await lib.save('k1', {
			text: 'v2',
			scenarioId: 'street-lighting',
			title: 'Street lighting 2',
			baseVersion: 1
		});
		expect(first.ok && first.record.version).toBe(2);
		// A second tab that also started from version 1.
		const stale = await lib.save('k1', {
			text: 'other tab',
			scenarioId: 'street-lighting',
			title: 'x',
			baseVersion: 1
		});
		expect(stale.ok).toBe(false);
		expect(!stale.ok && stale.reason).toBe('conflict');
		const got = await lib.get('k1');
		expect(got.ok && got.record.text).toBe('v2');
		const history = await lib.history('k1');
		expect(history.ok && history.versions.map((v) => [v.version, v.text])).toEqual([
			[1, 'meta: {}']
		]);
		const one = await lib.historyEntry('k1', 1);
		expect(one.ok && one.entry.text).toBe('meta: {}');
		const gone = await lib.historyEntry('k1', 7);
		expect(!gone.ok && gone.problem).toMatch(/Version 7 is no longer/);
	});

	it('keeps at most HISTORY_LIMIT earlier versions', async () => {
		const lib = await open();
		await lib.add(entry({ origin: 'authored' }));
		for (let v = 1; v <= HISTORY_LIMIT + 5; v++)
			await lib.save('k1', { text: `v${v + 1}`, scenarioId: 's', title: 't', baseVersion: v });
		const history = await lib.history('k1');
		if (!history.ok) throw new Error(history.problem);
		expect(history.versions.length).toBe(HISTORY_LIMIT);
		expect(history.versions[0]!.version).toBe(HISTORY_LIMIT + 5);
	});

	it('removes a record with its history', async () => {
		const lib = await open();
		await lib.add(entry({ origin: 'authored' }));
		await lib.save('k1', { text: 'v2', scenarioId: 's', title: 't', baseVersion: 1 });
		await lib.remove('k1');
		const list = await lib.list();
		expect(list.ok && list.items).toEqual([]);
		const history = await lib.history('k1');
		expect(history.ok && history.versions).toEqual([]);
		const got = await lib.get('k1');
		expect(!got.ok && got.reason).toBe('missing');
	});

	it('lists damaged records as unreadable and leaves them in place', async () => {
		const lib = await open();
		await lib.add(entry());
		lib.close();
		// Write a damaged record straight into the store, as a bug or another program might.
		await new Promise<void>((resolve, reject) => {
			const req = indexedDB.open('stancegrid-library');
			req.onsuccess = () => {
				const tx = req.result.transaction('scenarios', 'readwrite');
				tx.objectStore('scenarios').put({ key: 'bad', text: 42 });
				tx.oncomplete = () => {
					req.result.close();
					resolve();
				};
				tx.onerror = () => reject(tx.error);
			};
		});
		const again = await open(10);
		const list = await again.list();
		expect(list.ok && [list.items.length, list.unreadable]).toEqual([1, 1]);
		const bad = await again.get('bad');
		expect(!bad.ok && bad.reason).toBe('corrupt');
	});

	it('says when there is no IndexedDB at all', async () => {
		const saved = globalThis.indexedDB;
		// @ts-expect-error: a browser with storage disabled
		delete globalThis.indexedDB;
		try {
			const result = await ScenarioLibrary.open();
			expect(!result.ok && result.reason).toBe('unavailable');
		} finally {
			globalThis.indexedDB = saved;
		}
	});

	it('words quota and blocked storage for a person', () => {
		const quota = describeStorageError(new DOMException('x', 'QuotaExceededError'), 'save');
		expect(quota.reason).toBe('quota');
		expect(quota.problem).toMatch(/full/);
		expect(describeStorageError(new DOMException('x', 'InvalidStateError'), 'save').reason).toBe(
			'unavailable'
		);
	});
});
