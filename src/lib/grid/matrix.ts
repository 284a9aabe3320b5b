/**
 * The matrix: rows = options, columns = commentators grouped under the source that quotes them,
 * cells = what that commentator says of that option there.
 */
import type { ColDef, ColGroupDef } from 'ag-grid-community';
import type { Option } from '../scenario/schema';
import { dateLabel } from '../present/stance';
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

export type MatrixColumn = ColDef<MatrixRow> | ColGroupDef<MatrixRow>;

/** Text for a column group's tooltip and for screen readers: outlet, title, date. */
export function sourceHeading(pair: Pair): string {
	const s = pair.source;
	if (!s) return 'Not quoted in any source';
	return `${s.outlet}, “${s.title}”, ${dateLabel(s.date, s.date_inferred)}`;
}

export function personTooltip(pair: Pair): string {
	const c = pair.commentator;
	return [c.name, c.role, c.affiliation].filter((t) => t !== 'not stated').join(', ');
}

export function optionColumn<T extends { option: Option }>(
	sizing: Sizing,
	autoHeight = true
): ColDef<T> {
	return {
		colId: OPTION_COLUMN,
		headerName: 'Option',
		pinned: 'left',
		lockPinned: true,
		width: px(sizing.narrow ? 150 : 220, sizing),
		valueGetter: (p) => p.data?.option.label,
		comparator: compareText,
		tooltip: (p) => p.data?.option.description,
		cellRenderer: RENDERERS.option,
		autoHeight,
		wrapText: true,
		sortable: true
	};
}

export function matrixColumnDefs(
	pairs: readonly Pair[],
	sizing: Sizing = NORMAL_SIZING,
	autoHeight = true
): MatrixColumn[] {
	const out: MatrixColumn[] = [optionColumn<MatrixRow>(sizing, autoHeight)];
	let group: ColGroupDef<MatrixRow> | null = null;
	let groupSource: string | null | undefined;
	for (const pair of pairs) {
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
		const id = pair.id;
		group.children.push({
			colId: id,
			headerName: pair.commentator.name,
			headerTooltip: personTooltip(pair),
			width: px(sizing.narrow ? 200 : 230, sizing),
			wrapHeaderText: true,
			autoHeaderHeight: true,
			valueGetter: (p) => p.data?.cells.get(id) ?? EMPTY_CELL,
			comparator: compareCells,
			cellRenderer: RENDERERS.stance,
			cellClass: (p) => verdictClass(p.value as CellSummary | undefined),
			autoHeight,
			sortable: true
		});
	}
	return out;
}
