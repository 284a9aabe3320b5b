/**
 * fast-check generator of valid scenarios: text full of YAML- and CSV-hostile characters, ids
 * that reference each other correctly. Shared by the parser and export round-trip properties.
 */
import fc from 'fast-check';
import {
	BASES,
	COMMENTATOR_KINDS,
	CONFIDENCES,
	DIRECTIONS,
	LIKELIHOODS,
	NOT_STATED,
	SOURCE_KINDS,
	STANCES,
	type Scenario
} from '../../src/lib/scenario/schema';

const tricky = fc.constantFrom(
	'a',
	' ',
	':',
	'#',
	'- ',
	'"',
	"'",
	',',
	'\n',
	'|',
	'=',
	'@',
	'{',
	'}',
	'[',
	'&',
	'*',
	'!',
	'%',
	'é',
	'—',
	'“',
	'’',
	'😀',
	'yes',
	'null',
	'1.5',
	'0x1F',
	'2025-01-01',
	'<script>'
);
/** Non-empty after trimming, as the schema requires, and already trimmed (the loader trims). */
export const text = fc
	.array(fc.oneof(tricky, fc.string({ minLength: 1, maxLength: 6 })), {
		minLength: 1,
		maxLength: 8
	})
	.map((parts) => parts.join('').trim())
	.filter((s) => s.length > 0);
const context = fc
	.array(fc.oneof(tricky, fc.string({ maxLength: 4 })), { maxLength: 6 })
	.map((p) => p.join('').slice(0, 40));
const slug = fc.stringMatching(/^[a-z0-9]{1,6}(-[a-z0-9]{1,4}){0,2}$/);
const date = fc
	.tuple(
		fc.integer({ min: 1900, max: 2100 }),
		fc.integer({ min: 1, max: 12 }),
		fc.integer({ min: 1, max: 28 }),
		fc.integer({ min: 0, max: 2 })
	)
	.map(([y, m, d, precision]) => {
		const mm = String(m).padStart(2, '0');
		const dd = String(d).padStart(2, '0');
		return precision === 0 ? `${y}` : precision === 1 ? `${y}-${mm}` : `${y}-${mm}-${dd}`;
	});
const url = fc.oneof(
	fc.constant(NOT_STATED),
	fc
		.webUrl({ validSchemes: ['http', 'https'], withQueryParameters: true, withFragments: true })
		.filter((u) => u.length < 300)
);

function uniqueIds(min: number, max: number) {
	return fc.uniqueArray(slug, { minLength: min, maxLength: max });
}

export const arbitraryScenario: fc.Arbitrary<Scenario> = fc
	.record({
		dims: uniqueIds(1, 3),
		opts: uniqueIds(1, 4),
		srcs: uniqueIds(1, 3),
		people: uniqueIds(1, 4),
		claimIds: uniqueIds(0, 6)
	})
	.chain(({ dims, opts, srcs, people, claimIds }) =>
		fc.record({
			meta: fc.record({
				id: slug,
				title: text,
				question: text,
				as_of: date,
				coded_by: text,
				method: text
			}),
			dimensions: fc.tuple(
				...dims.map((id) =>
					fc.record({
						id: fc.constant(id),
						label: text,
						goal: text,
						description: fc.option(text, { nil: undefined })
					})
				)
			),
			options: fc.tuple(
				...opts.map((id) => fc.record({ id: fc.constant(id), label: text, description: text }))
			),
			sources: fc.tuple(
				...srcs.map((id) =>
					fc.record({
						id: fc.constant(id),
						outlet: text,
						title: text,
						date,
						date_inferred: fc.boolean(),
						date_note: fc.option(text, { nil: undefined }),
						authors: fc.oneof(
							fc.constant(NOT_STATED as typeof NOT_STATED),
							fc.array(text, { minLength: 1, maxLength: 3 })
						),
						kind: fc.constantFrom(...SOURCE_KINDS),
						url,
						notes: fc.option(text, { nil: undefined })
					})
				)
			),
			commentators: fc.tuple(
				...people.map((id) =>
					fc.record({
						id: fc.constant(id),
						name: text,
						role: text,
						affiliation: text,
						kind: fc.constantFrom(...COMMENTATOR_KINDS)
					})
				)
			),
			claims: fc.tuple(
				...claimIds.map((id) =>
					fc.record({
						id: fc.constant(id),
						option: fc.constantFrom(...opts),
						commentator: fc.constantFrom(...people),
						source: fc.constantFrom(...srcs),
						stance: fc.constantFrom(...STANCES),
						consequence: text,
						effects: fc.shuffledSubarray(dims, { minLength: 1 }).chain((ds) =>
							fc.tuple(
								...ds.map((d) =>
									fc.record({
										dimension: fc.constant(d),
										direction: fc.constantFrom(...DIRECTIONS)
									})
								)
							)
						),
						quote: fc.record({ exact: text, prefix: context, suffix: context }),
						likelihood: fc.option(fc.constantFrom(...LIKELIHOODS), { nil: undefined }),
						confidence: fc.option(fc.constantFrom(...CONFIDENCES), { nil: undefined }),
						basis: fc.option(fc.constantFrom(...BASES), { nil: undefined }),
						note: fc.option(text, { nil: undefined })
					})
				)
			)
		})
	)
	.map((s) => dropUndefined(s) as Scenario);

/** Optional fields absent rather than undefined, as the loader produces them. */
function dropUndefined(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(dropUndefined);
	if (value && typeof value === 'object') {
		return Object.fromEntries(
			Object.entries(value)
				.filter(([, v]) => v !== undefined)
				.map(([k, v]) => [k, dropUndefined(v)])
		);
	}
	return value;
}
