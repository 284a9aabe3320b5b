/** The matrix turned on its side: rows = commentators (as quoted by a source), columns = options. */
import type { ColDef } from 'ag-grid-community';
import type { Option } from '../scenario/schema';
import {
	COMMENTATOR_COLUMN,
	EMPTY_CELL,
	SOURCE_COLUMN,
	compareCells,
	compareText,
	sourceLabel,
	type CellSummary,
	type TransposeRow
} from '../view/matrix-view';
import { personTooltip, sourceHeading } from './matrix';
import { NORMAL_SIZING, RENDERERS, px, verdictClass, type Sizing } from './model';

export function transposeColumnDefs(
	options: readonly Option[],
	sizing: Sizing = NORMAL_SIZING,
	autoHeight = true
): ColDef<TransposeRow>[] {
	return [
		{
			colId: COMMENTATOR_COLUMN,
			headerName: 'Commentator',
			pinned: 'left',
			lockPinned: true,
			width: px(sizing.narrow ? 140 : 200, sizing),
			valueGetter: (p) => p.data?.pair.commentator.name,
			comparator: compareText,
			tooltip: (p) => (p.data ? personTooltip(p.data.pair) : undefined),
			cellRenderer: RENDERERS.person,
			autoHeight,
			wrapText: true,
			sortable: true
		},
		{
			colId: SOURCE_COLUMN,
			headerName: 'Source',
			width: px(170, sizing),
			valueGetter: (p) => (p.data ? sourceLabel(p.data.pair.source) : undefined),
			comparator: compareText,
			tooltip: (p) => (p.data ? sourceHeading(p.data.pair) : undefined),
			cellRenderer: RENDERERS.source,
			autoHeight,
			sortable: true
		},
		...options.map((option): ColDef<TransposeRow> => ({
			colId: option.id,
			headerName: option.label,
			headerTooltip: option.description,
			width: px(sizing.narrow ? 200 : 230, sizing),
			wrapHeaderText: true,
			autoHeaderHeight: true,
			valueGetter: (p) => p.data?.cells.get(option.id) ?? EMPTY_CELL,
			comparator: compareCells,
			cellRenderer: RENDERERS.stance,
			cellClass: (p) => verdictClass(p.value as CellSummary | undefined),
			autoHeight,
			sortable: true
		}))
	];
}
