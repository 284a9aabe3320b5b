/** The matrix turned on its side: rows = commentators (as quoted by a source), columns = options. */
import type { ColDef } from 'ag-grid-community';
import type { Claim, Option } from '../scenario/schema';
import { dateLabel } from '../present/stance';
import { personTooltip, sourceHeading } from './matrix';
import {
	EMPTY_CELL,
	NORMAL_SIZING,
	RENDERERS,
	compareCells,
	nest,
	pairId,
	px,
	summarize,
	verdictClass,
	type CellSummary,
	type Pair,
	type Sizing
} from './model';

export interface TransposeRow {
	id: string;
	pair: Pair;
	/** Keyed by option id. */
	cells: Map<string, CellSummary>;
}

export function transposeRows(pairs: readonly Pair[], claims: readonly Claim[]): TransposeRow[] {
	const byPair = nest(
		claims,
		(c) => pairId(c.source, c.commentator),
		(c) => c.option
	);
	return pairs.map((pair) => {
		const cells = new Map<string, CellSummary>();
		for (const [option, list] of byPair.get(pair.id) ?? []) cells.set(option, summarize(list));
		return { id: pair.id, pair, cells };
	});
}

export const COMMENTATOR_COLUMN = 'commentator';
export const SOURCE_COLUMN = 'source';

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
			valueGetter: (p) => {
				const s = p.data?.pair.source;
				return s ? `${s.outlet}, ${dateLabel(s.date, s.date_inferred)}` : 'Not quoted';
			},
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
