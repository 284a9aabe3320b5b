/**
 * An `ExportInput` resolved once into what every serializer needs: the claims, options,
 * commentators and sources in view, in view order, plus lookups. Serializers read this rather
 * than the raw input so they all agree on what "in view" means.
 */
import type { Weights } from '../analysis/decision-weights';
import type { Claim, Commentator, Option, Scenario, Source } from '../scenario/schema';
import {
	indexScenario,
	LONG_COLUMNS,
	type LongColumn,
	type ScenarioIndex
} from '../scenario/claim-columns';
import { NO_FILTERS } from '../view/filters';
import { tableModel, type TableModel } from '../view/matrix-view';
import type { ExportInput } from './format-info';

export interface ExportView {
	scenario: Scenario;
	index: ScenarioIndex;
	claims: readonly Claim[];
	columns: readonly LongColumn[];
	/** The matrix (or its transpose) as on screen; every matrix-shaped output writes this. */
	table: TableModel;
	/** The options and commentators in the table, in view order. */
	options: Option[];
	commentators: Commentator[];
	/** Sources of the claims in view, in scenario order (every source when no view is given). */
	sources: Source[];
	filters: readonly string[];
	now: Date | undefined;
	weights: Weights;
}

export function resolveView(input: ExportInput): ExportView {
	const { scenario } = input;
	const claims = input.claims ?? scenario.claims;
	const cited = new Set(claims.map((c) => c.source));
	// Without a table from the screen (the command line), the matrix of every claim, unsorted.
	const table =
		input.table ??
		tableModel(scenario, claims, { filters: NO_FILTERS, sort: [], transposed: false });
	const people = new Set(table.pairs.map((p) => p.commentator.id));
	return {
		scenario,
		index: indexScenario(scenario),
		claims,
		columns: input.columns ?? LONG_COLUMNS,
		table,
		options: table.options,
		commentators: scenario.commentators.filter((c) => people.has(c.id)),
		sources: input.claims ? scenario.sources.filter((s) => cited.has(s.id)) : [...scenario.sources],
		filters: input.filters ?? [],
		now: input.now,
		weights: input.weights ?? {}
	};
}

export interface Matrix extends TableModel {
	/** Claims shown in the table in reading order (row by row); citation n is cited[n - 1]. */
	cited: Claim[];
	/** Claim id -> citation number, 1-based. */
	citation: Map<string, number>;
}

/** The screen's table with its claims numbered in reading order, for footnotes and citations. */
export function buildMatrix(view: ExportView): Matrix {
	const cited: Claim[] = [];
	const citation = new Map<string, number>();
	for (const row of view.table.cells)
		for (const cell of row)
			for (const claim of cell.claims) {
				if (citation.has(claim.id)) continue;
				cited.push(claim);
				citation.set(claim.id, cited.length);
			}
	return { ...view.table, cited, citation };
}
