/**
 * One entry point per grid view: scenario + filtered claims -> columns and rows. The workspace
 * calls `gridData` and hands the result to the ag-grid wrapper; nothing here touches the DOM.
 */
import type { ColDef, ColGroupDef } from 'ag-grid-community';
import type { LongColumn } from '../scenario/claim-columns';
import { LONG_COLUMNS } from '../scenario/claim-columns';
import type { Claim, Scenario } from '../scenario/schema';
import { DEFAULT_MATRIX, type MatrixLayout, type SortKey, type ViewName } from '../view/url-state';
import { isFiltered, type Filters } from '../view/filters';
import {
	COMMENTATOR_COLUMN,
	OPTION_COLUMN,
	SOURCE_COLUMN,
	matrixColumns,
	matrixComparator,
	matrixPairs,
	matrixRows,
	pairs,
	sortRows,
	transposeComparator,
	transposeRows,
	visibleOptions
} from '../view/matrix-view';
import { dimensionColumnDefs, dimensionRows, visibleDimensions } from './by-dimension';
import { DEFAULT_CLAIM_COLUMNS, allClaimRows, claimColumnDefs } from './claims-table';
import { COMPACT_ROW_HEIGHT, matrixColumnDefs, matrixWidth } from './matrix';
import { FIXED_ROW_HEIGHT, fitsAutoHeight, px, type Sizing } from './model';
import { transposeColumnDefs } from './transpose';

export type GridView = Exclude<ViewName, 'charts' | 'position'>;

export function isGridView(view: ViewName): view is GridView {
	return view !== 'charts' && view !== 'position';
}

export interface GridData {
	// Each view has its own row type; the wrapper only needs ids, so rows are kept opaque here.
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	columnDefs: (ColDef<any> | ColGroupDef<any>)[];
	rows: { id: string }[];
	/** Nouns for the status line, e.g. "7 options × 18 commentator columns". */
	rowNoun: [singular: string, plural: string];
	/** Data columns (not row headers); for the claims table, the visible columns. */
	columnCount: number;
	/** False when rows have a fixed height (large grids), so cells clamp their text harder. */
	autoHeight: boolean;
	/** Row height in pixels for rows that do not fit their content. */
	rowHeight: number;
	/**
	 * Ids of the rows to show, or null to show all `rows`. Set where `rows` are all there could
	 * be (the claims table): the grid keeps its rows and only filters them again.
	 */
	shown: ReadonlySet<string> | null;
	/** Rows shown: `shown.size`, or every row. */
	rowCount: number;
	/** The grid's full width in pixels where it is known (the matrix), for the scroll hint. */
	width?: number;
}

export interface GridSettings {
	columns: readonly LongColumn[] | null;
	pinned: readonly LongColumn[];
	sizing: Sizing;
	/** The matrix's layout; the default (one column per person, compact cells) when absent. */
	matrix?: MatrixLayout;
	/**
	 * The view's sort: matrix and transpose rows come sorted by the view model (which the exports
	 * read too); ag-grid, given the same keys and comparators, keeps that order.
	 */
	sort?: readonly SortKey[];
}

export function gridData(
	view: GridView,
	scenario: Scenario,
	claims: readonly Claim[],
	filters: Filters,
	settings: GridSettings
): GridData {
	const sizing = settings.sizing;
	const rowHeight = px(FIXED_ROW_HEIGHT, sizing);
	switch (view) {
		case 'matrix': {
			const layout = settings.matrix ?? DEFAULT_MATRIX;
			const columns = matrixPairs(scenario, claims, filters, layout);
			const rows = sortRows(
				matrixRows(scenario, claims, filters, layout),
				settings.sort ?? [],
				matrixComparator
			);
			const compact = layout.cells === 'compact';
			const auto = !compact && fitsAutoHeight(rows.length, columns.length);
			return {
				columnDefs: matrixColumnDefs(columns, sizing, auto, layout, scenario),
				rows,
				shown: null,
				rowCount: rows.length,
				rowNoun: ['option', 'options'],
				columnCount: columns.length,
				autoHeight: auto,
				rowHeight: compact ? px(COMPACT_ROW_HEIGHT, sizing) : rowHeight,
				width: matrixWidth(columns.length, sizing, layout.cells)
			};
		}
		case 'transpose': {
			const rows = sortRows(
				transposeRows(scenario, matrixPairs(scenario, claims, filters), claims, filters),
				settings.sort ?? [],
				transposeComparator
			);
			const options = visibleOptions(scenario, filters.options);
			const auto = fitsAutoHeight(rows.length, options.length);
			return {
				columnDefs: transposeColumnDefs(options, sizing, auto),
				rows,
				shown: null,
				rowCount: rows.length,
				rowNoun: ['commentator', 'commentators'],
				columnCount: options.length,
				autoHeight: auto,
				rowHeight
			};
		}
		case 'dimensions': {
			const dimensions = visibleDimensions(scenario, filters.dimensions);
			const rows = dimensionRows(scenario, claims, filters);
			return {
				columnDefs: dimensionColumnDefs(dimensions, sizing),
				rows,
				shown: null,
				rowCount: rows.length,
				rowNoun: ['option', 'options'],
				columnCount: dimensions.length,
				autoHeight: true,
				rowHeight
			};
		}
		case 'claims': {
			const visible = settings.columns ?? DEFAULT_CLAIM_COLUMNS;
			const shown = isFiltered(filters) ? new Set(claims.map((c) => c.id)) : null;
			return {
				columnDefs: claimColumns(visible, settings.pinned, sizing),
				rows: allClaimRows(scenario),
				shown,
				rowCount: claims.length,
				rowNoun: ['claim', 'claims'],
				columnCount: visible.length,
				autoHeight: true,
				rowHeight
			};
		}
	}
}

/**
 * The claims table's columns depend only on the column choice and sizing, not on the filters:
 * the same definitions come back while those stay the same, so a search does not make ag-grid
 * rebuild its columns.
 */
let lastClaimColumns: { key: string; defs: GridData['columnDefs'] } | null = null;

function claimColumns(
	visible: readonly LongColumn[],
	pinned: readonly LongColumn[],
	sizing: Sizing
): GridData['columnDefs'] {
	const key = JSON.stringify([visible, pinned, sizing.scale, sizing.narrow]);
	if (lastClaimColumns?.key !== key)
		lastClaimColumns = { key, defs: claimColumnDefs(visible, pinned, sizing) };
	return lastClaimColumns.defs;
}

/** Column ids a view can be sorted by, for checking `sort` in a link. */
export function sortableColumns(view: ViewName, scenario: Scenario): Set<string> {
	switch (view) {
		case 'matrix':
			// Both layouts' column ids: a link may carry either.
			return new Set([
				OPTION_COLUMN,
				...pairs(scenario, scenario.claims, true).map((p) => p.id),
				...matrixColumns(scenario, scenario.claims, 'person', true).map((c) => c.id)
			]);
		case 'transpose':
			return new Set([COMMENTATOR_COLUMN, SOURCE_COLUMN, ...scenario.options.map((o) => o.id)]);
		case 'dimensions':
			return new Set([OPTION_COLUMN, ...scenario.dimensions.map((d) => d.id)]);
		case 'claims':
			return new Set(LONG_COLUMNS);
		case 'charts':
		case 'position':
			return new Set();
	}
}
