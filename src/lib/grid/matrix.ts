/**
 * The matrix: rows = options, columns = commentators, cells = what that commentator says of that
 * option. Two layouts (`MatrixLayout.by`):
 * - `person` (the default): one column per commentator, every source that quotes them merged in
 *   the cell. Column id `_all~{commentator id}`.
 * - `source`: one column per (source, commentator) pair, grouped under the source. Column id
 *   `{source id}~{commentator id}`, or `_~{commentator id}` for someone no claim quotes.
 * These ids are stable (a link's `sort` and `sel` name them) and `~` never occurs in a slug, so
 * the commentator id is always what follows the `~`. Cells are compact (a stance symbol, full
 * text on hover, focus and in the panel) or full (stance and consequence).
 */
import type { ColDef, ColGroupDef } from 'ag-grid-community';
import type { Commentator, Option, Scenario, Source } from '../scenario/schema';
import { STANCE_LOOK, dateLabel } from '../present/stance';
import type { MatrixLayout } from '../view/url-state';
import {
	EMPTY_CELL,
	OPTION_COLUMN,
	compareCells,
	compareText,
	type CellSummary,
	type MatrixRow,
	type Pair
} from '../view/matrix-view';
import { NORMAL_SIZING, RENDERERS, px, verdictClass, type Sizing } from './model';

/** Cell, person and option in words: the compact cell's tooltip and the note shown on focus. */
export function cellText(
	cell: CellSummary,
	person: Commentator,
	option: Option,
	sources: ReadonlyMap<string, Source>
): string {
	const head = `${person.name} on “${option.label}”`;
	if (cell.claims.length === 0)
		return `${head}: ${cell.hidden ? 'filtered out (the filters hide their claims)' : 'not addressed'}`;
	const several = new Set(cell.claims.map((c) => c.source)).size > 1;
	const lines = cell.claims.map((c) => {
		const where = several ? ` (${sources.get(c.source)?.outlet ?? c.source})` : '';
		return `${STANCE_LOOK[c.stance].symbol} ${STANCE_LOOK[c.stance].word}${where}: ${c.consequence}`;
	});
	return `${head}: ${lines.join(' · ')}`;
}

export type MatrixColumn = ColDef<MatrixRow> | ColGroupDef<MatrixRow>;

/** Text for a column group's tooltip and for screen readers: outlet, title, date. */
export function sourceHeading(pair: Pair): string {
	const s = pair.source;
	if (!s) return 'Not quoted in any source';
	return `${s.outlet}, “${s.title}”, ${dateLabel(s.date, s.date_inferred)}`;
}

export function personTooltip(pair: Pair & { sources?: Source[] }): string {
	const c = pair.commentator;
	const who = [c.name, c.role, c.affiliation].filter((t) => t !== 'not stated').join(', ');
	if (!pair.sources || pair.sources.length === 0) return who;
	return `${who}. Quoted in: ${pair.sources.map((s) => s.outlet).join('; ')}`;
}

export function optionColumn<T extends { option: Option }>(
	sizing: Sizing,
	autoHeight = true,
	cells: MatrixLayout['cells'] = 'full'
): ColDef<T> {
	return {
		colId: OPTION_COLUMN,
		headerName: 'Option',
		pinned: 'left',
		lockPinned: true,
		width: optionWidth(sizing, cells),
		valueGetter: (p) => p.data?.option.label,
		comparator: compareText,
		tooltip: (p) => p.data?.option.description,
		cellRenderer: RENDERERS.option,
		autoHeight,
		wrapText: true,
		sortable: true
	};
}

/** Data column widths: full cells hold a sentence; compact ones a symbol or two. */
export function dataColumnWidth(cells: MatrixLayout['cells'], sizing: Sizing): number {
	if (cells === 'compact') return px(74, sizing);
	return px(sizing.narrow ? 200 : 230, sizing);
}

/** Row height of the compact matrix: two lines of an option's name. */
export const COMPACT_ROW_HEIGHT = 56;

/** The grid's full width in pixels (row header plus data columns), for the scroll hint. */
export function matrixWidth(columnCount: number, sizing: Sizing, cells: MatrixLayout['cells']) {
	return optionWidth(sizing, cells) + columnCount * dataColumnWidth(cells, sizing);
}

/** The row header's width: narrower on phones, and beside compact cells. */
export function optionWidth(sizing: Sizing, cells: MatrixLayout['cells'] = 'full'): number {
	if (sizing.narrow) return px(150, sizing);
	return px(cells === 'compact' ? 190 : 220, sizing);
}

export function matrixColumnDefs(
	columns: readonly (Pair & { sources?: Source[] })[],
	sizing: Sizing = NORMAL_SIZING,
	autoHeight = true,
	layout: Pick<MatrixLayout, 'by' | 'cells'> = { by: 'source', cells: 'full' },
	scenario?: Scenario
): MatrixColumn[] {
	const out: MatrixColumn[] = [optionColumn<MatrixRow>(sizing, autoHeight, layout.cells)];
	const compact = layout.cells === 'compact';
	const sources = new Map((scenario?.sources ?? []).map((s) => [s.id, s]));
	const dataColumn = (pair: Pair & { sources?: Source[] }): ColDef<MatrixRow> => {
		const id = pair.id;
		return {
			colId: id,
			headerName: pair.commentator.name,
			headerTooltip: personTooltip(pair),
			width: dataColumnWidth(layout.cells, sizing),
			wrapHeaderText: true,
			autoHeaderHeight: true,
			valueGetter: (p) => p.data?.cells.get(id) ?? EMPTY_CELL,
			comparator: compareCells,
			cellRenderer: compact ? RENDERERS.stanceCompact : RENDERERS.stance,
			cellClass: (p) => verdictClass(p.value as CellSummary | undefined),
			tooltipValueGetter: compact
				? (p) =>
						p.data
							? cellText(
									(p.value as CellSummary | undefined) ?? EMPTY_CELL,
									pair.commentator,
									p.data.option,
									sources
								)
							: undefined
				: undefined,
			autoHeight: compact ? false : autoHeight,
			sortable: true
		};
	};
	if (layout.by === 'person') {
		for (const column of columns) out.push(dataColumn(column));
		return out;
	}
	let group: ColGroupDef<MatrixRow> | null = null;
	let groupSource: string | null | undefined;
	for (const pair of columns) {
		const source = pair.source?.id ?? null;
		if (!group || source !== groupSource) {
			group = {
				groupId: `group~${source ?? '_'}`,
				headerName: pair.source?.outlet ?? 'Not quoted in any source',
				headerTooltip: sourceHeading(pair),
				marryChildren: true,
				headerGroupComponentParams: {
					innerHeaderGroupComponent: RENDERERS.sourceHeader,
					innerHeaderGroupComponentParams: { source: pair.source }
				},
				children: []
			};
			groupSource = source;
			out.push(group);
		}
		group.children.push(dataColumn(pair));
	}
	return out;
}
