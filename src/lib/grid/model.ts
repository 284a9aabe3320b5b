/**
 * How the grids draw the view model (`view/matrix-view.ts`): the names of the cell renderers
 * (registered in `cells.ts`, so these builders stay free of the DOM), sizes, and cell classes.
 */
import type { Direction } from '../scenario/schema';
import type { CellSummary } from '../view/matrix-view';

/** Renderer and header component names, shared by the column builders and `cells.ts`. */
export const RENDERERS = {
	stance: 'sgStanceCell',
	stanceCompact: 'sgStanceCompactCell',
	option: 'sgOptionCell',
	person: 'sgPersonCell',
	source: 'sgSourceCell',
	direction: 'sgDirectionCell',
	claimStance: 'sgClaimStanceCell',
	link: 'sgLinkCell',
	text: 'sgTextCell',
	sourceHeader: 'sgSourceHeader'
} as const;

/** Column sizes scale with large type; row headers narrow on phones so data columns still show. */
export interface Sizing {
	scale: number;
	narrow: boolean;
}

export const NORMAL_SIZING: Sizing = { scale: 1, narrow: false };

export function px(base: number, sizing: Sizing): number {
	return Math.round(base * sizing.scale);
}

/**
 * Rows fit their content only while the grid is small: ag-grid measures every auto-height cell,
 * which costs seconds at 200 x 500. Past this many cells, rows get a fixed height and the cell
 * text is clamped (the evidence panel always has the full text).
 */
export const AUTO_HEIGHT_CELLS = 2500;

export function fitsAutoHeight(rows: number, columns: number): boolean {
	return rows * columns <= AUTO_HEIGHT_CELLS;
}

/** Row height when rows do not fit their content: a badge and three lines of text. */
export const FIXED_ROW_HEIGHT = 112;

/** The cell's class for its tint: one per stance, `mixed`, `hidden` (claims filtered out) or `none` (not addressed). */
export function verdictClass(cell: CellSummary | undefined): string {
	return cell?.verdict ? `sg-v-${cell.verdict}` : cell?.hidden ? 'sg-v-hidden' : 'sg-v-none';
}

/** Who predicts which direction: one entry per direction present, in helps/hurts/unclear order. */
export interface DirectionGroup {
	direction: Direction;
	people: { id: string; name: string }[];
}
