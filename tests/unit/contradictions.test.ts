import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { contradictions, stanceContradictions } from '../../src/lib/analysis/contradictions';
import { basic, permutationKeys, randomScenario, reorder, scenario } from './analysis-fixture';

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

describe('stanceContradictions', () => {
	it('pairs support against oppose by combined stance, each with its first claim in that stance', () => {
		// Sanctions: Ann, Bob support, Cat opposes. Talks: Ann is mixed (conditional). Arms: all oppose.
		expect(stanceContradictions(basic)).toEqual([
			{
				option: 'sanctions',
				a: { commentator: 'ann', claim: 'c1', stance: 'support', quote: 'quote c1' },
				b: { commentator: 'cat', claim: 'c3', stance: 'oppose', quote: 'quote c3' }
			},
			{
				option: 'sanctions',
				a: { commentator: 'bob', claim: 'c2', stance: 'support', quote: 'quote c2' },
				b: { commentator: 'cat', claim: 'c3', stance: 'oppose', quote: 'quote c3' }
			}
		]);
	});

	it('shows a mixed position by its first claim in the combined stance; conditional opposes nobody', () => {
		const s = scenario(
			['x'],
			[
				['p', 'P'],
				['q', 'Q'],
				['r', 'R']
			],
			[
				['k1', 'x', 'p', 'oppose'],
				['k2', 'x', 'p', 'support'],
				['k3', 'x', 'p', 'support'],
				['k4', 'x', 'q', 'oppose'],
				['k5', 'x', 'r', 'conditional']
			]
		);
		expect(stanceContradictions(s).map((c) => `${c.a.claim}-${c.b.claim}`)).toEqual(['k2-k4']);
	});

	it('finds the same pairs whatever the order of commentators', () => {
		fc.assert(
			fc.property(randomScenario, permutationKeys, (s, keys) => {
				const key = (list: ReturnType<typeof stanceContradictions>) =>
					list.map((c) => `${c.option}|${[c.a.claim, c.b.claim].sort()}`).sort();
				const moved = { ...s, commentators: reorder(s.commentators, keys) };
				expect(key(stanceContradictions(moved))).toEqual(key(stanceContradictions(s)));
				for (const c of stanceContradictions(s)) expect(c.a.stance).not.toBe(c.b.stance);
			})
		);
	});
});
