import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decide, decideOn, decisionBasis, type Decision } from '../../src/lib/analysis/decision';
import { sensitivity } from '../../src/lib/analysis/decision-sensitivity';
import {
	formatWeights,
	fullWeights,
	parseWeights,
	withWeight,
	type Weights
} from '../../src/lib/analysis/decision-weights';
import type { Scenario } from '../../src/lib/scenario/schema';
import {
	DIMENSIONS,
	permutationKeys,
	randomSourcedScenario,
	reorder,
	scenario
} from './analysis-fixture';

/**
 * Two options. x: Ann expects it to help negotiations and hurt escalation; Bob to help
 * negotiations. y: Ann expects it to help escalation (twice) and, once, hurt it; Cat's effect is
 * unclear; Dan says nothing.
 */
const table = scenario(
	['x', 'y'],
	[
		['ann', 'Ann'],
		['bob', 'Bob'],
		['cat', 'Cat'],
		['dan', 'Dan']
	],
	[
		['k1', 'x', 'ann', 'support', 'negotiations:helps', 'escalation:hurts'],
		['k2', 'x', 'bob', 'support', 'negotiations:helps'],
		['k3', 'y', 'ann', 'support', 'escalation:helps'],
		['k4', 'y', 'ann', 'support', 'escalation:helps'],
		['k5', 'y', 'ann', 'oppose', 'escalation:hurts'],
		['k6', 'y', 'cat', 'conditional', 'negotiations:unclear']
	]
);

describe('decision table', () => {
	it('scores each commentator by the weighted mean of net effects, and the option by their mean', () => {
		const result = decide(table);
		const x = result.options[0]!;
		// Ann on x: negotiations +1, escalation -1, equal weights: 0. Bob: +1. Total (0 + 1) / 2.
		expect(x.commentators.map((c) => [c.commentator, c.score, c.helps, c.hurts])).toEqual([
			['ann', 0, 1, 1],
			['bob', 1, 1, 0]
		]);
		expect(x).toMatchObject({ total: 0.5, n: 2, unclear: 0, not_addressed: 2 });
		expect(x.dimensions).toEqual([
			{
				dimension: 'negotiations',
				helps: 2,
				hurts: 0,
				even: 0,
				unclear: 0,
				mean: 1,
				claims: ['k1', 'k2']
			},
			{ dimension: 'escalation', helps: 0, hurts: 1, even: 0, unclear: 0, mean: -1, claims: ['k1'] }
		]);
		const y = result.options[1]!;
		// Ann on y: escalation (2 helps - 1 hurts) / 3 = 1/3. Cat: only unclear, no score.
		expect(y.commentators.map((c) => [c.commentator, c.score, c.unclear, c.claims])).toEqual([
			['ann', 1 / 3, 0, ['k3', 'k4', 'k5']],
			['cat', null, 1, ['k6']]
		]);
		expect(y).toMatchObject({ total: 1 / 3, n: 1, unclear: 1, not_addressed: 2 });
		expect(result.ranking).toEqual(['x', 'y']);
		expect(result.top).toBe('x');
		expect(result.weights).toEqual({ negotiations: 1, escalation: 1 });
	});

	it('follows the weights: escalation alone makes y the top option; weight 0 drops a goal', () => {
		const result = decide(table, { negotiations: 0 });
		// x: Ann escalation -1; Bob has no weighted dimension left (unclear now). y: Ann 1/3.
		expect(result.options[0]).toMatchObject({ total: -1, n: 1, unclear: 1 });
		expect(result.options[1]).toMatchObject({ total: 1 / 3, n: 1 });
		expect(result.top).toBe('y');
		// Negotiations 3, escalation 1: Ann on x (3 - 1) / 4 = 0.5, Bob 1: total 0.75.
		expect(decide(table, { negotiations: 3 }).options[0]?.total).toBe(0.75);
		expect(decide(table, { negotiations: 0, escalation: 0 }).top).toBeNull();
	});

	it('names the weight change that changes the top option', () => {
		const basis = decisionBasis(table);
		const result = sensitivity(basis);
		// x's total as negotiations goes to w: Ann (w - 1) / (w + 1), Bob 1; y stays at 1/3.
		// x stays on top while ((w - 1) / (w + 1) + 1) / 2 > 1/3, i.e. w > 0.5: below 0.5, y.
		const negotiations = result.dimensions.find((d) => d.dimension === 'negotiations')!;
		expect(negotiations.raise).toBeNull();
		expect(negotiations.lower).toEqual({ to: 0.49, top: 'y' });
		// Escalation to w: Ann (1 - w) / (1 + w) on x, so x falls as w rises: at w = 2,
		// ((1 - 2) / 3 + 1) / 2 = 1/3 ties y, and x keeps it (n 2 > 1); just above, y leads.
		const escalation = result.dimensions.find((d) => d.dimension === 'escalation')!;
		expect(escalation.raise).toEqual({ to: 2.01, top: 'y' });
		expect(escalation.lower).toBeNull();
		expect(result.closest).toEqual({ dimension: 'negotiations', from: 1, to: 0.49, top: 'y' });
		expect(decideOn(basis, { negotiations: 0.49 }).top).toBe('y');
		expect(decideOn(basis, { negotiations: 0.51 }).top).toBe('x');
	});
});

describe('weights', () => {
	it('one weight typed into a form follows the same rules as the address', () => {
		expect(withWeight(dims, { escalation: 3 }, 'negotiations', ' 2.5 ')).toEqual({
			ok: true,
			weights: { ...fullWeights(dims, { escalation: 3 }), negotiations: 2.5 }
		});
		for (const [text, error] of <Array<[string, string]>>[
			['', 'weight for "negotiations": "" is not a number'],
			['two', 'weight for "negotiations": "two" is not a number'],
			['-1', 'weight for "negotiations": expected a number from 0 to 1000'],
			['2,3', 'weight for "negotiations": "2,3" is not a number'],
			['1e9', 'weight for "negotiations": expected a number from 0 to 1000']
		])
			expect(withWeight(dims, {}, 'negotiations', text)).toEqual({ ok: false, error });
		expect(withWeight(dims, {}, 'speed', '1')).toMatchObject({ ok: false });
	});

	const dims = DIMENSIONS.map((id) => ({ id, label: id, goal: id }));

	it('reads dimension=number lists and writes them back', () => {
		expect(parseWeights('negotiations=2, escalation=0.5', dims)).toEqual({
			ok: true,
			weights: { negotiations: 2, escalation: 0.5 }
		});
		expect(parseWeights('', dims)).toEqual({ ok: true, weights: {} });
		expect(formatWeights(dims, { negotiations: 2, escalation: 1 })).toBe('negotiations=2');
		expect(fullWeights(dims, { escalation: 3 })).toEqual({ negotiations: 1, escalation: 3 });
	});

	it('refuses an unknown dimension, a non-number, a negative, a repeat, naming it', () => {
		const error = (text: string) => {
			const result = parseWeights(text, dims);
			return result.ok ? '' : result.error;
		};
		expect(error('cost=2')).toBe(
			'weight for "cost": the scenario has no such dimension (it has: negotiations, escalation)'
		);
		expect(error('negotiations=high')).toBe('weight for "negotiations": "high" is not a number');
		expect(error('negotiations=')).toBe('weight for "negotiations": "" is not a number');
		expect(error('negotiations=-1')).toBe(
			'weight for "negotiations": expected a number from 0 to 1000'
		);
		expect(error('escalation=1,escalation=2')).toBe('weight for "escalation" is given twice');
		expect(error('negotiations')).toMatch(/^weight "negotiations": expected dimension=number/);
		expect(error('constructor=1')).toMatch(/no such dimension/);
	});

	it('round-trips any weights through text', () => {
		fc.assert(
			fc.property(
				fc.record({
					negotiations: fc.double({ min: 0, max: 1000, noNaN: true }),
					escalation: fc.double({ min: 0, max: 1000, noNaN: true })
				}),
				(weights) => {
					const text = formatWeights(dims, weights);
					const back = parseWeights(text, dims);
					expect(back.ok && fullWeights(dims, back.weights)).toEqual(
						fullWeights(dims, { ...weights })
					);
				}
			)
		);
	});
});

/** What a decision says, independent of the order of commentators in the scenario. */
function canonical(result: Decision) {
	return {
		ranking: result.ranking,
		top: result.top,
		options: result.options.map((o) => ({
			...o,
			commentators: [...o.commentators].sort((x, y) => (x.commentator < y.commentator ? -1 : 1))
		}))
	};
}

const someWeights = fc.record({
	negotiations: fc.constantFrom(0, 0.5, 1, 2, 7),
	escalation: fc.constantFrom(0, 0.5, 1, 2, 7)
});

describe('decision table: properties', () => {
	it('weights that are all equal give the unweighted result', () => {
		fc.assert(
			fc.property(
				randomSourcedScenario,
				fc.double({ min: 0.001, max: 1000, noNaN: true }),
				(s, w) => {
					expect(decide(s, { negotiations: w, escalation: w }).options).toEqual(decide(s).options);
				}
			)
		);
	});

	it('permuting commentators or sources changes no result', () => {
		fc.assert(
			fc.property(
				randomSourcedScenario,
				permutationKeys,
				permutationKeys,
				someWeights,
				(s, ck, sk, w) => {
					const moved: Scenario = {
						...s,
						commentators: reorder(s.commentators, ck),
						sources: reorder(s.sources, sk)
					};
					expect(canonical(decide(moved, w))).toEqual(canonical(decide(s, w)));
				}
			)
		);
	});

	it('every score lies in [-1, 1], counts add up, and each reported weight change does change the top', () => {
		fc.assert(
			fc.property(randomSourcedScenario, someWeights, (s, w: Weights) => {
				const basis = decisionBasis(s);
				const result = decideOn(basis, w);
				for (const o of result.options) {
					expect(o.n + o.unclear + o.not_addressed).toBe(s.commentators.length);
					for (const c of o.commentators) {
						if (c.score !== null) expect(Math.abs(c.score)).toBeLessThanOrEqual(1);
					}
				}
				for (const d of sensitivity(basis, w).dimensions) {
					for (const change of [d.raise, d.lower]) {
						if (!change) continue;
						const moved = decideOn(basis, { ...w, [d.dimension]: change.to });
						expect(moved.top).toBe(change.top);
						expect(moved.top).not.toBe(result.top);
					}
				}
			})
		);
	});
});
