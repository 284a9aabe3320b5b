import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { robustness, signOf, type Robustness } from '../../src/lib/analysis/robustness';
import type { Scenario } from '../../src/lib/scenario/schema';
import {
	permutationKeys,
	randomSourcedScenario,
	reorder,
	scenario,
	withSources
} from './analysis-fixture';

/**
 * Five commentators, two sources. Source 0 holds Ann, Bob and Cat; source 1 holds Dan and Eve.
 * x: Ann, Bob support, Cat opposes (A = -1/3); Dan opposes too (source 1). y: all support.
 */
const panel = withSources(
	scenario(
		['x', 'y'],
		[
			['ann', 'Ann'],
			['bob', 'Bob'],
			['cat', 'Cat'],
			['dan', 'Dan'],
			['eve', 'Eve']
		],
		[
			['k1', 'x', 'ann', 'support'],
			['k2', 'x', 'bob', 'support'],
			['k3', 'x', 'cat', 'oppose'],
			['k4', 'y', 'ann', 'support'],
			['k5', 'y', 'cat', 'oppose'],
			['k6', 'x', 'dan', 'oppose'],
			['k7', 'y', 'eve', 'support']
		]
	),
	2,
	[0, 0, 0, 0, 0, 1, 1]
);

describe('robustness', () => {
	it('names the source and the commentators the most contested option depends on', () => {
		const result = robustness(panel);
		// x: (oppose, conditional, support) = (2, 0, 2): A = -1. y: (1, 0, 2): A = -1/3.
		expect(result.top.option).toBe('x');
		expect(result.options.map((o) => [o.option, o.sign])).toEqual([
			['x', 'negative'],
			['y', 'negative']
		]);
		// Without source 1 (Dan, Eve): x is (1, 0, 2) at -1/3, y is (1, 0, 1) at -1: y is the
		// most contested. Without source 0 only Dan (x) and Eve (y) are left: both A = 1, tied
		// at n = 1, and x comes first by label, so the finding stands.
		const changes = result.top.changes.map((c) => `${c.left_out.kind}:${c.left_out.id}->${c.top}`);
		expect(changes).toContain('source:src-1->y');
		expect(changes).not.toContain('source:src-0->x');
		expect(result.left_out.map((l) => `${l.kind}:${l.id}:${l.claims}`)).toEqual([
			'source:src-0:5',
			'source:src-1:2',
			'commentator:ann:2',
			'commentator:bob:1',
			'commentator:cat:2',
			'commentator:dan:1',
			'commentator:eve:1'
		]);
	});

	it('marks a sign of A that one source or commentator decides', () => {
		const result = robustness(panel);
		const x = result.options.find((o) => o.option === 'x')!;
		// Without source 0 only Dan is left on x: A = 1. Without Dan: (1, 0, 2) -> -1/3, still negative.
		expect(x.changes.map((c) => [c.left_out.id, c.sign, c.n])).toEqual([['src-0', 'positive', 1]]);
		const y = result.options.find((o) => o.option === 'y')!;
		// y without Cat (or source 0, which also takes Cat): everyone supports, A = 1.
		expect(y.changes.map((c) => [c.left_out.id, c.sign, c.agreement])).toEqual([
			['src-0', 'positive', 1],
			['cat', 'positive', 1]
		]);
	});

	it('reports a camp that splits or merges without one commentator, naming the camps', () => {
		// Ann and Bob agree on x; Ann and Cat disagree on y; Bob and Cat agree on z.
		const s = scenario(
			['x', 'y', 'z'],
			[
				['ann', 'Ann'],
				['bob', 'Bob'],
				['cat', 'Cat']
			],
			[
				['k1', 'x', 'ann', 'support'],
				['k2', 'x', 'bob', 'support'],
				['k3', 'y', 'ann', 'oppose'],
				['k4', 'y', 'cat', 'support'],
				['k5', 'z', 'bob', 'support'],
				['k6', 'z', 'cat', 'support']
			]
		);
		// Distances: ann-bob 0, ann-cat 1, bob-cat 0. Ann + Bob merge at 0 (lower index first);
		// Cat joins at (1 + 0) / 2 = 0.5, not below the cut: camps {ann, bob}, {cat}. Without
		// Ann, Bob and Cat (0 apart) form one camp: the camps of Ann and of Cat merge.
		const result = robustness(s);
		expect(result.camps.blocks).toEqual([['ann', 'bob'], ['cat']]);
		expect(result.camps.ids).toEqual(['camp-ann', 'camp-cat']);
		const withoutAnn = result.camps.changes.find((c) => c.left_out.id === 'ann');
		expect(withoutAnn).toEqual({
			left_out: { kind: 'commentator', id: 'ann', claims: 2 },
			split: [],
			merged: [['camp-ann', 'camp-cat']],
			blocks: [['bob', 'cat']]
		});
		// Without Cat, Ann and Bob still sit together; without Bob, Ann and Cat stay apart.
		expect(result.camps.changes.map((c) => c.left_out.id)).toEqual(['ann']);
	});

	it('reports a camp that splits when the commentator who bridges it is left out', () => {
		// Ann and Bob agree on x, Bob and Cat on y; Ann and Cat share nothing (0.5). Ann + Bob
		// merge at 0, Cat joins at (0.5 + 0) / 2 = 0.25: one camp. Without Bob, 0.5 apart: two.
		const s = scenario(
			['x', 'y'],
			[
				['ann', 'Ann'],
				['bob', 'Bob'],
				['cat', 'Cat']
			],
			[
				['k1', 'x', 'ann', 'support'],
				['k2', 'x', 'bob', 'support'],
				['k3', 'y', 'bob', 'oppose'],
				['k4', 'y', 'cat', 'oppose']
			]
		);
		const result = robustness(s);
		expect(result.camps.blocks).toEqual([['ann', 'bob', 'cat']]);
		expect(result.camps.changes).toEqual([
			{
				left_out: { kind: 'commentator', id: 'bob', claims: 2 },
				split: ['camp-ann'],
				merged: [],
				blocks: [['ann'], ['cat']]
			}
		]);
	});

	it('reads the sign of A with a tolerance for rounding', () => {
		expect(signOf(null)).toBe('none');
		expect(signOf(1e-12)).toBe('zero');
		expect(signOf(-0.2)).toBe('negative');
		expect(signOf(0.6)).toBe('positive');
	});
});

/** The findings with everything that names a left-out source or commentator, as sets. */
function findings(result: Robustness) {
	const who = (l: { kind: string; id: string }) => `${l.kind}:${l.id}`;
	return {
		top: result.top.option,
		topChanges: result.top.changes.map((c) => `${who(c.left_out)}->${c.top}`).sort(),
		options: result.options.map((o) => ({
			option: o.option,
			agreement: o.agreement,
			sign: o.sign,
			changes: o.changes.map((c) => `${who(c.left_out)}:${c.sign}:${c.agreement}:${c.n}`).sort()
		}))
	};
}

const camps = (result: Robustness) => ({
	blocks: result.camps.blocks,
	changes: result.camps.changes
		.map((c) => `${c.left_out.kind}:${c.left_out.id}:${c.split}:${JSON.stringify(c.merged)}`)
		.sort()
});

describe('robustness: properties', () => {
	it('leaving out a source that holds no claims changes nothing', () => {
		fc.assert(
			fc.property(randomSourcedScenario, fc.nat(), (s, at) => {
				const empty = { ...s.sources[0]!, id: 'silent-source', title: 'Says nothing' };
				const sources = [...s.sources];
				sources.splice(at % (sources.length + 1), 0, empty);
				const result = robustness({ ...s, sources });
				const before = robustness(s);
				expect(result.left_out.find((l) => l.id === 'silent-source')?.claims).toBe(0);
				expect(findings(result)).toEqual(findings(before));
				expect(camps(result)).toEqual(camps(before));
			})
		);
	});

	it('permuting commentators or sources changes no finding', () => {
		fc.assert(
			fc.property(randomSourcedScenario, permutationKeys, permutationKeys, (s, ck, sk) => {
				const moved: Scenario = {
					...s,
					commentators: reorder(s.commentators, ck),
					sources: reorder(s.sources, sk)
				};
				expect(findings(robustness(moved))).toEqual(findings(robustness(s)));
				// Camps break exact ties by scenario order (camps.ts), so only the order of sources
				// is sure to leave them alone.
				const sourcesOnly = { ...s, sources: reorder(s.sources, sk) };
				expect(camps(robustness(sourcesOnly))).toEqual(camps(robustness(s)));
			})
		);
	});
});
