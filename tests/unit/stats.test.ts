import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	CAMP_CUT,
	analyze,
	averageLinkage,
	camps,
	contradictions,
	optionStats,
	pairStats,
	positions,
	rankOptions,
	type Dendrogram
} from '../../src/lib/analysis/stats';
import type { Claim, Direction, Scenario, Stance } from '../../src/lib/scenario/schema';

const DIMENSIONS = ['negotiations', 'escalation'] as const;

/** [claim id, option, commentator, stance, effects as "dimension:direction" (default none given)] */
type ClaimRow = [string, string, string, Stance, ...string[]];

/** A valid scenario from the bare minimum: option ids, commentator [id, name] pairs, claim rows. */
function scenario(
	options: ReadonlyArray<string | [string, string]>,
	commentators: ReadonlyArray<[string, string]>,
	rows: readonly ClaimRow[]
): Scenario {
	return {
		meta: {
			id: 'fixture',
			title: 'Fixture',
			question: 'What works?',
			as_of: '2025-09-09',
			coded_by: 'tests',
			method: 'Hand-built for unit tests.'
		},
		dimensions: DIMENSIONS.map((id) => ({ id, label: id, goal: `better ${id}` })),
		options: options.map((option) => {
			const [id, label] = typeof option === 'string' ? [option, option] : option;
			return { id, label, description: `Option ${label}` };
		}),
		sources: [
			{
				id: 'src',
				outlet: 'Outlet',
				title: 'Article',
				date: '2025-09-01',
				date_inferred: false,
				authors: 'not stated',
				kind: 'analysis',
				url: 'https://example.org/article'
			}
		],
		commentators: commentators.map(([id, name]) => ({
			id,
			name,
			role: 'not stated',
			affiliation: 'not stated',
			kind: 'analyst'
		})),
		claims: rows.map(([id, option, commentator, stance, ...effects]): Claim => ({
			id,
			option,
			commentator,
			source: 'src',
			stance,
			consequence: `consequence of ${id}`,
			effects: (effects.length > 0 ? effects : ['negotiations:unclear']).map((effect) => {
				const [dimension, direction] = effect.split(':') as [string, Direction];
				return { dimension, direction };
			}),
			quote: { exact: `quote ${id}`, prefix: '', suffix: '' }
		}))
	};
}

/**
 * Ann, Bob, Cat and Dan on three options. Ann is mixed on talks (support + oppose); Dan says
 * nothing. On sanctions/negotiations Ann says "helps", Bob and Cat "hurts".
 */
const basic = scenario(
	[
		['sanctions', 'Sanctions'],
		['talks', 'Talks'],
		['arms', 'Arms']
	],
	[
		['ann', 'Ann Analyst'],
		['bob', 'Bob Official'],
		['cat', 'Cat Journalist'],
		['dan', 'Dan Outlet']
	],
	[
		['c1', 'sanctions', 'ann', 'support', 'negotiations:helps'],
		['c2', 'sanctions', 'bob', 'support', 'negotiations:hurts'],
		['c3', 'sanctions', 'cat', 'oppose', 'negotiations:hurts'],
		['c4', 'talks', 'ann', 'support'],
		['c5', 'talks', 'ann', 'oppose'],
		['c6', 'talks', 'bob', 'conditional'],
		['c7', 'arms', 'cat', 'oppose'],
		['c8', 'arms', 'bob', 'oppose']
	]
);

const byId = <T extends { id: string }>(items: readonly T[], id: string): T => {
	const found = items.find((item) => item.id === id);
	if (!found) throw new Error(`no ${id}`);
	return found;
};
const pairOf = (pairs: ReturnType<typeof pairStats>, a: string, b: string) => {
	const found = pairs.find((p) => p.a === a && p.b === b);
	if (!found) throw new Error(`no pair ${a}-${b}`);
	return found;
};

describe('positions', () => {
	it('gives one position per commentator and option, options first, with the claims behind it', () => {
		const result = positions(basic);
		expect(result.map((p) => `${p.option}/${p.commentator}`)).toEqual([
			'sanctions/ann',
			'sanctions/bob',
			'sanctions/cat',
			'talks/ann',
			'talks/bob',
			'arms/bob',
			'arms/cat'
		]);
		expect(result[0]).toEqual({
			option: 'sanctions',
			commentator: 'ann',
			score: 1,
			stance: 'support',
			mixed: false,
			stances: ['support'],
			counts: { support: 1, conditional: 0, oppose: 0 },
			claims: ['c1']
		});
	});

	it('combines several claims: mean score, stance by its sign, and the mix recorded', () => {
		const ann = positions(basic).find((p) => p.option === 'talks' && p.commentator === 'ann');
		expect(ann).toEqual({
			option: 'talks',
			commentator: 'ann',
			score: 0,
			stance: 'conditional',
			mixed: true,
			stances: ['support', 'oppose'],
			counts: { support: 1, conditional: 0, oppose: 1 },
			claims: ['c4', 'c5']
		});

		const leaning = scenario(
			['x'],
			[['p', 'P']],
			[
				['k1', 'x', 'p', 'support'],
				['k2', 'x', 'p', 'conditional']
			]
		);
		expect(positions(leaning)[0]).toMatchObject({ score: 0.5, stance: 'support', mixed: true });

		const againstMostly = scenario(
			['x'],
			[['p', 'P']],
			[
				['k1', 'x', 'p', 'support'],
				['k2', 'x', 'p', 'oppose'],
				['k3', 'x', 'p', 'oppose']
			]
		);
		const [against] = positions(againstMostly);
		expect(against?.score).toBeCloseTo(-1 / 3, 12);
		expect(against).toMatchObject({ stance: 'oppose', mixed: true });
	});

	it('is not mixed when repeated claims share a stance', () => {
		const repeated = scenario(
			['x'],
			[['p', 'P']],
			[
				['k1', 'x', 'p', 'oppose'],
				['k2', 'x', 'p', 'oppose']
			]
		);
		expect(positions(repeated)[0]).toMatchObject({ score: -1, mixed: false, claims: ['k1', 'k2'] });
	});
});

describe('optionStats and rankOptions', () => {
	it('counts stances, mixed, not addressed, n and A per option', () => {
		const stats = optionStats(basic);
		expect(stats.map((s) => s.id)).toEqual(['sanctions', 'talks', 'arms']);

		const sanctions = byId(stats, 'sanctions');
		expect(sanctions).toMatchObject({
			n: 3,
			support: 2,
			conditional: 0,
			oppose: 1,
			mixed: 0,
			not_addressed: 1
		});
		// (oppose, conditional, support) = (1, 0, 2): 101 on 2/3 (-1), then 001 on 1/3 (1).
		expect(sanctions.agreement).toBeCloseTo(-1 / 3, 12);
		expect(sanctions.who).toEqual({
			support: ['ann', 'bob'],
			conditional: [],
			oppose: ['cat'],
			mixed: [],
			not_addressed: ['dan']
		});

		// Ann's support + oppose averages to 0: counted as conditional, and as mixed.
		expect(byId(stats, 'talks')).toMatchObject({
			n: 2,
			support: 0,
			conditional: 2,
			oppose: 0,
			mixed: 1,
			not_addressed: 2,
			agreement: 1
		});
		expect(byId(stats, 'talks').who.mixed).toEqual(['ann']);
		expect(byId(stats, 'arms')).toMatchObject({ n: 2, oppose: 2, not_addressed: 2, agreement: 1 });
	});

	it('gives A = null, not 0, to an option nobody addresses', () => {
		const quiet = scenario(['x', 'y'], [['p', 'P']], [['k1', 'x', 'p', 'support']]);
		expect(byId(optionStats(quiet), 'y')).toMatchObject({
			n: 0,
			not_addressed: 1,
			agreement: null
		});
	});

	it('gives A = -1 for a perfect split and 1 when all agree', () => {
		const split = scenario(
			['x'],
			[
				['p', 'P'],
				['q', 'Q'],
				['r', 'R'],
				['s', 'S']
			],
			[
				['k1', 'x', 'p', 'support'],
				['k2', 'x', 'q', 'oppose'],
				['k3', 'x', 'r', 'support'],
				['k4', 'x', 's', 'oppose']
			]
		);
		expect(optionStats(split)[0]?.agreement).toBe(-1);
		const unanimous = scenario(
			['x'],
			[
				['p', 'P'],
				['q', 'Q']
			],
			[
				['k1', 'x', 'p', 'conditional'],
				['k2', 'x', 'q', 'conditional']
			]
		);
		expect(optionStats(unanimous)[0]?.agreement).toBe(1);
	});

	it('ranks most contested first; ties by n descending, then label; unaddressed last', () => {
		const ranked = rankOptions(optionStats(basic)).map((s) => s.id);
		// Sanctions (-1/3), then Arms and Talks (both 1, both n = 2) by label.
		expect(ranked).toEqual(['sanctions', 'arms', 'talks']);

		const stat = (id: string, agreement: number | null, n: number, label = id) => ({
			id,
			label,
			n,
			agreement
		});
		expect(
			rankOptions([
				stat('none', null, 0),
				stat('b', 0.5, 2),
				stat('a', 0.5, 2),
				stat('wide', 0.5, 9),
				stat('low', -0.2, 1)
			]).map((s) => s.id)
		).toEqual(['low', 'wide', 'a', 'b', 'none']);
	});
});

describe('pairStats', () => {
	it('averages 1 - |s_i - s_j| / 2 over shared options, with n', () => {
		const pairs = pairStats(basic);
		expect(pairs.map((p) => `${p.a}-${p.b}`)).toEqual([
			'ann-bob',
			'ann-cat',
			'ann-dan',
			'bob-cat',
			'bob-dan',
			'cat-dan'
		]);
		// Sanctions +1/+1 -> 1; talks 0 (mixed) vs 0 -> 1.
		expect(pairOf(pairs, 'ann', 'bob')).toEqual({ a: 'ann', b: 'bob', n: 2, agreement: 1 });
		// Sanctions +1 vs -1 -> 0.
		expect(pairOf(pairs, 'ann', 'cat')).toEqual({ a: 'ann', b: 'cat', n: 1, agreement: 0 });
		// Sanctions +1 vs -1 -> 0; arms -1/-1 -> 1.
		expect(pairOf(pairs, 'bob', 'cat')).toEqual({ a: 'bob', b: 'cat', n: 2, agreement: 0.5 });
	});

	it('reports no shared options as n = 0 and null, never 0', () => {
		const pairs = pairStats(basic);
		expect(pairOf(pairs, 'ann', 'dan')).toEqual({ a: 'ann', b: 'dan', n: 0, agreement: null });
		const apart = scenario(
			['x', 'y'],
			[
				['p', 'P'],
				['q', 'Q']
			],
			[
				['k1', 'x', 'p', 'support'],
				['k2', 'y', 'q', 'oppose']
			]
		);
		expect(pairStats(apart)).toEqual([{ a: 'p', b: 'q', n: 0, agreement: null }]);
	});

	it('uses combined scores for mixed positions', () => {
		const mixed = scenario(
			['x'],
			[
				['p', 'P'],
				['q', 'Q']
			],
			[
				['k1', 'x', 'p', 'support'],
				['k2', 'x', 'p', 'conditional'],
				['k3', 'x', 'q', 'support']
			]
		);
		// p = 0.5, q = 1 -> 1 - 0.5 / 2.
		expect(pairStats(mixed)[0]?.agreement).toBe(0.75);
	});

	it('has no pairs with one commentator', () => {
		const alone = scenario(['x'], [['p', 'P']], [['k1', 'x', 'p', 'support']]);
		expect(pairStats(alone)).toEqual([]);
	});
});

describe('camps', () => {
	it('orders commentators by agreement and names the blocks below the cut', () => {
		// Distances: ann-bob 0, ann-cat 1, bob-cat 0.5, Dan 0.5 (no overlap) to everyone.
		// Ann + Bob merge at 0; then {Ann, Bob}-Dan (0.5) ties Cat-Dan and wins on the lower
		// index; Cat joins last at (2 * 0.75 + 0.5) / 3. Only the first merge is below 0.5.
		const result = camps(basic);
		expect(result.order).toEqual(['ann', 'bob', 'dan', 'cat']);
		expect(result.blocks).toEqual([
			{ id: 'camp-ann', members: ['ann', 'bob'], name: 'Ann Analyst · Bob Official', agreement: 1 },
			{ id: 'camp-dan', members: ['dan'], name: 'Dan Outlet', agreement: null },
			{ id: 'camp-cat', members: ['cat'], name: 'Cat Journalist', agreement: null }
		]);
	});

	it('puts each side of a perfect split in its own camp', () => {
		const split = scenario(
			['x', 'y'],
			[
				['p', 'P'],
				['q', 'Q'],
				['r', 'R'],
				['s', 'S']
			],
			[
				['k1', 'x', 'p', 'support'],
				['k2', 'x', 'q', 'oppose'],
				['k3', 'x', 'r', 'support'],
				['k4', 'x', 's', 'oppose'],
				['k5', 'y', 'q', 'support'],
				['k6', 'y', 's', 'support']
			]
		);
		const result = camps(split);
		expect(result.order).toEqual(['p', 'r', 'q', 's']);
		expect(result.blocks.map((b) => b.members)).toEqual([
			['p', 'r'],
			['q', 's']
		]);
		expect(result.blocks.map((b) => b.agreement)).toEqual([1, 1]);
	});

	it('makes one camp when all agree, and shortens long names', () => {
		const people: Array<[string, string]> = ['a', 'b', 'c', 'd', 'e'].map((id) => [
			id,
			`Person ${id.toUpperCase()}`
		]);
		const rows = people.map(([id]): ClaimRow => [`k-${id}`, 'x', id, 'support']);
		const result = camps(scenario(['x'], people, rows));
		expect(result.blocks).toEqual([
			{
				id: 'camp-a',
				members: ['a', 'b', 'c', 'd', 'e'],
				name: 'Person A · Person B · Person C +2 more',
				agreement: 1
			}
		]);
	});

	it('keeps commentators who share no option apart (0.5 is not below the cut)', () => {
		expect(CAMP_CUT).toBe(0.5);
		const apart = scenario(
			['x', 'y'],
			[
				['p', 'P'],
				['q', 'Q']
			],
			[
				['k1', 'x', 'p', 'support'],
				['k2', 'y', 'q', 'support']
			]
		);
		expect(camps(apart).blocks.map((b) => b.members)).toEqual([['p'], ['q']]);
	});

	it('handles one commentator and an empty scope', () => {
		const alone = scenario(['x'], [['p', 'P']], []);
		expect(camps(alone)).toEqual({
			order: ['p'],
			blocks: [{ id: 'camp-p', members: ['p'], name: 'P', agreement: null }]
		});
		expect(camps(basic, [])).toEqual({ order: [], blocks: [] });
	});
});

describe('contradictions', () => {
	it('pairs opposite effects on the same option and dimension, with both quotes', () => {
		expect(contradictions(basic)).toEqual([
			{
				option: 'sanctions',
				dimension: 'negotiations',
				a: { commentator: 'ann', claim: 'c1', direction: 'helps', quote: 'quote c1' },
				b: { commentator: 'bob', claim: 'c2', direction: 'hurts', quote: 'quote c2' }
			},
			{
				option: 'sanctions',
				dimension: 'negotiations',
				a: { commentator: 'ann', claim: 'c1', direction: 'helps', quote: 'quote c1' },
				b: { commentator: 'cat', claim: 'c3', direction: 'hurts', quote: 'quote c3' }
			}
		]);
	});

	it('gives one entry per pair, ignores unclear effects and self-contradiction, orders by option, dimension, a, b', () => {
		const s = scenario(
			['x', 'y'],
			[
				['p', 'P'],
				['q', 'Q'],
				['r', 'R']
			],
			[
				['k1', 'y', 'q', 'oppose', 'escalation:hurts'],
				['k2', 'y', 'p', 'support', 'escalation:helps', 'negotiations:helps'],
				['k3', 'y', 'q', 'oppose', 'escalation:hurts', 'negotiations:hurts'],
				['k4', 'x', 'r', 'oppose', 'negotiations:hurts'],
				['k5', 'x', 'p', 'support', 'negotiations:helps'],
				['k6', 'x', 'p', 'support', 'negotiations:hurts'],
				['k7', 'x', 'q', 'conditional', 'negotiations:unclear'],
				['k8', 'x', 'q', 'oppose', 'escalation:hurts'],
				['k9', 'x', 'q', 'support', 'escalation:helps'],
				['k10', 'x', 'r', 'support', 'escalation:helps'],
				['k11', 'x', 'r', 'oppose', 'escalation:hurts']
			]
		);
		const result = contradictions(s).map(
			(c) =>
				`${c.option}/${c.dimension}: ${c.a.commentator}:${c.a.claim} ${c.b.commentator}:${c.b.claim}`
		);
		expect(result).toEqual([
			// p also says "hurts" (k6), which contradicts nobody else.
			'x/negotiations: p:k5 r:k4',
			// q and r each say both: one entry, led by q's earlier claim (k8, hurts).
			'x/escalation: q:k8 r:k10',
			'y/negotiations: p:k2 q:k3',
			// q contradicts p twice on escalation (k1, k3): one entry, q's first claim.
			'y/escalation: p:k2 q:k1'
		]);
	});

	it('finds nothing when everyone agrees on the direction', () => {
		const s = scenario(
			['x'],
			[
				['p', 'P'],
				['q', 'Q']
			],
			[
				['k1', 'x', 'p', 'support', 'negotiations:helps'],
				['k2', 'x', 'q', 'support', 'negotiations:helps']
			]
		);
		expect(contradictions(s)).toEqual([]);
	});
});

describe('filtered views', () => {
	it('scopes commentators to those with a claim in the subset, unless told', () => {
		const onSanctions = basic.claims.filter((c) => c.option === 'sanctions');
		expect(byId(optionStats(basic, onSanctions), 'talks')).toMatchObject({
			n: 0,
			not_addressed: 3,
			agreement: null
		});
		expect(pairStats(basic, onSanctions).map((p) => `${p.a}-${p.b}`)).toEqual([
			'ann-bob',
			'ann-cat',
			'bob-cat'
		]);
		// An explicit scope counts a silent commentator as not addressing, and drops the others.
		expect(byId(optionStats(basic, onSanctions, ['ann', 'dan']), 'sanctions')).toMatchObject({
			n: 1,
			support: 1,
			not_addressed: 1
		});
	});

	it('ignores claims that point at unknown options or commentators', () => {
		const stray = [
			...basic.claims,
			{ ...basic.claims[0]!, id: 'stray-1', option: 'nowhere' },
			{ ...basic.claims[0]!, id: 'stray-2', commentator: 'nobody' }
		];
		expect(optionStats(basic, stray, ['ann', 'bob', 'cat', 'dan'])).toEqual(optionStats(basic));
	});
});

describe('analyze', () => {
	it('prints the CLI shape: options by contestedness, 4 dp, camps as id lists', () => {
		const result = analyze(basic);
		expect(result.options).toEqual([
			{
				id: 'sanctions',
				label: 'Sanctions',
				n: 3,
				support: 2,
				conditional: 0,
				oppose: 1,
				mixed: 0,
				not_addressed: 1,
				agreement: -0.3333
			},
			{
				id: 'arms',
				label: 'Arms',
				n: 2,
				support: 0,
				conditional: 0,
				oppose: 2,
				mixed: 0,
				not_addressed: 2,
				agreement: 1
			},
			{
				id: 'talks',
				label: 'Talks',
				n: 2,
				support: 0,
				conditional: 2,
				oppose: 0,
				mixed: 1,
				not_addressed: 2,
				agreement: 1
			}
		]);
		expect(result.pairs).toEqual(pairStats(basic));
		expect(result.camps).toEqual([['ann', 'bob'], ['dan'], ['cat']]);
		expect(result.contradictions).toEqual(contradictions(basic));
		expect(JSON.parse(JSON.stringify(result))).toEqual(result);
	});

	it('rounds pair agreement to 4 dp too', () => {
		const s = scenario(
			['x', 'y', 'z'],
			[
				['p', 'P'],
				['q', 'Q']
			],
			[
				['k1', 'x', 'p', 'support'],
				['k2', 'x', 'q', 'support'],
				['k3', 'y', 'p', 'support'],
				['k4', 'y', 'q', 'support'],
				['k5', 'z', 'p', 'support'],
				['k6', 'z', 'q', 'conditional']
			]
		);
		expect(pairStats(s)[0]?.agreement).toBeCloseTo(2.5 / 3, 12);
		expect(analyze(s).pairs[0]?.agreement).toBe(0.8333);
	});
});

/** Random scenarios: up to 7 commentators, 4 options, 25 claims, every stance and direction. */
const randomScenario = fc
	.record({
		commentatorCount: fc.integer({ min: 1, max: 7 }),
		optionCount: fc.integer({ min: 1, max: 4 }),
		rows: fc.array(
			fc.tuple(
				fc.nat(),
				fc.nat(),
				fc.constantFrom<Stance>('support', 'conditional', 'oppose'),
				fc.constantFrom(...DIMENSIONS),
				fc.constantFrom<Direction>('helps', 'hurts', 'unclear')
			),
			{ maxLength: 25 }
		)
	})
	.map(({ commentatorCount, optionCount, rows }) => {
		const commentators = Array.from({ length: commentatorCount }, (_, i): [string, string] => [
			`c${i}`,
			`Commentator ${i}`
		]);
		const options = Array.from({ length: optionCount }, (_, i) => `o${i}`);
		return scenario(
			options,
			commentators,
			rows.map(([o, c, stance, dimension, direction], i): ClaimRow => [
				`k${i}`,
				options[o % optionCount]!,
				commentators[c % commentatorCount]![0],
				stance,
				`${dimension}:${direction}`
			])
		);
	});

/** UPGMA by its definition (mean of member-pair distances), merging the closest pair each time. */
function naiveAverageLinkage(distance: Float64Array, n: number): Array<[string, number]> {
	const clusters = Array.from({ length: n }, (_, i) => [i]);
	const merges: Array<[string, number]> = [];
	while (clusters.length > 1) {
		let best: [number, number, number] = [0, 1, Infinity];
		for (let x = 0; x < clusters.length; x++) {
			for (let y = x + 1; y < clusters.length; y++) {
				let sum = 0;
				for (const i of clusters[x]!) for (const j of clusters[y]!) sum += distance[i * n + j]!;
				const mean = sum / (clusters[x]!.length * clusters[y]!.length);
				if (mean < best[2]) best = [x, y, mean];
			}
		}
		const merged = [...clusters[best[0]]!, ...clusters[best[1]]!].sort((a, b) => a - b);
		merges.push([merged.join(','), best[2]]);
		clusters.splice(best[1], 1);
		clusters[best[0]] = merged;
	}
	return merges;
}

function mergesOf(tree: Dendrogram): Array<[string, number]> {
	const members: number[][] = Array.from({ length: tree.leaves }, (_, i) => [i]);
	return Array.from(tree.height, (height, i) => {
		const merged = [...members[tree.left[i]!]!, ...members[tree.right[i]!]!].sort((a, b) => a - b);
		members.push(merged);
		return [merged.join(','), height];
	});
}

describe('properties', () => {
	it('pair agreement is symmetric and in [0, 1], null exactly when nothing is shared', () => {
		fc.assert(
			fc.property(randomScenario, (s) => {
				const forward = pairStats(s);
				const reversed = pairStats({ ...s, commentators: [...s.commentators].reverse() });
				for (const pair of forward) {
					const mirror = pairOf(reversed, pair.b, pair.a);
					expect(mirror.n).toBe(pair.n);
					expect(mirror.agreement).toBe(pair.agreement);
					expect(pair.agreement === null).toBe(pair.n === 0);
					if (pair.agreement !== null) {
						expect(pair.agreement).toBeGreaterThanOrEqual(0);
						expect(pair.agreement).toBeLessThanOrEqual(1);
					}
				}
			})
		);
	});

	it('camps order is a permutation of the commentators, cut into contiguous blocks', () => {
		fc.assert(
			fc.property(randomScenario, (s) => {
				const result = camps(s);
				expect([...result.order].sort()).toEqual(s.commentators.map((c) => c.id).sort());
				expect(result.blocks.flatMap((b) => b.members)).toEqual(result.order);
				for (const block of result.blocks) {
					expect(block.id).toBe(`camp-${block.members[0]}`);
					if (block.members.length === 1) expect(block.agreement).toBeNull();
				}
				expect(camps(s)).toEqual(result);
			})
		);
	});

	it('option counts add up: support + conditional + oppose = n, n + not addressed = scope', () => {
		fc.assert(
			fc.property(randomScenario, (s) => {
				for (const stat of optionStats(s)) {
					expect(stat.support + stat.conditional + stat.oppose).toBe(stat.n);
					expect(stat.n + stat.not_addressed).toBe(s.commentators.length);
					expect(stat.mixed).toBeLessThanOrEqual(stat.n);
					expect(stat.agreement === null).toBe(stat.n === 0);
				}
			})
		);
	});

	it('contradictions have opposite directions, distinct commentators, and no duplicates', () => {
		fc.assert(
			fc.property(randomScenario, (s) => {
				const keys = contradictions(s).map((c) => {
					expect(new Set([c.a.direction, c.b.direction])).toEqual(new Set(['helps', 'hurts']));
					expect(c.a.commentator).not.toBe(c.b.commentator);
					return `${c.option}/${c.dimension}/${c.a.commentator}/${c.b.commentator}`;
				});
				expect(new Set(keys).size).toBe(keys.length);
			})
		);
	});

	it('nearest-neighbour-chain average linkage builds the same tree as naive UPGMA', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 1, max: 9 }).chain((n) =>
					fc.tuple(
						fc.constant(n),
						fc.uniqueArray(fc.integer({ min: 1, max: 1_000_000 }), {
							minLength: (n * (n - 1)) / 2,
							maxLength: (n * (n - 1)) / 2
						})
					)
				),
				([n, values]) => {
					const distance = new Float64Array(n * n);
					let next = 0;
					for (let a = 0; a < n; a++) {
						for (let b = a + 1; b < n; b++) {
							const d = values[next++]! / 1_000_000;
							distance[a * n + b] = d;
							distance[b * n + a] = d;
						}
					}
					const expected = naiveAverageLinkage(distance, n);
					const actual = mergesOf(averageLinkage(distance.slice(), n));
					const expectedHeights = new Map(expected);
					expect(actual.map(([members]) => members).sort()).toEqual(
						[...expectedHeights.keys()].sort()
					);
					for (const [members, height] of actual) {
						expect(height).toBeCloseTo(expectedHeights.get(members) ?? NaN, 9);
					}
				}
			)
		);
	});
});
