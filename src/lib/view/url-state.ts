/**
 * The workspace's address: everything a link must reproduce (view, filters, sort, selection,
 * panel, scenario, display preferences) to and from a query string. Pure, so it is tested in
 * Node. A query string is untrusted input: every value is checked, and whatever cannot be used
 * is reported back as `ignored` (for a visible notice) instead of throwing.
 */
import { LONG_COLUMNS, type LongColumn } from '../scenario/claim-columns';
import {
	COMMENTATOR_KINDS,
	STANCES,
	isCalendarDate,
	isHttpUrl,
	type CommentatorKind,
	type Scenario,
	type Stance
} from '../scenario/schema';
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

export interface Ignored {
	param: string;
	/** The value as given, shortened for display. */
	value: string;
	reason: string;
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Library keys are UUIDs (or, in tests, short ids): letters, digits and hyphens. */
const LIBRARY_KEY = /^[A-Za-z0-9-]{1,64}$/;
/** Column ids: slugs, long-table names, and `source~commentator` pairs. */
const COLUMN_ID = /^[a-z0-9_]+(?:[-~][a-z0-9_]+)*$/;
const MAX_LIST = 500;
export const MAX_QUERY = 200;
const MAX_ID = 80;

/** Parameter names, in the order they are written. */
const PARAMS = [
	'scenario',
	'src',
	'lib',
	'view',
	'source',
	'kind',
	'dim',
	'stance',
	'option',
	'who',
	'from',
	'to',
	'q',
	'sort',
	'sel',
	'panel',
	'cols',
	'theme',
	'size',
	'by',
	'cells',
	'empty'
] as const;
type Param = (typeof PARAMS)[number];

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
const LIST_PARAMS = new Set<Param>([
	'source',
	'kind',
	'dim',
	'stance',
	'option',
	'who',
	'sort',
	'cols'
]);

export function isSlug(value: string): boolean {
	return value.length <= MAX_ID && SLUG.test(value);
}

function shorten(value: string): string {
	return value.length > 60 ? value.slice(0, 57) + '…' : value;
}

function isOneOf<T extends string>(list: readonly T[], value: string): value is T {
	return (list as readonly string[]).includes(value);
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

export function parseSelection(value: string): Selection | null {
	const parts = value.split('~');
	const ok = (ids: string[]) => ids.every(isSlug);
	if (parts[0] === 'claim' && parts.length === 2 && ok([parts[1]!]))
		return { kind: 'claim', claim: parts[1]! };
	if (parts[0] === 'cell' && parts.length === 4) {
		const [, option, source, commentator] = parts as [string, string, string, string];
		if (ok([option, commentator]) && (isReservedSource(source) || isSlug(source)))
			return { kind: 'cell', option, source, commentator };
	}
	if (parts[0] === 'dim' && parts.length === 3 && ok([parts[1]!, parts[2]!]))
		return { kind: 'dim', option: parts[1]!, dimension: parts[2]! };
	return null;
}

export function sortKeyText(key: SortKey): string {
	return key.dir === 'desc' ? `-${key.col}` : key.col;
}

function parseSortKey(value: string): SortKey | null {
	const desc = value.startsWith('-');
	const col = desc ? value.slice(1) : value;
	if (col.length === 0 || col.length > 2 * MAX_ID + 1 || !COLUMN_ID.test(col)) return null;
	return { col, dir: desc ? 'desc' : 'asc' };
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

/** Reads a query string. Never throws: what cannot be used is listed in `ignored`. */
export function decodeState(params: URLSearchParams): { state: UrlState; ignored: Ignored[] } {
	const ignored: Ignored[] = [];
	const ignore = (param: string, value: string, reason: string) =>
		ignored.push({ param: shorten(param), value: shorten(value), reason });

	const values = new Map<Param, string[]>();
	for (const [name, value] of params) {
		if (PAGE_PARAMS.has(name)) continue;
		if (!isOneOf(PARAMS, name)) {
			ignore(name, value, 'not a setting this page knows');
			continue;
		}
		const list = values.get(name) ?? [];
		if (!LIST_PARAMS.has(name) && list.length >= 1) {
			ignore(name, value, 'given more than once; the first value is used');
			continue;
		}
		list.push(value);
		values.set(name, list);
	}
	const one = (name: Param): string | undefined => values.get(name)?.[0];
	/** Lists may be repeated (`a=1&a=2`) or comma-separated (`a=1,2`). */
	const many = (name: Param): string[] =>
		(values.get(name) ?? []).flatMap((v) => v.split(',')).filter((v) => v !== '');

	function list<T extends string>(name: Param, valid: (v: string) => v is T, what: string): T[] {
		const out: T[] = [];
		for (const value of many(name)) {
			if (out.length >= MAX_LIST) {
				ignore(name, value, `more than ${MAX_LIST} values`);
				break;
			}
			if (!valid(value)) ignore(name, value, `not ${what}`);
			else if (!out.includes(value)) out.push(value);
		}
		return out;
	}
	const slug = (v: string): v is string => isSlug(v);

	// Fresh lists: the defaults are shared constants and must never be pushed to.
	const state: UrlState = {
		...DEFAULT_STATE,
		filters: { ...NO_FILTERS },
		sort: [],
		matrix: { ...DEFAULT_MATRIX }
	};

	const scenario = one('scenario');
	if (scenario !== undefined) {
		if (isSlug(scenario)) state.scenario = scenario;
		else ignore('scenario', scenario, 'not a scenario id');
	}
	const lib = one('lib');
	if (lib !== undefined) {
		if (LIBRARY_KEY.test(lib)) state.lib = lib;
		else ignore('lib', lib, 'not a library key');
	}
	const src = one('src');
	if (src !== undefined) {
		if (src.length <= 2000 && isHttpUrl(src)) state.src = src;
		else ignore('src', src, 'not an http(s) address');
	}
	const view = one('view');
	if (view !== undefined) {
		if (isOneOf(VIEWS, view)) state.view = view;
		else ignore('view', view, `not a view (${VIEWS.join(', ')})`);
	}

	state.filters.sources = list('source', slug, 'a source id');
	state.filters.kinds = list(
		'kind',
		(v): v is CommentatorKind => isOneOf(COMMENTATOR_KINDS, v),
		`a commentator kind (${COMMENTATOR_KINDS.join(', ')})`
	);
	state.filters.dimensions = list('dim', slug, 'a dimension id');
	state.filters.stances = list(
		'stance',
		(v): v is Stance => isOneOf(STANCES, v),
		`a stance (${STANCES.join(', ')})`
	);
	state.filters.options = list('option', slug, 'an option id');
	state.filters.commentators = list('who', slug, 'a commentator id');
	for (const name of ['from', 'to'] as const) {
		const value = one(name);
		if (value === undefined) continue;
		if (isCalendarDate(value)) state.filters[name] = value;
		else ignore(name, value, 'not a date (YYYY-MM-DD, YYYY-MM or YYYY)');
	}
	const q = one('q');
	if (q !== undefined) {
		if (q.length <= MAX_QUERY) state.filters.query = q;
		else ignore('q', q, `a search of more than ${MAX_QUERY} characters`);
	}

	const seen = new Set<string>();
	for (const value of many('sort')) {
		const key = parseSortKey(value);
		if (!key) ignore('sort', value, 'not a column to sort by');
		else if (seen.has(key.col)) ignore('sort', value, 'the column is already sorted');
		else if (state.sort.length >= 10) ignore('sort', value, 'more than 10 sort columns');
		else {
			seen.add(key.col);
			state.sort.push(key);
		}
	}

	const sel = one('sel');
	if (sel !== undefined) {
		const selection = parseSelection(sel);
		if (selection) state.selected = selection;
		else ignore('sel', sel, 'not a cell or claim');
	}
	const panel = one('panel');
	if (panel !== undefined) {
		if (panel === '1') state.panel = true;
		else if (panel !== '0') ignore('panel', panel, 'expected 1 or 0');
	}
	if (values.has('cols')) {
		const cols = list(
			'cols',
			(v): v is LongColumn => isOneOf(LONG_COLUMNS, v),
			'a claims-table column'
		);
		if (cols.length > 0) state.columns = cols;
	}
	const theme = one('theme');
	if (theme !== undefined) {
		if (isOneOf(THEMES, theme)) state.theme = theme;
		else ignore('theme', theme, `not a theme (${THEMES.join(', ')})`);
	}
	const size = one('size');
	if (size !== undefined) {
		if (isOneOf(SIZES, size)) state.size = size;
		else ignore('size', size, `not a text size (${SIZES.join(', ')})`);
	}
	const by = one('by');
	if (by !== undefined) {
		if (isOneOf(MATRIX_BY, by)) state.matrix.by = by;
		else ignore('by', by, `not a matrix layout (${MATRIX_BY.join(', ')})`);
	}
	const cells = one('cells');
	if (cells !== undefined) {
		if (isOneOf(CELL_STYLES, cells)) state.matrix.cells = cells;
		else ignore('cells', cells, `not a cell style (${CELL_STYLES.join(', ')})`);
	}
	const empty = one('empty');
	if (empty !== undefined) {
		if (isOneOf(EMPTY_LINES, empty)) state.matrix.empty = empty;
		else ignore('empty', empty, `expected ${EMPTY_LINES.join(' or ')}`);
	}
	if (state.panel && !state.selected) {
		ignore('panel', panel ?? '1', 'no cell or claim is selected');
		state.panel = false;
	}
	return { state, ignored };
}

/**
 * Drops what is well formed but does not exist in this scenario (an id from another scenario,
 * a column this view does not have), listing each for the notice.
 */
export function reconcileState(
	state: UrlState,
	scenario: Scenario,
	sortable: (view: ViewName) => ReadonlySet<string>
): { state: UrlState; ignored: Ignored[] } {
	const ignored: Ignored[] = [];
	const keep = (param: string, ids: readonly string[], known: ReadonlySet<string>, what: string) =>
		ids.filter((id) => {
			if (known.has(id)) return true;
			ignored.push({ param, value: shorten(id), reason: `no such ${what} in this scenario` });
			return false;
		});
	const ids = (list: readonly { id: string }[]) => new Set(list.map((item) => item.id));
	const options = ids(scenario.options);
	const sources = ids(scenario.sources);
	const commentators = ids(scenario.commentators);
	const dimensions = ids(scenario.dimensions);
	const claims = ids(scenario.claims);
	const f = state.filters;
	const filters: Filters = {
		...f,
		sources: keep('source', f.sources, sources, 'source'),
		dimensions: keep('dim', f.dimensions, dimensions, 'dimension'),
		options: keep('option', f.options, options, 'option'),
		commentators: keep('who', f.commentators, commentators, 'commentator')
	};
	const columns = sortable(state.view);
	const sort = state.sort.filter((key) => {
		if (columns.has(key.col)) return true;
		ignored.push({ param: 'sort', value: shorten(key.col), reason: 'no such column in this view' });
		return false;
	});
	let selected = state.selected;
	if (selected) {
		const s = selected;
		const exists =
			s.kind === 'claim'
				? claims.has(s.claim)
				: s.kind === 'cell'
					? options.has(s.option) &&
						commentators.has(s.commentator) &&
						(isReservedSource(s.source) || sources.has(s.source))
					: options.has(s.option) && dimensions.has(s.dimension);
		if (!exists) {
			ignored.push({
				param: 'sel',
				value: shorten(selectionKey(s)),
				reason: 'no such cell or claim in this scenario'
			});
			selected = null;
		}
	}
	return {
		state: { ...state, filters, sort, selected, panel: state.panel && selected !== null },
		ignored
	};
}
