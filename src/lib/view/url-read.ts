/**
 * Reading the workspace's address: a query string is untrusted input, so every value is checked
 * (`decodeState`), then checked again against the scenario it names (`reconcileState`); whatever
 * cannot be used is reported back as `ignored` (for a visible notice) instead of throwing. What
 * the address holds and how it is written is `url-state.ts`.
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
import {
	CELL_STYLES,
	DEFAULT_MATRIX,
	DEFAULT_STATE,
	EMPTY_LINES,
	MATRIX_BY,
	MAX_ID,
	MAX_QUERY,
	PAGE_PARAMS,
	SIZES,
	THEMES,
	VIEWS,
	isReservedSource,
	isSlug,
	selectionKey,
	type Selection,
	type SortKey,
	type UrlState,
	type ViewName
} from './url-state';

export interface Ignored {
	param: string;
	/** The value as given, shortened for display. */
	value: string;
	reason: string;
}

/** Library keys are UUIDs (or, in tests, short ids): letters, digits and hyphens. */
const LIBRARY_KEY = /^[A-Za-z0-9-]{1,64}$/;
/** Column ids: slugs, long-table names, and `source~commentator` pairs. */
const COLUMN_ID = /^[a-z0-9_]+(?:[-~][a-z0-9_]+)*$/;
const MAX_LIST = 500;

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

/** The parameters that may repeat (one value each); the rest are read once. */
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

function shorten(value: string): string {
	return value.length > 60 ? value.slice(0, 57) + '…' : value;
}

function isOneOf<T extends string>(list: readonly T[], value: string): value is T {
	return (list as readonly string[]).includes(value);
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

function parseSortKey(value: string): SortKey | null {
	const desc = value.startsWith('-');
	const col = desc ? value.slice(1) : value;
	if (col.length === 0 || col.length > 2 * MAX_ID + 1 || !COLUMN_ID.test(col)) return null;
	return { col, dir: desc ? 'desc' : 'asc' };
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
