/**
 * The workspace's shared state: which scenario, view, filters, sort, selection and display
 * preferences are in effect, and everything derived from them. Components read it from context
 * and change it only through its methods, opening a scenario through `open` (scenario-opener.ts);
 * the address bar mirrors `search`.
 */
import { createContext } from 'svelte';
import type { LongColumn } from '../scenario/claim-columns';
import type { BundledScenario } from '../scenario/bundled';
import type { Claim, Scenario } from '../scenario/schema';
import { applyFilters, describeFilters, NO_FILTERS, type Filters } from '../view/filters';
import { selectedClaims } from '../view/evidence';
import { queryTerms } from '../view/search-terms';
import { tableModel, type TableModel } from '../view/matrix-view';
import { LocalLibrary } from './local-library.svelte';
import { ScenarioOpener } from './scenario-opener';
import type { LoadProblem, OpenScenario } from './open-scenario';
import { readPref, writePref } from './preferences';
import { decodeState, reconcileState, type Ignored } from '../view/url-read';
import {
	DEFAULT_MATRIX,
	encodeSearch,
	type MatrixLayout,
	type Selection,
	type SizePref,
	type SortKey,
	type ThemePref,
	type UrlState,
	type ViewName
} from '../view/url-state';

export class Workspace {
	readonly bundled: readonly BundledScenario[];
	readonly defaultId: string | undefined;
	/** Column ids each view can sort by, for checking a link (injected to keep this module small). */
	readonly sortable: (view: ViewName, scenario: Scenario) => ReadonlySet<string>;

	external = $state.raw<OpenScenario | null>(null);
	/** Address an external scenario was fetched from, kept in the link so it can be fetched again. */
	src = $state<string | null>(null);
	bundledId = $state<string | null>(null);
	view = $state<ViewName>('matrix');
	filters = $state.raw<Filters>(NO_FILTERS);
	sort = $state.raw<SortKey[]>([]);
	selected = $state.raw<Selection | null>(null);
	panel = $state(false);
	columns = $state.raw<LongColumn[] | null>(null);
	pinned = $state.raw<readonly LongColumn[]>([]);
	theme = $state<ThemePref>('system');
	size = $state<SizePref>('normal');
	/** Matrix layout: one column per person or per source, compact or full cells, empty lines. */
	matrix = $state.raw<MatrixLayout>(DEFAULT_MATRIX);
	/** Link parameters that could not be used, for the dismissible notice. */
	ignored = $state.raw<Ignored[]>([]);
	loadProblem = $state.raw<LoadProblem | null>(null);
	loading = $state<string | null>(null);
	/** Scenarios kept in this browser (IndexedDB), for the switcher and for reloads. */
	readonly library = new LocalLibrary();
	/** Every way a scenario is opened: bundled, file, address, library, a link's fragment. */
	readonly open = new ScenarioOpener(this);
	/** Polite announcements for screen readers (and a visible status line). */
	status = $state('');
	/** The option whose claims are listed in the focused "who says what" list, if open. */
	focusOption = $state<string | null>(null);
	/** The grid column a selection was opened from, so the outline and focus return go there. */
	openedColumn = $state<string | undefined>(undefined);
	/** False until the address has been read after hydration; the address is not written before. */
	ready = $state(false);
	/**
	 * True while a link's `src` is being fetched at start: no scenario is shown meanwhile, so the
	 * bundled one is not laid out only to be replaced.
	 */
	waiting = $state(false);
	current: OpenScenario | undefined = $derived.by(() => {
		if (this.waiting) return undefined;
		if (this.external) return this.external;
		const id = this.bundledId ?? this.defaultId;
		const found = this.bundled.find((b) => b.scenario.meta.id === id) ?? this.bundled[0];
		return found && { scenario: found.scenario, file: found.file, origin: 'bundled' as const };
	});
	scenario: Scenario | undefined = $derived(this.current?.scenario);
	claims: Claim[] = $derived(this.scenario ? applyFilters(this.scenario, this.filters) : []);
	/** The search's words, for marking them wherever claim text is shown. */
	terms: string[] = $derived(queryTerms(this.filters.query));
	evidence: Claim[] = $derived(
		this.scenario ? selectedClaims(this.scenario, this.claims, this.selected) : []
	);
	/** The matrix (or its transpose) as the screen shows it; every matrix export writes this. */
	table: TableModel | undefined = $derived(
		this.scenario
			? tableModel(this.scenario, this.claims, {
					filters: this.filters,
					sort: this.view === 'matrix' || this.view === 'transpose' ? this.sort : [],
					transposed: this.view === 'transpose',
					matrix: this.matrix
				})
			: undefined
	);
	/** The filters in effect, in words: the filter bar, every export legend and the brief say this. */
	filterWords: string[] = $derived(
		this.scenario ? describeFilters(this.scenario, this.filters) : []
	);
	urlState: UrlState = $derived({
		scenario: this.external ? null : this.bundledId,
		src: this.external?.origin === 'address' ? this.src : null,
		lib:
			this.external && this.external.origin !== 'address'
				? (this.external.libraryKey ?? null)
				: null,
		view: this.view,
		filters: this.filters,
		sort: this.sort,
		selected: this.selected,
		panel: this.panel,
		columns: this.columns,
		theme: this.theme,
		size: this.size,
		matrix: this.matrix
	});
	search: string = $derived(encodeSearch(this.urlState));

	constructor(
		bundled: readonly BundledScenario[],
		defaultId: string | undefined,
		sortable: (view: ViewName, scenario: Scenario) => ReadonlySet<string>
	) {
		this.bundled = bundled;
		this.defaultId = defaultId;
		this.sortable = sortable;
	}

	/** Applies a link's query string once, after hydration (the page itself is prerendered). */
	async readUrl(params: URLSearchParams): Promise<void> {
		const { state, ignored } = decodeState(params);
		const notes = [...ignored];
		if (state.theme === 'system' && !params.has('theme')) {
			const saved = readPref('theme');
			if (saved === 'light' || saved === 'dark') state.theme = saved;
		}
		if (state.size === 'normal' && !params.has('size') && readPref('size') === 'large')
			state.size = 'large';
		this.theme = state.theme;
		this.size = state.size;

		if (state.src) {
			this.ignored = notes;
			await this.open.address(state.src, state);
			this.ready = true;
			void this.library.refresh();
			return;
		}
		if (state.lib) {
			const opened = await this.open.fromLibrary(state.lib, state);
			if (!opened)
				notes.push({
					param: 'lib',
					value: state.lib,
					reason:
						'that scenario is not in this browser’s library (it was opened or made in another browser, or removed); showing the default'
				});
			this.ignored = [...this.ignored, ...notes];
			this.ready = true;
			// The switcher lists what this browser keeps, the scenario just opened among them.
			void this.library.refresh();
			if (opened) return;
			this.ignored = notes;
		} else void this.library.refresh();
		if (state.scenario && !this.bundled.some((b) => b.scenario.meta.id === state.scenario)) {
			notes.push({
				param: 'scenario',
				value: state.scenario,
				reason:
					'not a bundled scenario (a scenario opened from a file has to be opened again); showing the default'
			});
			state.scenario = null;
		}
		this.bundledId = state.scenario;
		notes.push(...this.apply(state));
		this.ignored = notes;
		this.ready = true;
	}

	/** Takes view, filters, sort and selection from a decoded link, checked against the scenario. */
	apply(state: UrlState): Ignored[] {
		const scenario = this.scenario;
		if (!scenario) return [];
		const checked = reconcileState(state, scenario, (view) => this.sortable(view, scenario));
		const s = checked.state;
		this.view = s.view;
		this.filters = s.filters;
		this.sort = s.sort;
		this.selected = s.selected;
		this.panel = s.panel;
		this.columns = s.columns;
		this.matrix = s.matrix;
		return checked.ignored;
	}

	setView(view: ViewName): void {
		if (view === this.view) return;
		this.view = view;
		// Sort keys are column ids of one view; they mean nothing in another.
		this.sort = [];
	}

	setFilters(patch: Partial<Filters>): void {
		this.filters = { ...this.filters, ...patch };
		this.announceCount();
	}

	clearFilters(): void {
		this.filters = NO_FILTERS;
		this.announceCount();
	}

	/** A polite message for screen readers, e.g. after copying a citation. */
	announce(text: string): void {
		this.status = text;
	}

	private announceCount(): void {
		const total = this.scenario?.claims.length ?? 0;
		this.status = `${this.claims.length} of ${total} claims shown`;
	}

	setSort(keys: SortKey[]): void {
		this.sort = keys;
	}

	select(selection: Selection | null, open = true, column?: string): void {
		this.selected = selection;
		this.openedColumn = column;
		this.panel = open && selection !== null;
	}

	closePanel(): void {
		this.panel = false;
	}

	/** Opens the list of an option's claims, grouped by stance (row header, chart bar, card). */
	showOption(option: string): void {
		if (this.scenario?.options.some((o) => o.id === option)) this.focusOption = option;
	}

	closeOption(): void {
		this.focusOption = null;
	}

	setTheme(theme: ThemePref): void {
		this.theme = theme;
		writePref('theme', theme);
	}

	setSize(size: SizePref): void {
		this.size = size;
		writePref('size', size);
	}

	setMatrix(patch: Partial<MatrixLayout>): void {
		const next = { ...this.matrix, ...patch };
		// Column ids differ between the two layouts: a sort or an opened cell of one means nothing
		// in the other.
		if (next.by !== this.matrix.by) {
			if (this.view === 'matrix') this.sort = [];
			if (this.selected?.kind === 'cell') this.select(null);
		}
		this.matrix = next;
	}

	setColumns(columns: LongColumn[] | null): void {
		this.columns = columns;
	}

	setPinned(pinned: readonly LongColumn[]): void {
		this.pinned = pinned;
	}

	dismissIgnored(): void {
		this.ignored = [];
	}

	dismissLoadProblem(): void {
		this.loadProblem = null;
	}

	/** A new scenario starts with no filters, sort or selection: they name ids of the old one. */
	resetForNewScenario(): void {
		this.filters = NO_FILTERS;
		this.sort = [];
		this.selected = null;
		this.panel = false;
		this.focusOption = null;
	}

	/** Removes a scenario from this browser's library; the one on screen stays on screen. */
	async removeFromLibrary(key: string): Promise<void> {
		if (!(await this.library.remove(key))) return;
		if (this.external?.libraryKey === key)
			this.external = { ...this.external, libraryKey: undefined };
		this.status = 'Removed from this browser’s library';
	}

	/** A link to another page of the app that carries this screen's state (the address's query). */
	hrefTo(path: string): string {
		return this.search ? `${path}?${this.search}` : path;
	}
}

export const [getWorkspace, setWorkspace] = createContext<Workspace>();
