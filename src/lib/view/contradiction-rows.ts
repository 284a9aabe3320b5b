/**
 * The contradictions screen's rows: every pair of commentators who predict opposite effects of an
 * option on one dimension, or who take opposite stances on it, with both claims' quotes, sources
 * and dates, and the grid address that shows just those claims. Read from the same functions as
 * `stancegrid analyze` (`contradictions`, `stance_contradictions`), so the screen equals its JSON.
 */
import { contradictions, stanceContradictions } from '../analysis/contradictions';
import type { Claim, Direction, Scenario, Stance } from '../scenario/schema';
import { NO_FILTERS } from './filters';
import { DEFAULT_STATE, encodeSearch } from './url-state';

export interface ContradictionSideRow {
	commentator: string;
	name: string;
	claim: string;
	stance: Stance;
	direction: Direction | null;
	quote: string;
	source: string;
	outlet: string;
	title: string;
	date: string;
	dateInferred: boolean;
}

export interface ContradictionRow {
	kind: 'effect' | 'stance';
	option: string;
	optionLabel: string;
	dimension: string | null;
	dimensionLabel: string | null;
	goal: string | null;
	a: ContradictionSideRow;
	b: ContradictionSideRow;
	/** Query string of the grid's claims view filtered to this option and these two people. */
	gridSearch: string;
}

export interface ContradictionSummary {
	rows: ContradictionRow[];
	effect: number;
	stance: number;
	/** Distinct commentators and options involved. */
	commentators: number;
	options: number;
}

/** Rows by option (scenario order), effect contradictions before stance ones within an option. */
export function contradictionRows(
	scenario: Scenario,
	claims?: readonly Claim[],
	commentators?: readonly string[]
): ContradictionSummary {
	const claimById = new Map(scenario.claims.map((c) => [c.id, c]));
	const options = new Map(scenario.options.map((o, i) => [o.id, { label: o.label, at: i }]));
	const dimensions = new Map(scenario.dimensions.map((d) => [d.id, d]));
	const people = new Map(scenario.commentators.map((c) => [c.id, c.name]));
	const sources = new Map(scenario.sources.map((s) => [s.id, s]));
	const side = (claimId: string, direction: Direction | null): ContradictionSideRow => {
		const claim = claimById.get(claimId)!;
		const source = sources.get(claim.source)!;
		return {
			commentator: claim.commentator,
			name: people.get(claim.commentator) ?? claim.commentator,
			claim: claim.id,
			stance: claim.stance,
			direction,
			quote: claim.quote.exact,
			source: source.id,
			outlet: source.outlet,
			title: source.title,
			date: source.date,
			dateInferred: source.date_inferred
		};
	};
	const link = (option: string, a: string, b: string, dimension: string | null) =>
		encodeSearch({
			...DEFAULT_STATE,
			scenario: scenario.meta.id,
			view: 'claims',
			filters: {
				...NO_FILTERS,
				options: [option],
				commentators: [a, b],
				dimensions: dimension ? [dimension] : []
			}
		});
	const rows: ContradictionRow[] = [];
	for (const c of contradictions(scenario, claims, commentators)) {
		const dimension = dimensions.get(c.dimension);
		rows.push({
			kind: 'effect',
			option: c.option,
			optionLabel: options.get(c.option)?.label ?? c.option,
			dimension: c.dimension,
			dimensionLabel: dimension?.label ?? c.dimension,
			goal: dimension?.goal ?? null,
			a: side(c.a.claim, c.a.direction),
			b: side(c.b.claim, c.b.direction),
			gridSearch: link(c.option, c.a.commentator, c.b.commentator, c.dimension)
		});
	}
	for (const c of stanceContradictions(scenario, claims, commentators)) {
		rows.push({
			kind: 'stance',
			option: c.option,
			optionLabel: options.get(c.option)?.label ?? c.option,
			dimension: null,
			dimensionLabel: null,
			goal: null,
			a: side(c.a.claim, null),
			b: side(c.b.claim, null),
			gridSearch: link(c.option, c.a.commentator, c.b.commentator, null)
		});
	}
	// A stable sort by option keeps each function's own order within an option and kind.
	rows.sort((x, y) => options.get(x.option)!.at - options.get(y.option)!.at);
	return {
		rows,
		effect: rows.filter((r) => r.kind === 'effect').length,
		stance: rows.filter((r) => r.kind === 'stance').length,
		commentators: new Set(rows.flatMap((r) => [r.a.commentator, r.b.commentator])).size,
		options: new Set(rows.map((r) => r.option)).size
	};
}
