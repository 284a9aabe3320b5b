import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LONG_COLUMNS } from '../../src/lib/scenario/claim-columns';
import { sortableColumns } from '../../src/lib/grid/views';
import { loadScenario } from '../../src/lib/scenario/load';
import { COMMENTATOR_KINDS, STANCES } from '../../src/lib/scenario/schema';
import {
	ALL_SOURCES,
	CELL_STYLES,
	DEFAULT_STATE,
	EMPTY_LINES,
	MATRIX_BY,
	NO_SOURCE,
	SIZES,
	THEMES,
	VIEWS,
	encodeSearch,
	encodeState,
	selectionKey,
	type Selection,
	type UrlState
} from '../../src/lib/view/url-state';
import { decodeState, parseSelection, reconcileState } from '../../src/lib/view/url-read';
import { NO_FILTERS } from '../../src/lib/view/filters';

const FILE = 'tests/fixtures/scenarios/mini.yaml';
const loaded = loadScenario(readFileSync(FILE, 'utf8'), FILE);
if (!loaded.ok) throw new Error(`${FILE} does not load`);
const mini = loaded.scenario;

const slug = fc
	.array(fc.stringMatching(/^[a-z0-9]{1,6}$/), { minLength: 1, maxLength: 3 })
	.map((parts) => parts.join('-'));
const uniq = <T>(arb: fc.Arbitrary<T>) => fc.uniqueArray(arb, { maxLength: 4 });
const partialDate = fc.oneof(
	fc.constantFrom('2021', '2024-02', '2024-02-29', '2025-12-31', '1999-01'),
	fc
		.date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true })
		.map((d) => d.toISOString().slice(0, 10))
);
const selection: fc.Arbitrary<Selection> = fc.oneof(
	slug.map((claim) => ({ kind: 'claim' as const, claim })),
	fc
		.tuple(slug, fc.oneof(slug, fc.constant(NO_SOURCE), fc.constant(ALL_SOURCES)), slug)
		.map(([option, source, commentator]) => ({
			kind: 'cell' as const,
			option,
			source,
			commentator
		})),
	fc.tuple(slug, slug).map(([option, dimension]) => ({ kind: 'dim' as const, option, dimension }))
);
const sortCol = fc.oneof(
	fc.constantFrom(...LONG_COLUMNS),
	slug,
	fc.tuple(slug, slug).map(([a, b]) => `${a}~${b}`)
);

const arbitraryState: fc.Arbitrary<UrlState> = fc
	.record({
		scenario: fc.option(slug, { nil: null }),
		lib: fc.option(fc.uuid(), { nil: null }),
		src: fc.option(
			fc.webUrl({ withQueryParameters: true, withFragments: true }).filter((u) => u.length < 500),
			{ nil: null }
		),
		view: fc.constantFrom(...VIEWS),
		sources: uniq(slug),
		kinds: uniq(fc.constantFrom(...COMMENTATOR_KINDS)),
		dimensions: uniq(slug),
		stances: uniq(fc.constantFrom(...STANCES)),
		options: uniq(slug),
		commentators: uniq(slug),
		from: fc.option(partialDate, { nil: null }),
		to: fc.option(partialDate, { nil: null }),
		query: fc.string({ maxLength: 40 }),
		sort: fc.uniqueArray(
			fc.record({ col: sortCol, dir: fc.constantFrom('asc' as const, 'desc' as const) }),
			{ maxLength: 3, selector: (k) => k.col }
		),
		selected: fc.option(selection, { nil: null }),
		panel: fc.boolean(),
		columns: fc.option(fc.uniqueArray(fc.constantFrom(...LONG_COLUMNS), { minLength: 1 }), {
			nil: null
		}),
		theme: fc.constantFrom(...THEMES),
		size: fc.constantFrom(...SIZES),
		by: fc.constantFrom(...MATRIX_BY),
		cells: fc.constantFrom(...CELL_STYLES),
		empty: fc.constantFrom(...EMPTY_LINES)
	})
	.map((r): UrlState => ({
		scenario: r.scenario,
		src: r.src,
		lib: r.lib,
		view: r.view,
		filters: {
			sources: r.sources,
			kinds: r.kinds,
			dimensions: r.dimensions,
			stances: r.stances,
			options: r.options,
			commentators: r.commentators,
			from: r.from,
			to: r.to,
			query: r.query
		},
		sort: r.sort,
		selected: r.selected,
		// A panel without a selection is not a state the workspace produces.
		panel: r.panel && r.selected !== null,
		columns: r.columns,
		theme: r.theme,
		size: r.size,
		matrix: { by: r.by, cells: r.cells, empty: r.empty }
	}));

describe('URL state: encode then decode', () => {
	it('is lossless for every valid state, through the address text', () => {
		fc.assert(
			fc.property(arbitraryState, (state) => {
				const text = encodeSearch(state);
				const { state: back, ignored } = decodeState(new URLSearchParams(text));
				expect(ignored).toEqual([]);
				expect(back).toEqual(state);
			}),
			{ numRuns: 400 }
		);
	});

	it('writes nothing for the default state, and omits defaults', () => {
		expect(encodeSearch(DEFAULT_STATE)).toBe('');
		expect(encodeSearch({ ...DEFAULT_STATE, view: 'claims' })).toBe('view=claims');
	});

	it('keeps pair ids readable (~ not %7E) and repeats list parameters', () => {
		const text = encodeSearch({
			...DEFAULT_STATE,
			filters: { ...NO_FILTERS, stances: ['support', 'oppose'] },
			selected: { kind: 'cell', option: 'o', source: 's', commentator: 'c' },
			panel: true
		});
		expect(text).toBe('stance=support&stance=oppose&sel=cell~o~s~c&panel=1');
	});

	it('accepts comma-separated lists as well as repeated parameters', () => {
		const { state, ignored } = decodeState(
			new URLSearchParams('stance=support,oppose&who=a&who=b')
		);
		expect(ignored).toEqual([]);
		expect(state.filters.stances).toEqual(['support', 'oppose']);
		expect(state.filters.commentators).toEqual(['a', 'b']);
	});

	it('selection keys round-trip', () => {
		fc.assert(
			fc.property(selection, (sel) => {
				expect(parseSelection(selectionKey(sel))).toEqual(sel);
			})
		);
	});
});

describe('URL state: tampered and malformed links', () => {
	it('ignores each bad value with a reason, and keeps the good ones', () => {
		const { state, ignored } = decodeState(
			new URLSearchParams(
				'view=<script>alert(1)</script>&stance=maybe&stance=oppose&from=2025-13-01&to=2025-10&kind=robot&sel=cell~x&panel=yes&theme=neon&size=huge&src=javascript:alert(1)&scenario=../etc&sort=-;drop&cols=nope&utm_source=mail'
			)
		);
		expect(state.view).toBe('matrix');
		expect(state.filters.stances).toEqual(['oppose']);
		expect(state.filters.from).toBeNull();
		expect(state.filters.to).toBe('2025-10');
		expect(state.filters.kinds).toEqual([]);
		expect(state.selected).toBeNull();
		expect(state.panel).toBe(false);
		expect(state.theme).toBe('system');
		expect(state.size).toBe('normal');
		expect(state.src).toBeNull();
		expect(state.scenario).toBeNull();
		expect(state.sort).toEqual([]);
		expect(state.columns).toBeNull();
		const params = ignored.map((i) => i.param);
		for (const p of [
			'view',
			'stance',
			'from',
			'kind',
			'sel',
			'panel',
			'theme',
			'size',
			'src',
			'scenario',
			'sort',
			'cols',
			'utm_source'
		])
			expect(params).toContain(p);
		expect(ignored.find((i) => i.param === 'stance')?.value).toBe('maybe');
		expect(ignored.every((i) => i.reason.length > 0)).toBe(true);
	});

	it('uses the first of a repeated single-valued parameter and says so', () => {
		const { state, ignored } = decodeState(new URLSearchParams('view=claims&view=matrix'));
		expect(state.view).toBe('claims');
		expect(ignored).toEqual([
			{ param: 'view', value: 'matrix', reason: expect.stringContaining('more than once') }
		]);
	});

	it('shortens very long values in the notice and refuses over-long searches', () => {
		const long = 'x'.repeat(5000);
		const { state, ignored } = decodeState(new URLSearchParams({ q: long, view: long }));
		expect(state.filters.query).toBe('');
		expect(ignored.every((i) => i.value.length <= 60)).toBe(true);
	});

	it('never throws, whatever the query string', () => {
		fc.assert(
			fc.property(
				fc.array(fc.tuple(fc.string({ maxLength: 12 }), fc.string({ maxLength: 40 })), {
					maxLength: 12
				}),
				(pairs) => {
					const { state } = decodeState(new URLSearchParams(pairs));
					// Whatever survived decodes again to itself.
					expect(decodeState(encodeState(state)).state).toEqual(state);
				}
			),
			{ numRuns: 300 }
		);
	});

	it('a panel with no selection is closed', () => {
		const { state, ignored } = decodeState(new URLSearchParams('panel=1'));
		expect(state.panel).toBe(false);
		expect(ignored.map((i) => i.param)).toEqual(['panel']);
	});
});

describe('URL state checked against a scenario', () => {
	const sortable = (view: (typeof VIEWS)[number]) => sortableColumns(view, mini);

	it('drops ids the scenario does not have, and sort columns the view does not have', () => {
		const { state } = decodeState(
			new URLSearchParams(
				'source=gazette-2024&source=nope&who=ana-nunez&who=ghost&option=dimming&option=zzz&dim=cost&dim=fun&sort=-stance&sort=led-retrofit&view=claims&sel=claim~nunez-led&panel=1'
			)
		);
		const { state: checked, ignored } = reconcileState(state, mini, sortable);
		expect(checked.filters.sources).toEqual(['gazette-2024']);
		expect(checked.filters.commentators).toEqual(['ana-nunez']);
		expect(checked.filters.options).toEqual(['dimming']);
		expect(checked.filters.dimensions).toEqual(['cost']);
		expect(checked.sort).toEqual([{ col: 'stance', dir: 'desc' }]);
		expect(checked.selected).toEqual({ kind: 'claim', claim: 'nunez-led' });
		expect(checked.panel).toBe(true);
		expect(ignored.map((i) => `${i.param}=${i.value}`).sort()).toEqual(
			['source=nope', 'who=ghost', 'option=zzz', 'dim=fun', 'sort=led-retrofit'].sort()
		);
	});

	it('drops a selection of a cell that does not exist, and closes the panel', () => {
		const { state } = decodeState(
			new URLSearchParams('sel=cell~led-retrofit~nope~ana-nunez&panel=1')
		);
		const { state: checked, ignored } = reconcileState(state, mini, sortable);
		expect(checked.selected).toBeNull();
		expect(checked.panel).toBe(false);
		expect(ignored).toHaveLength(1);
		expect(ignored[0]!.param).toBe('sel');
	});

	it('keeps a matrix sort on a (source, commentator) column', () => {
		const { state } = decodeState(new URLSearchParams('sort=-gazette-2024~ana-nunez'));
		const { state: checked, ignored } = reconcileState(state, mini, sortable);
		expect(ignored).toEqual([]);
		expect(checked.sort).toEqual([{ col: 'gazette-2024~ana-nunez', dir: 'desc' }]);
	});
});
