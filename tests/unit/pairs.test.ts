import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { pairStats } from '../../src/lib/analysis/pairs';
import { basic, pairOf, randomScenario, scenario } from './analysis-fixture';

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
});
