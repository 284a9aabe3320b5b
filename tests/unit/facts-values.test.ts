import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { factsValues, type FactsValues } from '../../src/lib/analysis/facts-values';
import type { Scenario } from '../../src/lib/scenario/schema';
import {
	permutationKeys,
	randomSourcedScenario,
	reorder,
	scenario,
	type ClaimRow
} from './analysis-fixture';

const people: Array<[string, string]> = [
	['ann', 'Ann'],
	['bob', 'Bob'],
	['cat', 'Cat'],
	['dan', 'Dan']
];
const on = (rows: ClaimRow[]) => scenario(['x'], people, rows);

describe('facts or values', () => {
	it('calls opposite expected effects a disagreement about facts, with both claims', () => {
		const s = on([
			['k1', 'x', 'ann', 'support', 'escalation:helps'],
			['k2', 'x', 'bob', 'oppose', 'escalation:hurts']
		]);
		const result = factsValues(s);
		expect(result.pairs).toEqual([
			{
				option: 'x',
				a: 'ann',
				b: 'bob',
				a_stance: 'support',
				b_stance: 'oppose',
				kind: 'facts',
				reason: null,
				facts: ['escalation'],
				values: [],
				unclear: []
			}
		]);
		expect(result.findings).toEqual([
			{
				option: 'x',
				dimension: 'escalation',
				kind: 'facts',
				a: {
					commentator: 'ann',
					stance: 'support',
					claim: 'k1',
					direction: 'helps',
					quote: 'quote k1'
				},
				b: {
					commentator: 'bob',
					stance: 'oppose',
					claim: 'k2',
					direction: 'hurts',
					quote: 'quote k2'
				}
			}
		]);
		expect(result.options[0]).toMatchObject({
			pairs: 1,
			facts: 1,
			values: 0,
			unclear: 0,
			agree: 0,
			dominant: 'facts'
		});
	});

	it('calls the same expected effect with different stances a disagreement about values', () => {
		// Both expect x to hurt escalation; Ann accepts it, Bob does not.
		const s = on([
			['k1', 'x', 'ann', 'support', 'escalation:hurts'],
			['k2', 'x', 'bob', 'oppose', 'escalation:hurts']
		]);
		const result = factsValues(s);
		expect(result.pairs[0]).toMatchObject({ kind: 'values', values: ['escalation'], facts: [] });
		expect(result.findings[0]).toMatchObject({
			kind: 'values',
			a: { claim: 'k1', direction: 'hurts', stance: 'support' },
			b: { claim: 'k2', direction: 'hurts', stance: 'oppose' }
		});
		expect(result.options[0]?.dominant).toBe('values');
	});

	it('calls opposite effects facts even when the stances agree, and facts win over values', () => {
		const s = on([
			['k1', 'x', 'ann', 'support', 'escalation:helps', 'negotiations:helps'],
			['k2', 'x', 'bob', 'support', 'escalation:hurts'],
			['k3', 'x', 'cat', 'oppose', 'escalation:hurts', 'negotiations:helps']
		]);
		const result = factsValues(s);
		const kinds = result.pairs.map((p) => `${p.a}-${p.b}:${p.kind}`);
		// Ann-Bob agree in stance but not on escalation; Ann-Cat: escalation facts, negotiations
		// values, so facts; Bob-Cat: same effect, different stance, values.
		expect(kinds).toEqual(['ann-bob:facts', 'ann-cat:facts', 'bob-cat:values']);
		const annCat = result.pairs.find((p) => p.a === 'ann' && p.b === 'cat')!;
		expect(annCat).toMatchObject({ facts: ['escalation'], values: ['negotiations'] });
		expect(
			result.findings.map((f) => `${f.a.commentator}-${f.b.commentator}/${f.dimension}:${f.kind}`)
		).toEqual([
			'ann-bob/escalation:facts',
			'ann-cat/negotiations:values',
			'ann-cat/escalation:facts',
			'bob-cat/escalation:values'
		]);
		expect(result.options[0]).toMatchObject({ pairs: 3, facts: 2, values: 1, dominant: 'facts' });
	});

	it('says neither when a direction is unclear or the dimensions differ, and which', () => {
		const s = on([
			['k1', 'x', 'ann', 'support', 'escalation:unclear'],
			['k2', 'x', 'bob', 'oppose', 'escalation:hurts'],
			['k3', 'x', 'cat', 'oppose', 'negotiations:helps'],
			['k4', 'x', 'dan', 'support', 'negotiations:unclear']
		]);
		const result = factsValues(s);
		const byPair = Object.fromEntries(result.pairs.map((p) => [`${p.a}-${p.b}`, p]));
		expect(byPair['ann-bob']).toMatchObject({
			kind: 'unclear',
			reason: 'unclear-direction',
			unclear: ['escalation']
		});
		expect(byPair['ann-cat']).toMatchObject({ kind: 'unclear', reason: 'no-shared-dimension' });
		expect(byPair['cat-dan']).toMatchObject({ kind: 'unclear', reason: 'unclear-direction' });
		// Bob and Cat oppose alike and name different dimensions: no disagreement, not listed.
		expect(byPair['bob-cat']).toBeUndefined();
		expect(result.findings).toEqual([]);
		expect(result.options[0]).toMatchObject({
			pairs: 6,
			facts: 0,
			values: 0,
			unclear: 4,
			agree: 2,
			dominant: 'none'
		});
	});

	it('reads mixed positions by their combined stance and picks the earliest pair of claims', () => {
		const s = on([
			['k1', 'x', 'bob', 'oppose', 'escalation:helps'],
			['k2', 'x', 'ann', 'support', 'escalation:hurts'],
			['k3', 'x', 'ann', 'support', 'escalation:helps'],
			['k4', 'x', 'bob', 'conditional', 'escalation:hurts'],
			['k5', 'x', 'ann', 'oppose', 'negotiations:unclear']
		]);
		const result = factsValues(s);
		// Ann: support, support, oppose -> support; Bob: oppose, conditional -> oppose.
		expect(result.pairs[0]).toMatchObject({
			a_stance: 'support',
			b_stance: 'oppose',
			kind: 'facts'
		});
		// Both pairings are opposite (Ann hurts k2 vs Bob helps k1; Ann helps k3 vs Bob hurts k4):
		// the one holding the earliest claim, k1, is shown.
		expect(result.findings[0]).toMatchObject({
			a: { claim: 'k2', direction: 'hurts' },
			b: { claim: 'k1', direction: 'helps' }
		});
	});

	it('gives an even verdict when facts and values are as many', () => {
		const s = scenario(['x'], people, [
			['k1', 'x', 'ann', 'support', 'escalation:helps'],
			['k2', 'x', 'bob', 'oppose', 'escalation:hurts'],
			['k3', 'x', 'cat', 'oppose', 'negotiations:helps'],
			['k4', 'x', 'dan', 'support', 'negotiations:helps']
		]);
		expect(factsValues(s).options[0]).toMatchObject({ facts: 1, values: 1, dominant: 'even' });
	});
});

/** The result with a and b put in id order, so two scenario orders can be compared. */
function canonical(result: FactsValues) {
	const side = (x: { commentator: string; claim: string; direction: string; stance: string }) =>
		`${x.commentator}:${x.claim}:${x.direction}:${x.stance}`;
	return {
		options: result.options,
		pairs: result.pairs
			.map((p) => {
				const [first, second] = [
					[p.a, p.a_stance],
					[p.b, p.b_stance]
				].sort();
				return `${p.option}|${first}|${second}|${p.kind}|${p.reason}|${p.facts}|${p.values}|${p.unclear}`;
			})
			.sort(),
		findings: result.findings
			.map((f) => `${f.option}|${f.dimension}|${f.kind}|${[side(f.a), side(f.b)].sort().join('|')}`)
			.sort()
	};
}

function permuted(s: Scenario, commentatorKeys: number[], sourceKeys: number[]): Scenario {
	return {
		...s,
		commentators: reorder(s.commentators, commentatorKeys),
		sources: reorder(s.sources, sourceKeys)
	};
}

describe('facts or values: properties', () => {
	it('counts add up to the pairs, and every finding belongs to a listed pair of its kind', () => {
		fc.assert(
			fc.property(randomSourcedScenario, (s) => {
				const result = factsValues(s);
				for (const o of result.options) {
					expect(o.facts + o.values + o.unclear + o.agree).toBe(o.pairs);
					const listed = result.pairs.filter((p) => p.option === o.option);
					expect(listed.length).toBe(o.pairs - o.agree);
				}
				for (const f of result.findings) {
					const pair = result.pairs.find(
						(p) => p.option === f.option && p.a === f.a.commentator && p.b === f.b.commentator
					)!;
					expect(pair[f.kind]).toContain(f.dimension);
					if (f.kind === 'facts') expect(f.a.direction).not.toBe(f.b.direction);
					else {
						expect(f.a.direction).toBe(f.b.direction);
						expect(f.a.stance).not.toBe(f.b.stance);
					}
				}
			})
		);
	});

	it('permuting commentators or sources changes no result', () => {
		fc.assert(
			fc.property(randomSourcedScenario, permutationKeys, permutationKeys, (s, ck, sk) => {
				expect(canonical(factsValues(permuted(s, ck, sk)))).toEqual(canonical(factsValues(s)));
			})
		);
	});
});
