import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CommandHistory } from '../../src/lib/authoring/command-history';
import { nearbyNames } from '../../src/lib/authoring/nearby-names';
import {
	decodeScenarioLink,
	encodeScenarioLink,
	FRAGMENT_KEY,
	MAX_LINK_CHARS
} from '../../src/lib/authoring/share-link';
import { loadScenarioLazily } from '../../src/lib/scenario/load-core';

describe('CommandHistory', () => {
	it('undoes and redoes steps in order, and a new edit drops what was undone', () => {
		const h = new CommandHistory<string>();
		h.record('a', 'b', 'one', 0);
		h.record('b', 'c', 'two', 5000);
		expect(h.undoLabel).toBe('two');
		expect(h.undo()?.before).toBe('b');
		expect(h.redo()?.after).toBe('c');
		expect(h.undo()?.before).toBe('b');
		h.record('b', 'x', 'three', 9000);
		expect(h.canRedo).toBe(false);
		expect(h.undo()?.before).toBe('b');
		expect(h.undo()?.before).toBe('a');
		expect(h.canUndo).toBe(false);
		expect(h.undo()).toBeUndefined();
	});

	it('merges typing in one field into one step, and not across a seal or a pause', () => {
		const h = new CommandHistory<string>(1000);
		h.record('', 'T', 'title', 0, 'meta.title');
		h.record('T', 'Ti', 'title', 300, 'meta.title');
		h.record('Ti', 'Tit', 'title', 600, 'meta.title');
		expect(h.undo()).toMatchObject({ before: '', after: 'Tit' });
		h.redo();
		h.seal();
		h.record('Tit', 'Titl', 'title', 700, 'meta.title');
		h.record('Titl', 'Title', 'title', 5000, 'meta.title');
		expect(h.undo()).toMatchObject({ before: 'Titl', after: 'Title' });
		expect(h.undo()).toMatchObject({ before: 'Tit', after: 'Titl' });
	});

	it('property: undoing every step returns the first state; redoing all returns the last', () => {
		fc.assert(
			fc.property(
				fc.array(fc.tuple(fc.integer(), fc.constantFrom('a', 'b', undefined), fc.nat(3000)), {
					maxLength: 40
				}),
				(edits) => {
					const h = new CommandHistory<number>();
					let state = 0;
					let now = 0;
					for (const [value, group, gap] of edits) {
						now += gap;
						h.record(state, value, 'edit', now, group);
						state = value;
					}
					let back = state;
					for (let s = h.undo(); s; s = h.undo()) back = s.before;
					expect(back).toBe(0);
					let forward = back;
					for (let s = h.redo(); s; s = h.redo()) forward = s.after;
					expect(forward).toBe(state);
				}
			)
		);
	});
});

describe('nearbyNames', () => {
	const text =
		'The talks stalled again. “Sanctions will not end this war,” said Jennifer Kavanagh, a fellow at Defense Priorities. ' +
		'But Volodymyr Zelensky disagreed. On Monday the Kremlin said nothing. Ludwig van Beethoven is far away in text terms.' +
		' '.repeat(700) +
		'Far Away Person spoke later.';
	const at = text.indexOf('Sanctions will');
	const span = { start: at, end: at + 'Sanctions will not end this war'.length };

	it('offers names near the passage, nearest first, and not far-off ones', () => {
		const names = nearbyNames(text, span).map((n) => n.name);
		expect(names[0]).toBe('Jennifer Kavanagh');
		expect(names).toContain('Volodymyr Zelensky');
		expect(names).toContain('Defense Priorities');
		expect(names).toContain('Ludwig van Beethoven');
		expect(names).not.toContain('Far Away Person');
		expect(names.some((n) => n.startsWith('The ') || n.startsWith('But '))).toBe(false);
	});

	it('puts known commentators first with their ids', () => {
		const names = nearbyNames(text, span, [{ id: 'zelensky', name: 'Volodymyr Zelensky' }]);
		expect(names[0]).toMatchObject({ name: 'Volodymyr Zelensky', commentator: 'zelensky' });
	});
});

describe('share link', () => {
	const yaml = readFileSync('scenarios/ukraine-war-2025.yaml', 'utf8');

	it('carries a scenario in the fragment and gives it back through the loader', async () => {
		const loaded = await loadScenarioLazily(yaml, 'u.yaml');
		if (!loaded.ok) throw new Error('bundled scenario does not load');
		const small = { ...loaded.scenario, claims: loaded.scenario.claims.slice(0, 10) };
		const json = JSON.stringify(small);
		const link = await encodeScenarioLink(json);
		expect(link.ok).toBe(true);
		if (!link.ok) return;
		expect(link.fragment.startsWith(`${FRAGMENT_KEY}=`)).toBe(true);
		expect(link.fragment).toMatch(/^[A-Za-z0-9_=-]+$/);
		const back = await decodeScenarioLink('#' + link.fragment);
		expect(back).toEqual({ ok: true, text: json });
		if (back.ok) expect((await loadScenarioLazily(back.text, 'link.json')).ok).toBe(true);
	});

	it('refuses a scenario too large for a link, in words', async () => {
		const big = JSON.stringify(Array.from({ length: 20000 }, (_, i) => `${i}-${Math.sin(i)}`));
		const link = await encodeScenarioLink(big);
		expect(link.ok).toBe(false);
		if (!link.ok) expect(link.problem).toMatch(/too large for a link/);
		expect(MAX_LINK_CHARS).toBeGreaterThan(1000);
	});

	it('reports a damaged or absent link and caps what a link unpacks to', async () => {
		expect(await decodeScenarioLink('#view=matrix')).toEqual({ ok: false, absent: true });
		expect(await decodeScenarioLink('#scenario=@@@')).toMatchObject({
			ok: false,
			problem: expect.stringMatching(/damaged/)
		});
		const good = await encodeScenarioLink('{"a": "' + 'x'.repeat(5000) + '"}');
		if (!good.ok) throw new Error('no link');
		expect(await decodeScenarioLink('#' + good.fragment.slice(0, -6))).toMatchObject({ ok: false });
		const bomb = await encodeScenarioLink(' '.repeat(3 * 1024 * 1024));
		if (!bomb.ok) throw new Error('a run of spaces compresses to little');
		expect(await decodeScenarioLink('#' + bomb.fragment)).toMatchObject({
			ok: false,
			problem: expect.stringMatching(/more than 2 MiB/)
		});
	});
});
