/**
 * The evidence panel's facts-or-values note: one commentator against the others on one option,
 * from `factsValuesWith`, which must agree with the whole-scenario `factsValues`, and its sentence.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { factsValues, factsValuesWith } from '../../src/lib/analysis/facts-values';
import { commentatorFactsValuesSentence, namesOf } from '../../src/lib/present/analysis-words';
import { loadScenario } from '../../src/lib/scenario/load';
import { randomSourcedScenario, scenario, type ClaimRow } from './analysis-fixture';

const people: Array<[string, string]> = [
	['ann', 'Ann'],
	['bob', 'Bob'],
	['cat', 'Cat'],
	['dan', 'Dan']
];
const on = (rows: ClaimRow[]) => scenario(['x', 'y'], people, rows);

describe('facts or values for one commentator on one option', () => {
	const s = on([
		['k1', 'x', 'ann', 'support', 'escalation:helps'],
		['k2', 'x', 'bob', 'oppose', 'escalation:hurts'],
		['k3', 'x', 'cat', 'oppose', 'escalation:helps'],
		['k4', 'x', 'dan', 'support', 'escalation:helps'],
		['k5', 'y', 'bob', 'oppose', 'escalation:hurts']
	]);

	it('counts facts, values, unclear and agree against the others, n = the others', () => {
		const ann = factsValuesWith(s, 'x', 'ann')!;
		expect(ann).toMatchObject({ others: 3, facts: 1, values: 1, unclear: 0, agree: 1 });
		expect(ann.pairs.map((p) => [p.a, p.b, p.kind])).toEqual([
			['ann', 'bob', 'facts'],
			['ann', 'cat', 'values']
		]);
		expect(ann.findings.map((f) => [f.b.commentator, f.kind, f.a.quote, f.b.quote])).toEqual([
			['bob', 'facts', 'quote k1', 'quote k2'],
			['cat', 'values', 'quote k1', 'quote k3']
		]);
		const names = namesOf(s);
		expect(commentatorFactsValuesSentence(names, ann)).toBe(
			'Of the 3 other commentators in view who address “x” (n = 3), 1 disagrees with Ann about facts (what the option will do), 1 about values (what matters: the same effect, weighed differently), 0 in a way that cannot be told apart, and 1 agrees. Facts and values weigh the same here.'
		);
		const bob = factsValuesWith(s, 'x', 'bob')!;
		expect(bob).toMatchObject({ others: 3, facts: 3, values: 0, agree: 0 });
		expect(commentatorFactsValuesSentence(names, bob)).toMatch(
			/Where it can be told, Bob’s disagreements here are about facts\.$/
		);
	});

	it('is null for a commentator silent on the option; alone, there is no one to compare', () => {
		expect(factsValuesWith(s, 'y', 'ann')).toBeNull();
		const alone = factsValuesWith(s, 'y', 'bob')!;
		expect(alone).toMatchObject({ others: 0, facts: 0, values: 0, unclear: 0, agree: 0 });
		expect(commentatorFactsValuesSentence(namesOf(s), alone)).toBe(
			'No other commentator in view addresses “y”, so there is no one to compare Bob with.'
		);
	});

	it('follows the claims in view: a filter that hides a side removes that pair', () => {
		const inView = s.claims.filter((c) => c.id !== 'k2');
		expect(factsValuesWith(s, 'x', 'ann', inView)).toMatchObject({
			others: 2,
			facts: 0,
			values: 1
		});
	});

	it('agrees with the whole-scenario analysis, for every option and commentator', () => {
		const check = (sc: typeof s) => {
			const all = factsValues(sc);
			for (const option of sc.options)
				for (const person of sc.commentators) {
					const one = factsValuesWith(sc, option.id, person.id);
					const mine = all.pairs.filter(
						(p) => p.option === option.id && (p.a === person.id || p.b === person.id)
					);
					if (!one) {
						expect(mine).toEqual([]);
						continue;
					}
					const rank = { facts: 0, values: 1, unclear: 2, agree: 3 };
					expect(one.pairs).toEqual(mine.sort((x, y) => rank[x.kind] - rank[y.kind]));
					expect(one.findings).toEqual(
						all.findings.filter(
							(f) =>
								f.option === option.id &&
								(f.a.commentator === person.id || f.b.commentator === person.id)
						)
					);
					expect(one.facts + one.values + one.unclear + one.agree).toBe(one.others);
				}
		};
		fc.assert(fc.property(randomSourcedScenario, check));
		const file = 'scenarios/ukraine-war-2025.yaml';
		const loaded = loadScenario(readFileSync(file, 'utf8'), file);
		if (!loaded.ok) throw new Error(file);
		check(loaded.scenario);
	});
});
