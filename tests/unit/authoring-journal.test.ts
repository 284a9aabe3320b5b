/**
 * The editor's keystroke path at 1,000 claims: the draft's JSON made from remembered parts must be
 * JSON.stringify's bytes exactly, and the crash journal's patch must give back exactly the draft
 * it was made from, for any sequence of edits; a damaged patch is refused, never half applied.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
	addItem,
	draftJson,
	moveItem,
	newCommentator,
	newOption,
	removeItem,
	setClaim,
	setMeta,
	updateItem,
	type Draft
} from '../../src/lib/authoring/draft';
import { draftProblems } from '../../src/lib/authoring/draft-problems';
import { applyPatch, diffScenario, isEmptyPatch } from '../../src/lib/authoring/journal-patch';
import { loadScenarioLazily } from '../../src/lib/scenario/load-core';
import type { Scenario } from '../../src/lib/scenario/schema';

let bundled: Scenario;
beforeAll(async () => {
	const file = 'scenarios/ukraine-war-2025.yaml';
	const loaded = await loadScenarioLazily(readFileSync(file, 'utf8'), file);
	if (!loaded.ok) throw new Error('the bundled scenario does not load');
	bundled = loaded.scenario;
});

type Edit = (d: Draft, n: number, text: string) => Draft;
const pick = <T>(list: readonly T[], n: number): T | undefined =>
	list.length ? list[n % list.length] : undefined;

/** The edits the editor makes, each choosing its target from a number. */
const EDITS: Edit[] = [
	(d, _n, text) => setMeta(d, 'title', text),
	(d, _n, text) => setMeta(d, 'coded_by', text),
	(d, n, text) => {
		const claim = pick(d.scenario.claims, n);
		return claim ? setClaim(d, claim.id, { consequence: text }) : d;
	},
	(d, n) => {
		const claim = pick(d.scenario.claims, n);
		return claim ? setClaim(d, claim.id, { stance: n % 2 ? 'oppose' : 'support' }) : d;
	},
	(d, n) => {
		const claim = pick(d.scenario.claims, n);
		return claim ? removeItem(d, 'claims', claim.id) : d;
	},
	(d, n) => {
		const claim = pick(d.scenario.claims, n);
		return claim ? moveItem(d, 'claims', claim.id, n % 2 ? 1 : -1) : d;
	},
	(d, n, text) => addItem(d, 'options', newOption(d, text || 'x'), n % 3),
	(d, n, text) => {
		const option = pick(d.scenario.options, n);
		return option ? updateItem(d, 'options', option.id, { label: text }) : d;
	},
	(d, n) => {
		const person = pick(d.scenario.commentators, n);
		return person ? removeItem(d, 'commentators', person.id) : d;
	},
	(d, _n, text) => addItem(d, 'commentators', newCommentator(d, text || 'y')),
	(d) => ({ ...d, scenario: { ...d.scenario, dimensions: [] } })
];

const edits = fc.array(
	fc.tuple(fc.nat(EDITS.length - 1), fc.nat(10_000), fc.string({ maxLength: 12 })),
	{ maxLength: 12 }
);

function run(d: Draft, steps: [number, number, string][]): Draft {
	return steps.reduce((draft, [edit, n, text]) => EDITS[edit]!(draft, n, text), d);
}

describe('draftJson', () => {
	it("is JSON.stringify's text after any edits, its remembered parts never stale", () => {
		fc.assert(
			fc.property(edits, edits, (first, second) => {
				const start: Draft = { scenario: bundled, articles: {} };
				const middle = run(start, first);
				expect(draftJson(middle)).toBe(JSON.stringify(middle.scenario));
				const end = run(middle, second);
				expect(draftJson(end)).toBe(JSON.stringify(end.scenario));
				expect(draftJson(middle)).toBe(JSON.stringify(middle.scenario));
			}),
			{ numRuns: 60 }
		);
	});
});

describe('journal patch', () => {
	it('gives back exactly the draft it was made from, through storage as JSON', () => {
		fc.assert(
			fc.property(edits, (steps) => {
				const base: Draft = { scenario: bundled, articles: {} };
				const next = run(base, steps);
				const stored = JSON.parse(JSON.stringify(diffScenario(base.scenario, next.scenario)));
				const back = applyPatch(bundled, stored);
				expect(JSON.stringify(back)).toBe(JSON.stringify(next.scenario));
			}),
			{ numRuns: 80 }
		);
	});

	it('writes a typed field, not the scenario', () => {
		const base: Draft = { scenario: bundled, articles: {} };
		const typed = setMeta(base, 'coded_by', 'A. Tester');
		const patch = diffScenario(bundled, typed.scenario);
		expect(Object.keys(patch.set)).toEqual(['meta']);
		expect(patch.lists).toEqual({});
		expect(JSON.stringify(patch).length).toBeLessThan(JSON.stringify(bundled.meta).length + 100);
		const claim = bundled.claims[3]!;
		const edited = setClaim(base, claim.id, { consequence: 'changed' });
		const list = diffScenario(bundled, edited.scenario).lists.claims!;
		expect(list.filter((x) => typeof x !== 'number')).toHaveLength(1);
		expect(isEmptyPatch(diffScenario(bundled, bundled))).toBe(true);
	});

	it('refuses a damaged patch instead of laying part of it over the saved version', () => {
		const n = bundled.claims.length;
		expect(applyPatch(bundled, null)).toBeNull();
		expect(applyPatch(bundled, { set: {}, lists: {} })).toBeNull();
		expect(applyPatch(bundled, { set: {}, lists: { claims: [0, n] }, removed: [] })).toBeNull();
		expect(applyPatch(bundled, { set: {}, lists: { claims: [0, -1] }, removed: [] })).toBeNull();
		expect(applyPatch(bundled, { set: {}, lists: { claims: [0, 'x'] }, removed: [] })).toBeNull();
		expect(applyPatch(bundled, { set: {}, lists: { meta: [0] }, removed: [] })).toBeNull();
		expect(
			applyPatch(bundled, { set: {}, lists: { claims: [1, 0] }, removed: [] })?.claims
		).toEqual([bundled.claims[1], bundled.claims[0]]);
	});
});

describe('draftProblems', () => {
	it("is the loader's verdict plus a missing date note and quotes not in their text", async () => {
		const articles = { [bundled.sources[0]!.id]: 'A text that quotes nothing of the claims.' };
		expect(await draftProblems(JSON.stringify(bundled), {})).toEqual([]);
		const inferred = {
			...bundled,
			meta: { ...bundled.meta, id: 'Not A Slug' },
			sources: bundled.sources.map((s, i) =>
				i === 1 ? { ...s, date_inferred: true, date_note: undefined } : s
			)
		};
		const problems = await draftProblems(JSON.stringify(inferred), articles);
		const paths = problems.map((p) => p.path);
		expect(paths).toContain('meta.id');
		expect(paths).toContain('sources[1].date_note');
		const first = bundled.claims.findIndex((c) => c.source === bundled.sources[0]!.id);
		expect(paths).toContain(`claims[${first}].quote`);
		expect(problems.find((p) => p.path === `claims[${first}].quote`)?.message).toMatch(
			/not found in its article text/
		);
	});
});
