/**
 * An `ExportInput` resolved once into what every serializer needs: the claims, options,
 * commentators and sources in view, in view order, plus lookups. Serializers read this rather
 * than the raw input so they all agree on what "in view" means.
 */
import type { Claim, Commentator, Option, Scenario, Source, Stance } from '../scenario/schema';
import type { ExportInput } from './format-info';
import {
	indexScenario,
	LONG_COLUMNS,
	type LongColumn,
	type ScenarioIndex
} from '../scenario/claim-columns';

export interface ExportView {
	scenario: Scenario;
	index: ScenarioIndex;
	claims: readonly Claim[];
	columns: readonly LongColumn[];
	/** Matrix rows and columns, in view order. */
	options: Option[];
	commentators: Commentator[];
	/** Sources of the claims in view, in scenario order (every source when no view is given). */
	sources: Source[];
	filters: readonly string[];
	now: Date | undefined;
}

function pick<T extends { id: string }>(
	all: readonly T[],
	ids: readonly string[] | undefined
): T[] {
	if (!ids) return [...all];
	const map = new Map(all.map((item) => [item.id, item]));
	const seen = new Set<string>();
	const out: T[] = [];
	for (const id of ids) {
		const item = map.get(id);
		// A stale id (say, from an old URL) drops out rather than failing the whole export.
		if (item && !seen.has(id)) {
			seen.add(id);
			out.push(item);
		}
	}
	return out;
}

export function resolveView(input: ExportInput): ExportView {
	const { scenario } = input;
	const claims = input.claims ?? scenario.claims;
	const cited = new Set(claims.map((c) => c.source));
	return {
		scenario,
		index: indexScenario(scenario),
		claims,
		columns: input.columns ?? LONG_COLUMNS,
		options: pick(scenario.options, input.options),
		commentators: pick(scenario.commentators, input.commentators),
		sources: input.claims ? scenario.sources.filter((s) => cited.has(s.id)) : [...scenario.sources],
		filters: input.filters ?? [],
		now: input.now
	};
}

export interface MatrixCell {
	option: Option;
	commentator: Commentator;
	/** The claims in view for this option and commentator, in view order. */
	claims: Claim[];
	/** One stance when every claim agrees, `mixed` when they differ, null when none. */
	stance: Stance | 'mixed' | null;
}

export interface Matrix {
	options: Option[];
	commentators: Commentator[];
	/** rows[o][c]: option o, commentator c. */
	rows: MatrixCell[][];
	/** Claims shown in the matrix in reading order (row by row); citation n is cited[n - 1]. */
	cited: Claim[];
	/** Claim id -> citation number, 1-based. */
	citation: Map<string, number>;
}

export function buildMatrix(view: ExportView): Matrix {
	// Grouped by option, then commentator: no key string per claim or per cell.
	const byCell = new Map<string, Map<string, Claim[]>>();
	for (const claim of view.claims) {
		let row = byCell.get(claim.option);
		if (!row) byCell.set(claim.option, (row = new Map()));
		const list = row.get(claim.commentator);
		if (list) list.push(claim);
		else row.set(claim.commentator, [claim]);
	}
	const cited: Claim[] = [];
	const citation = new Map<string, number>();
	const rows = view.options.map((option) => {
		const row = byCell.get(option.id);
		return view.commentators.map((commentator): MatrixCell => {
			const claims = row?.get(commentator.id) ?? [];
			let stance: Stance | 'mixed' | null = null;
			for (const claim of claims) {
				cited.push(claim);
				citation.set(claim.id, cited.length);
				stance = stance === null || stance === claim.stance ? claim.stance : 'mixed';
			}
			return { option, commentator, claims, stance };
		});
	});
	return { options: view.options, commentators: view.commentators, rows, cited, citation };
}
