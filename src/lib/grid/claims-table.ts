/**
 * The claims table: one row per claim and every field of the long table (the CSV export's
 * columns) as a column, so the table on screen and the file exported are the same shape.
 */
import type { ColDef } from 'ag-grid-community';
import type { Cell } from '../export/csv';
import {
	COLUMN_TITLES,
	LONG_COLUMNS,
	indexScenario,
	longRow,
	type LongColumn
} from '../scenario/claim-columns';
import type { Claim, Scenario } from '../scenario/schema';
import { NORMAL_SIZING, RENDERERS, px, type Sizing } from './model';

export type ClaimRow = Record<LongColumn, Cell> & { claim_id: string };

/** The long table's rows for these claims, in their order (what the CSV exports). */
export function claimRows(scenario: Scenario, claims: readonly Claim[]): ClaimRow[] {
	const index = indexScenario(scenario);
	return claims.map((claim) => longRow(index, claim) as ClaimRow);
}

/**
 * Every claim's row, with the `id` the grid keys rows by, built once per scenario. The claims
 * table always holds all of them and hides what the filters leave out (see `GridData.shown`):
 * a search then re-filters the rows ag-grid already has instead of handing it 20,000 again.
 */
const allRows = new WeakMap<Scenario, (ClaimRow & { id: string })[]>();

export function allClaimRows(scenario: Scenario): (ClaimRow & { id: string })[] {
	let rows = allRows.get(scenario);
	if (!rows) {
		rows = claimRows(scenario, scenario.claims).map((row) =>
			Object.assign(row, { id: row.claim_id })
		);
		allRows.set(scenario, rows);
	}
	return rows;
}

/** Shown until someone picks columns: the fields a reader needs, not the ids. */
export const DEFAULT_CLAIM_COLUMNS: readonly LongColumn[] = [
	'option',
	'commentator',
	'outlet',
	'date',
	'stance',
	'consequence',
	'quote',
	'dimension',
	'direction',
	'passage_url'
];

const WIDTHS: Partial<Record<LongColumn, number>> = {
	option: 220,
	commentator: 180,
	outlet: 170,
	date: 150,
	stance: 150,
	consequence: 300,
	quote: 400,
	dimension: 170,
	direction: 130,
	title: 260,
	passage_url: 150
};

const WRAPPED = new Set<LongColumn>([
	'option',
	'consequence',
	'quote',
	'title',
	'outlet',
	'commentator'
]);

/** Columns quick search reads (see `claimTexts` in view/filters.ts): their matches are marked. */
const SEARCHED = new Set<LongColumn>(['option', 'commentator', 'consequence', 'quote']);

function yesNo(value: Cell | undefined): string {
	return value === true ? 'yes' : 'no';
}

export function claimColumnDefs(
	visible: readonly LongColumn[] = DEFAULT_CLAIM_COLUMNS,
	pinned: readonly LongColumn[] = [],
	sizing: Sizing = NORMAL_SIZING
): ColDef<ClaimRow>[] {
	// Visible columns first, in the chosen order, then the hidden ones, so showing one keeps order.
	const order = [...visible, ...LONG_COLUMNS.filter((c) => !visible.includes(c))];
	return order.map((col): ColDef<ClaimRow> => {
		const def: ColDef<ClaimRow> = {
			colId: col,
			field: col,
			headerName: COLUMN_TITLES[col],
			hide: !visible.includes(col),
			pinned: pinned.includes(col) ? 'left' : null,
			width: px(WIDTHS[col] ?? 140, sizing),
			sortable: true,
			resizable: true,
			filter: 'agTextColumnFilter',
			floatingFilter: true,
			suppressHeaderMenuButton: true
		};
		if (WRAPPED.has(col)) Object.assign(def, { wrapText: true, autoHeight: true });
		if (col === 'stance') def.cellRenderer = RENDERERS.claimStance;
		if (col === 'passage_url') def.cellRenderer = RENDERERS.link;
		if (SEARCHED.has(col)) def.cellRenderer = RENDERERS.text;
		if (col === 'date')
			def.valueFormatter = (p) =>
				p.data?.date_inferred === true ? `${String(p.value)} (inferred)` : String(p.value ?? '');
		if (col === 'date_inferred') {
			def.valueFormatter = (p) => yesNo(p.value as Cell);
			def.filterValueGetter = (p) => yesNo(p.data?.date_inferred);
		}
		return def;
	});
}
