import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { contradictions } from '../../src/lib/analysis/contradictions';
import { basic, randomScenario, scenario } from './analysis-fixture';

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

describe('properties', () => {
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
});
