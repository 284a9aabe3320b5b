/**
 * The matrix as the screen shows it, as plain data: which rows and columns are in view, in which
 * order, and what each cell holds. The grid draws it and every matrix-shaped output (matrix CSV,
 * the workbook's Matrix sheet, Markdown, the clipboard, the printed brief) writes it, so what is
 * exported is what is on screen: same rows, columns, order, transpose and filters.
 */
import type { Claim, Option, Scenario, Source, Stance } from '../scenario/schema';
import { dateLabel } from '../present/stance';
import type { Filters } from './filters';
import { isFiltered } from './filters';
import type { MatrixLayout, SortKey } from './url-state';
import {
	cellColumnId,
	matrixColumns,
	pairId,
	type MatrixColumnModel,
	type Pair
} from './matrix-columns';

export {
	cellColumnId,
	matrixColumns,
	pairId,
	pairs,
	type MatrixColumnModel,
	type Pair
} from './matrix-columns';

export const STANCE_SCORE: Record<Stance, number> = { support: 1, conditional: 0, oppose: -1 };

/** What one cell holds: its claims, counted by stance, and the combined verdict for sorting. */
export interface CellSummary {
	claims: Claim[];
	/**
	 * True when the cell is empty only because filters hide its claims: "filtered out", which is
	 * not the same as "not addressed" (the commentator said nothing on it).
	 */
	hidden: boolean;
	counts: Record<Stance, number>;
	/** The one stance when all claims agree, `mixed` when they differ, null when empty. */
	verdict: Stance | 'mixed' | null;
	/** Mean stance score (support 1, conditional 0, oppose -1); null when empty. */
	score: number | null;
}

export function summarize(claims: Claim[], hidden = false): CellSummary {
	const counts: Record<Stance, number> = { support: 0, conditional: 0, oppose: 0 };
	let total = 0;
	for (const claim of claims) {
		counts[claim.stance]++;
		total += STANCE_SCORE[claim.stance];
	}
	const present = (Object.keys(counts) as Stance[]).filter((s) => counts[s] > 0);
	return {
		claims,
		hidden: hidden && claims.length === 0,
		counts,
		verdict: present.length === 0 ? null : present.length === 1 ? present[0]! : 'mixed',
		score: claims.length === 0 ? null : total / claims.length
	};
}

export const EMPTY_CELL: CellSummary = summarize([]);
export const FILTERED_CELL: CellSummary = summarize([], true);

/** Orders cells by combined stance, oppose to support; an empty cell counts as below oppose. */
export function compareCells(a: CellSummary | undefined, b: CellSummary | undefined): number {
	const x = a?.score ?? -2;
	const y = b?.score ?? -2;
	return x - y || (a?.claims.length ?? 0) - (b?.claims.length ?? 0);
}

/** Claims grouped two ways at once, keyed by `outer` then `inner`, keeping claim order. */
export function nest(
	claims: readonly Claim[],
	outer: (c: Claim) => string,
	inner: (c: Claim) => string
): Map<string, Map<string, Claim[]>> {
	const out = new Map<string, Map<string, Claim[]>>();
	for (const claim of claims) {
		const o = outer(claim);
		let row = out.get(o);
		if (!row) out.set(o, (row = new Map()));
		const i = inner(claim);
		const list = row.get(i);
		if (list) list.push(claim);
		else row.set(i, [claim]);
	}
	return out;
}

/** The options a view shows as rows: those filtered to, or all of them. */
export function visibleOptions(scenario: Scenario, optionFilter: readonly string[]): Option[] {
	if (optionFilter.length === 0) return scenario.options;
	const wanted = new Set(optionFilter);
	return scenario.options.filter((o) => wanted.has(o.id));
}

/** Row and column ids of the matrix and its transpose (sort keys in links use them too). */
export const OPTION_COLUMN = 'option';
export const COMMENTATOR_COLUMN = 'commentator';
export const SOURCE_COLUMN = 'source';

/** Text order for row headers: plain code-unit order, as ag-grid's default comparator. */
export function compareText(a: string | undefined, b: string | undefined): number {
	const x = a ?? '';
	const y = b ?? '';
	return x > y ? 1 : x < y ? -1 : 0;
}

/** What a source column or transpose row says of its source: outlet and date. */
export function sourceLabel(source: Source | null): string {
	return source
		? `${source.outlet}, ${dateLabel(source.date, source.date_inferred)}`
		: 'Not quoted';
}

/**
 * Sorts like ag-grid: by each key in turn (descending flips the comparator), and rows that tie on
 * every key keep their order. Keys for columns `compare` does not know are skipped.
 */
export function sortRows<R>(
	rows: readonly R[],
	keys: readonly SortKey[],
	compare: (col: string) => ((a: R, b: R) => number) | null
): R[] {
	const active = keys.flatMap((k) => {
		const cmp = compare(k.col);
		return cmp ? [{ cmp, sign: k.dir === 'desc' ? -1 : 1 }] : [];
	});
	if (active.length === 0) return [...rows];
	return rows
		.map((row, i) => ({ row, i }))
		.sort((a, b) => {
			for (const { cmp, sign } of active) {
				const r = cmp(a.row, b.row);
				if (r !== 0) return r * sign;
			}
			return a.i - b.i;
		})
		.map((x) => x.row);
}

/** For each option, the columns some claim of the scenario has on it (filters aside). */
function addressed(scenario: Scenario, by: MatrixLayout['by']): Map<string, Set<string>> {
	const out = new Map<string, Set<string>>();
	for (const c of scenario.claims) {
		let set = out.get(c.option);
		if (!set) out.set(c.option, (set = new Set()));
		set.add(cellColumnId(c, by));
	}
	return out;
}

/** The parts of the matrix's layout that decide its rows and columns (not how cells look). */
export type MatrixShape = Pick<MatrixLayout, 'by' | 'empty'>;

/** The layout exports and the command line use when no screen says otherwise. */
export const PER_SOURCE: MatrixShape = { by: 'source', empty: 'show' };

export interface MatrixRow {
	id: string;
	option: Option;
	/**
	 * Keyed by pair id. A pair with claims in view has their summary; one whose claims on this
	 * option are all filtered out has `FILTERED_CELL`; one with none at all is absent.
	 */
	cells: Map<string, CellSummary>;
}

/**
 * Matrix rows for the options in view, with every cell's claims in view, in scenario order.
 * With `empty: 'hide'`, options with no claim in view (only filtered-out cells or none) are left
 * out.
 */
export function matrixRows(
	scenario: Scenario,
	claims: readonly Claim[],
	filters: Filters,
	layout: MatrixShape = PER_SOURCE
): MatrixRow[] {
	const byOption = nest(
		claims,
		(c) => c.option,
		(c) => cellColumnId(c, layout.by)
	);
	const hiddenBy = isFiltered(filters) ? addressed(scenario, layout.by) : null;
	const rows = visibleOptions(scenario, filters.options).map((option) => {
		const cells = new Map<string, CellSummary>();
		for (const [pair, list] of byOption.get(option.id) ?? []) cells.set(pair, summarize(list));
		for (const pair of hiddenBy?.get(option.id) ?? [])
			if (!cells.has(pair)) cells.set(pair, FILTERED_CELL);
		return { id: option.id, option, cells };
	});
	return layout.empty === 'hide' ? rows.filter((r) => byOption.has(r.id)) : rows;
}

export interface TransposeRow {
	id: string;
	pair: Pair;
	/** Keyed by option id; absent = not addressed, `FILTERED_CELL` = filtered out. */
	cells: Map<string, CellSummary>;
}

export function transposeRows(
	scenario: Scenario,
	pairList: readonly Pair[],
	claims: readonly Claim[],
	filters: Filters
): TransposeRow[] {
	const byPair = nest(
		claims,
		(c) => pairId(c.source, c.commentator),
		(c) => c.option
	);
	const hiddenBy = isFiltered(filters) ? addressed(scenario, 'source') : null;
	const shown = new Set(visibleOptions(scenario, filters.options).map((o) => o.id));
	return pairList.map((pair) => {
		const cells = new Map<string, CellSummary>();
		for (const [option, list] of byPair.get(pair.id) ?? []) cells.set(option, summarize(list));
		if (hiddenBy)
			for (const option of shown)
				if (!cells.has(option) && hiddenBy.get(option)?.has(pair.id))
					cells.set(option, FILTERED_CELL);
		return { id: pair.id, pair, cells };
	});
}

/**
 * The matrix's columns (or, per source, the transpose's rows): those with claims in view, and
 * everyone when nothing is filtered and empty lines are shown.
 */
export function matrixPairs(
	scenario: Scenario,
	claims: readonly Claim[],
	filters: Filters,
	layout: MatrixShape = PER_SOURCE
): MatrixColumnModel[] {
	return matrixColumns(
		scenario,
		claims,
		layout.by,
		!isFiltered(filters) && layout.empty === 'show'
	);
}

/** How a row or column is headed in a table: its id and its words. */
export interface TableHead {
	kind: 'option' | 'commentator';
	id: string;
	label: string;
	/** A second line: a commentator's source, an option's description. */
	detail: string;
}

/**
 * The matrix or its transpose as one table, in view order. `cells[r][c]` is row r, column c.
 * Options are rows in the matrix and columns in the transpose; commentators the other way.
 */
export interface TableModel {
	transposed: boolean;
	/** The heading of the row-header column, e.g. "Option". */
	corner: string;
	rows: TableHead[];
	columns: TableHead[];
	cells: CellSummary[][];
	/** The options and (source, commentator) pairs in view, in view order. */
	options: Option[];
	pairs: Pair[];
}

function optionHead(option: Option): TableHead {
	return { kind: 'option', id: option.id, label: option.label, detail: option.description };
}

/**
 * "Jennifer Kavanagh" over "Defense Priorities": one head per column, with the source (per
 * source) or every source quoting them (per person).
 */
export function pairHead(pair: Pair & { sources?: readonly Source[] }): TableHead {
	const outlets = pair.source
		? pair.source.outlet
		: (pair.sources ?? []).map((s) => s.outlet).join('; ');
	return {
		kind: 'commentator',
		id: pair.id,
		label: pair.commentator.name,
		detail: outlets || 'Not quoted in any source'
	};
}

export interface TableState {
	filters: Filters;
	sort: readonly SortKey[];
	transposed: boolean;
	/** The matrix's layout (not the transpose's: its rows are always per source). */
	matrix?: MatrixShape;
}

/** How the matrix's rows sort by a column id: the same comparators the grid's columns use. */
export function matrixComparator(col: string): ((a: MatrixRow, b: MatrixRow) => number) | null {
	if (col === OPTION_COLUMN) return (a, b) => compareText(a.option.label, b.option.label);
	if (!col.includes('~')) return null;
	return (a, b) => compareCells(a.cells.get(col), b.cells.get(col));
}

export function transposeComparator(
	col: string
): ((a: TransposeRow, b: TransposeRow) => number) | null {
	if (col === COMMENTATOR_COLUMN)
		return (a, b) => compareText(a.pair.commentator.name, b.pair.commentator.name);
	if (col === SOURCE_COLUMN)
		return (a, b) => compareText(sourceLabel(a.pair.source), sourceLabel(b.pair.source));
	return (a, b) => compareCells(a.cells.get(col), b.cells.get(col));
}

/** The table the matrix (or the transpose) shows for these claims and this state. */
export function tableModel(
	scenario: Scenario,
	claims: readonly Claim[],
	state: TableState
): TableModel {
	if (!state.transposed) {
		const layout = state.matrix ?? PER_SOURCE;
		const pairList = matrixPairs(scenario, claims, state.filters, layout);
		const rows = sortRows(
			matrixRows(scenario, claims, state.filters, layout),
			state.sort,
			matrixComparator
		);
		return {
			transposed: false,
			corner: 'Option',
			rows: rows.map((r) => optionHead(r.option)),
			columns: pairList.map(pairHead),
			cells: rows.map((r) => pairList.map((p) => r.cells.get(p.id) ?? EMPTY_CELL)),
			options: rows.map((r) => r.option),
			pairs: pairList
		};
	}
	const options = visibleOptions(scenario, state.filters.options);
	const pairList = matrixPairs(scenario, claims, state.filters);
	const rows = sortRows(
		transposeRows(scenario, pairList, claims, state.filters),
		state.sort,
		transposeComparator
	);
	return {
		transposed: true,
		corner: 'Commentator',
		rows: rows.map((r) => pairHead(r.pair)),
		columns: options.map(optionHead),
		cells: rows.map((r) => options.map((o) => r.cells.get(o.id) ?? EMPTY_CELL)),
		options,
		pairs: rows.map((r) => r.pair)
	};
}
