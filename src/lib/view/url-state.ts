/**
 * The workspace's address: everything a link must reproduce (view, filters, sort, selection,
 * panel, scenario, display preferences), its defaults, and how it is written as a query string.
 * Pure, so it is tested in Node. Reading one back, which must distrust it, is `url-read.ts`.
 */
import type { LongColumn } from '../scenario/claim-columns';
import { NO_FILTERS, type Filters } from './filters';

export const VIEWS = ['matrix', 'claims', 'transpose', 'dimensions', 'charts', 'position'] as const;
export type ViewName = (typeof VIEWS)[number];

export const THEMES = ['system', 'light', 'dark'] as const;
export type ThemePref = (typeof THEMES)[number];
export const SIZES = ['normal', 'large'] as const;
export type SizePref = (typeof SIZES)[number];

export interface SortKey {
	col: string;
	dir: 'asc' | 'desc';
}

/**
 * Matrix columns and transpose rows are (source, commentator) pairs, `source~commentator`. Two
 * "sources" are reserved (neither is a slug, so no real source id can take them): `_` = quoted
 * in no source, and `_all` = every source at once, the matrix's one column per person.
 */
export const NO_SOURCE = '_';
export const ALL_SOURCES = '_all';

/** How the matrix is laid out; each is kept in the address, defaults left out. */
export const MATRIX_BY = ['person', 'source'] as const;
export type MatrixBy = (typeof MATRIX_BY)[number];
export const CELL_STYLES = ['compact', 'full'] as const;
export type CellStyle = (typeof CELL_STYLES)[number];
export const EMPTY_LINES = ['show', 'hide'] as const;
export type EmptyLines = (typeof EMPTY_LINES)[number];

export interface MatrixLayout {
	/** One column per person (their sources merged in the cell), or one per (source, person). */
	by: MatrixBy;
	/** Cells as a stance symbol (full text on hover, focus and in the panel), or with the text. */
	cells: CellStyle;
	/** Hide options and commentators with nothing in view. */
	empty: EmptyLines;
}

export const DEFAULT_MATRIX: MatrixLayout = { by: 'person', cells: 'compact', empty: 'show' };

export type Selection =
	| { kind: 'claim'; claim: string }
	| { kind: 'cell'; option: string; source: string; commentator: string }
	| { kind: 'dim'; option: string; dimension: string };

export interface UrlState {
	/** Bundled scenario id; null = the default one. */
	scenario: string | null;
	/** An http(s) address the scenario was opened from, so a shared link can load it again. */
	src: string | null;
	/**
	 * The key of a scenario kept in this browser's library (opened from a file, or made here):
	 * a reload or Back finds it again; on another machine the link says it is not there.
	 */
	lib: string | null;
	view: ViewName;
	filters: Filters;
	sort: SortKey[];
	selected: Selection | null;
	panel: boolean;
	/** Visible claims-table columns in order; null = the default set. */
	columns: LongColumn[] | null;
	theme: ThemePref;
	size: SizePref;
	matrix: MatrixLayout;
}

export const DEFAULT_STATE: UrlState = {
	scenario: null,
	src: null,
	lib: null,
	view: 'matrix',
	filters: NO_FILTERS,
	sort: [],
	selected: null,
	panel: false,
	columns: null,
	theme: 'system',
	size: 'normal',
	matrix: DEFAULT_MATRIX
};

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const MAX_QUERY = 200;
export const MAX_ID = 80;

/**
 * Parameters that belong to one page, not to the workspace (the decision table's weights, `w`):
 * the workspace neither reads nor drops them, so that page's link keeps them.
 */
export const PAGE_PARAMS: ReadonlySet<string> = new Set(['w']);

/** The page's own parameters from a query string, to carry beside the workspace's. */
export function pageParams(search: string): string {
	const out = new URLSearchParams();
	for (const [name, value] of new URLSearchParams(search))
		if (PAGE_PARAMS.has(name)) out.append(name, value);
	return out.toString();
}
export function isSlug(value: string): boolean {
	return value.length <= MAX_ID && SLUG.test(value);
}

/** `_` (no source) or `_all` (every source): the two pair "sources" that are not source ids. */
export function isReservedSource(source: string): boolean {
	return source === NO_SOURCE || source === ALL_SOURCES;
}

export function selectionKey(selection: Selection): string {
	switch (selection.kind) {
		case 'claim':
			return `claim~${selection.claim}`;
		case 'cell':
			return `cell~${selection.option}~${selection.source}~${selection.commentator}`;
		case 'dim':
			return `dim~${selection.option}~${selection.dimension}`;
	}
}

export function sortKeyText(key: SortKey): string {
	return key.dir === 'desc' ? `-${key.col}` : key.col;
}

/** The query string for a state; defaults are left out so plain links stay short. */
export function encodeState(state: UrlState): URLSearchParams {
	const out = new URLSearchParams();
	const f = state.filters;
	if (state.scenario !== null) out.set('scenario', state.scenario);
	if (state.src !== null) out.set('src', state.src);
	if (state.lib !== null) out.set('lib', state.lib);
	if (state.view !== DEFAULT_STATE.view) out.set('view', state.view);
	for (const id of f.sources) out.append('source', id);
	for (const kind of f.kinds) out.append('kind', kind);
	for (const id of f.dimensions) out.append('dim', id);
	for (const stance of f.stances) out.append('stance', stance);
	for (const id of f.options) out.append('option', id);
	for (const id of f.commentators) out.append('who', id);
	if (f.from !== null) out.set('from', f.from);
	if (f.to !== null) out.set('to', f.to);
	if (f.query !== '') out.set('q', f.query);
	for (const key of state.sort) out.append('sort', sortKeyText(key));
	if (state.selected) out.set('sel', selectionKey(state.selected));
	if (state.panel) out.set('panel', '1');
	if (state.columns !== null) for (const col of state.columns) out.append('cols', col);
	if (state.theme !== DEFAULT_STATE.theme) out.set('theme', state.theme);
	if (state.size !== DEFAULT_STATE.size) out.set('size', state.size);
	if (state.matrix.by !== DEFAULT_MATRIX.by) out.set('by', state.matrix.by);
	if (state.matrix.cells !== DEFAULT_MATRIX.cells) out.set('cells', state.matrix.cells);
	if (state.matrix.empty !== DEFAULT_MATRIX.empty) out.set('empty', state.matrix.empty);
	return out;
}

/** The query string as text; `~` (unreserved in URLs) is kept readable rather than `%7E`. */
export function encodeSearch(state: UrlState): string {
	return encodeState(state).toString().replaceAll('%7E', '~');
}
