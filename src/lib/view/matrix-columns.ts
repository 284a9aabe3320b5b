/**
 * The matrix's columns, in two layouts (`MatrixLayout.by`):
 * - `source`: one column per (source, commentator) pair, grouped under the source. Column id
 *   `{source id}~{commentator id}`, or `_~{commentator id}` for someone no claim quotes.
 * - `person`: one column per commentator, every source that quotes them merged in the cell.
 *   Column id `_all~{commentator id}`.
 * The ids are stable (a link's `sort` and `sel` name them) and `~` never occurs in a slug, so the
 * commentator id is always what follows the `~`. The transpose's rows are always per source.
 */
import type { Claim, Commentator, Scenario, Source } from '../scenario/schema';
import { ALL_SOURCES, NO_SOURCE, type MatrixLayout } from './url-state';

/** A commentator as quoted by one source: one matrix column, one transpose row. */
export interface Pair {
	id: string;
	source: Source | null;
	commentator: Commentator;
}

export function pairId(source: string, commentator: string): string {
	return `${source}~${commentator}`;
}

/**
 * The pairs with at least one of `claims`, ordered by source then commentator as the scenario
 * lists them. With `includeSilent`, commentators no claim quotes follow under no source, so
 * nobody in the scenario is left off the grid.
 */
export function pairs(
	scenario: Scenario,
	claims: readonly Claim[],
	includeSilent: boolean
): Pair[] {
	const sourceIndex = new Map(scenario.sources.map((s, i) => [s.id, i]));
	const personIndex = new Map(scenario.commentators.map((c, i) => [c.id, i]));
	const seen = new Map<string, { source: number; person: number }>();
	for (const claim of claims) {
		const id = pairId(claim.source, claim.commentator);
		if (!seen.has(id))
			seen.set(id, {
				source: sourceIndex.get(claim.source)!,
				person: personIndex.get(claim.commentator)!
			});
	}
	const out: Pair[] = [...seen.values()]
		.sort((a, b) => a.source - b.source || a.person - b.person)
		.map(({ source, person }) => {
			const s = scenario.sources[source]!;
			const c = scenario.commentators[person]!;
			return { id: pairId(s.id, c.id), source: s, commentator: c };
		});
	if (includeSilent) {
		const quoted = new Set(scenario.claims.map((c) => c.commentator));
		for (const c of scenario.commentators)
			if (!quoted.has(c.id))
				out.push({ id: pairId(NO_SOURCE, c.id), source: null, commentator: c });
	}
	return out;
}

/** A matrix column: a person (all sources) or a (source, person) pair. */
export interface MatrixColumnModel extends Pair {
	/** The sources quoting this person in view (per-person columns); empty for per-source ones. */
	sources: Source[];
}

/** The column id of a claim's cell in a layout. */
export function cellColumnId(
	claim: Pick<Claim, 'source' | 'commentator'>,
	by: MatrixLayout['by']
): string {
	return pairId(by === 'person' ? ALL_SOURCES : claim.source, claim.commentator);
}

/**
 * The matrix's columns. With `includeSilent`, commentators no claim quotes follow (per person:
 * in scenario order; per source: under no source), so nobody in the scenario is left off.
 */
export function matrixColumns(
	scenario: Scenario,
	claims: readonly Claim[],
	by: MatrixLayout['by'],
	includeSilent: boolean
): MatrixColumnModel[] {
	if (by === 'source')
		return pairs(scenario, claims, includeSilent).map((p) => ({ ...p, sources: [] }));
	const sourcesOf = new Map<string, Set<string>>();
	for (const claim of claims) {
		let set = sourcesOf.get(claim.commentator);
		if (!set) sourcesOf.set(claim.commentator, (set = new Set()));
		set.add(claim.source);
	}
	const quoted = includeSilent ? new Set(scenario.claims.map((c) => c.commentator)) : null;
	return scenario.commentators
		.filter((c) => sourcesOf.has(c.id) || (quoted !== null && !quoted.has(c.id)))
		.map((c) => {
			const ids = sourcesOf.get(c.id) ?? new Set<string>();
			return {
				id: pairId(ALL_SOURCES, c.id),
				source: null,
				commentator: c,
				sources: scenario.sources.filter((s) => ids.has(s.id))
			};
		});
}
