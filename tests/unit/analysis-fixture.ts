/**
 * Hand-built scenarios for the analysis tests: a builder from the bare minimum, the four-person
 * `basic` case the tests reason about by hand, and random scenarios for property tests.
 */
import fc from 'fast-check';
import type { PairStat } from '../../src/lib/analysis/pairs';
import type { Claim, Direction, Scenario, Stance } from '../../src/lib/scenario/schema';

export const DIMENSIONS = ['negotiations', 'escalation'] as const;

/** [claim id, option, commentator, stance, effects as "dimension:direction" (default none given)] */
export type ClaimRow = [string, string, string, Stance, ...string[]];

/** A valid scenario from the bare minimum: option ids, commentator [id, name] pairs, claim rows. */
export function scenario(
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
export const basic = scenario(
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

export const byId = <T extends { id: string }>(items: readonly T[], id: string): T => {
	const found = items.find((item) => item.id === id);
	if (!found) throw new Error(`no ${id}`);
	return found;
};
export const pairOf = (pairs: readonly PairStat[], a: string, b: string) => {
	const found = pairs.find((p) => p.a === a && p.b === b);
	if (!found) throw new Error(`no pair ${a}-${b}`);
	return found;
};

/** Random scenarios: up to 7 commentators, 4 options, 25 claims, every stance and direction. */
export const randomScenario = fc
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

/** `s` with `count` sources, claim i from source `assign[i] % count` (src-0, src-1, ...). */
export function withSources(s: Scenario, count: number, assign: readonly number[]): Scenario {
	const base = s.sources[0]!;
	return {
		...s,
		sources: Array.from({ length: count }, (_, i) => ({
			...base,
			id: `src-${i}`,
			title: `Article ${i}`
		})),
		claims: s.claims.map((claim, i) => ({ ...claim, source: `src-${(assign[i] ?? 0) % count}` }))
	};
}

/** Random scenarios as {@link randomScenario}, their claims spread over 1 to 4 sources. */
export const randomSourcedScenario = fc
	.tuple(
		randomScenario,
		fc.integer({ min: 1, max: 4 }),
		fc.array(fc.nat(), { minLength: 25, maxLength: 25 })
	)
	.map(([s, count, assign]) => withSources(s, count, assign));

/** The items sorted by their keys (ties in their old order): a permutation of them. */
export function reorder<T>(items: readonly T[], keys: readonly number[]): T[] {
	return items
		.map((item, i) => [item, keys[i] ?? 0, i] as const)
		.sort((x, y) => x[1] - y[1] || x[2] - y[2])
		.map(([item]) => item);
}

/** A random permutation key per item (sort by them, as {@link reorder} does). */
export const permutationKeys = fc.array(fc.double({ noNaN: true }), {
	minLength: 10,
	maxLength: 10
});
