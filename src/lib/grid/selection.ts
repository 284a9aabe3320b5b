/**
 * Between grid coordinates (row id, column id) and the workspace's selection, per view, so a
 * click opens the right evidence and Escape puts focus back on the cell it came from.
 */
import type { Scenario } from '../scenario/schema';
import type { Selection, ViewName } from '../view/url-state';
import { isReservedSource, isSlug, type MatrixLayout } from '../view/url-state';
import { OPTION_COLUMN, cellColumnId, pairId } from '../view/matrix-view';

function splitPair(id: string): { source: string; commentator: string } | null {
	const [source, commentator, extra] = id.split('~');
	if (extra !== undefined || source === undefined || commentator === undefined) return null;
	if (!(isReservedSource(source) || isSlug(source)) || !isSlug(commentator)) return null;
	return { source, commentator };
}

/** The selection a click or Enter on a cell means; null for row headers (nothing to show). */
export function selectionAt(view: ViewName, rowId: string, colId: string): Selection | null {
	switch (view) {
		case 'matrix': {
			const pair = splitPair(colId);
			return pair ? { kind: 'cell', option: rowId, ...pair } : null;
		}
		case 'transpose': {
			const pair = splitPair(rowId);
			return pair && isSlug(colId) ? { kind: 'cell', option: colId, ...pair } : null;
		}
		case 'dimensions':
			return colId === OPTION_COLUMN ? null : { kind: 'dim', option: rowId, dimension: colId };
		case 'claims':
			return { kind: 'claim', claim: rowId };
		case 'charts':
		case 'position':
			return null;
	}
}

/**
 * Where a selection sits in a view: the cell focus returns to. `preferColumn` keeps the column a
 * claims-table row was opened from.
 */
export function cellOf(
	view: ViewName,
	selection: Selection,
	scenario: Scenario,
	preferColumn?: string,
	by: MatrixLayout['by'] = 'source'
): { rowId: string; colId: string } | null {
	const claim =
		selection.kind === 'claim' ? scenario.claims.find((c) => c.id === selection.claim) : undefined;
	if (selection.kind === 'claim' && !claim) return null;
	switch (view) {
		case 'matrix':
			if (selection.kind === 'cell')
				return {
					rowId: selection.option,
					colId: cellColumnId(selection, by)
				};
			if (claim) return { rowId: claim.option, colId: cellColumnId(claim, by) };
			return selection.kind === 'dim' ? { rowId: selection.option, colId: OPTION_COLUMN } : null;
		case 'transpose':
			if (selection.kind === 'cell')
				return { rowId: pairId(selection.source, selection.commentator), colId: selection.option };
			if (claim) return { rowId: pairId(claim.source, claim.commentator), colId: claim.option };
			return null;
		case 'dimensions':
			if (selection.kind === 'dim') return { rowId: selection.option, colId: selection.dimension };
			return {
				rowId: selection.kind === 'cell' ? selection.option : claim!.option,
				colId: OPTION_COLUMN
			};
		case 'claims': {
			if (!claim) return null;
			return { rowId: claim.id, colId: preferColumn ?? 'stance' };
		}
		case 'charts':
		case 'position':
			return null;
	}
}
