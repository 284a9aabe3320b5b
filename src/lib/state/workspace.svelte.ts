/**
 * The workspace's shared state: which scenario, view, filters, sort, selection and display
 * preferences are in effect, and everything derived from them. Components read it from context
 * and change it only through its methods; the address bar mirrors `search`.
 */
import { createContext } from 'svelte';
import type { LongColumn } from '../scenario/claim-columns';
import type { BundledScenario } from '../scenario/bundled';
import {
	isHttpUrl,
	MAX_SCENARIO_BYTES,
	tooLarge,
	type Claim,
	type Scenario
} from '../scenario/schema';
import { applyFilters, describeFilters, NO_FILTERS, type Filters } from '../view/filters';
import { selectedClaims } from '../view/evidence';
import { queryTerms } from '../view/search-terms';
import { decodeBytes } from '../scenario/decode';
import { tableModel, type TableModel } from '../view/matrix-view';
import { LocalLibrary } from './local-library.svelte';
import type { LoadProblem, OpenScenario } from './open-scenario';
import { readPref, writePref } from './preferences';
import { CANCELLED, fetchScenario, takeEarlyFetch, type Body, type Fetched } from './link-fetch';
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
	/**
	 * Counts choices of scenario (a bundled one, a file, an address): an open that finishes after
	 * a newer choice was made is dropped, so a slow link cannot undo what the reader picked since.
	 */
	private choices = 0;
	/**
	 * The choice on screen: an open older than it is dropped when it finishes, but a newer one
	 * that fails (an invalid file while a link loads) leaves a pending older one to finish.
	 */
	private shown = 0;
	/** The fetch `prefetch` started, taken over by `openAddress` for the same address. */
	private early: { url: string; fetched: Promise<Fetched>; cancel: AbortController } | null = null;
	/** The address being fetched, for Cancel and for the "Opening" line after a file's failure. */
	private pendingLink: { url: string; cancel: AbortController } | null = null;

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

	/**
	 * Starts fetching a link's `src`, and loading the loader, as the page starts rather than after
	 * it has hydrated; `readUrl` then opens the result. Call before the first render.
	 */
	prefetch(params: URLSearchParams): void {
		const url = decodeState(params).state.src?.trim();
		if (!url || !isHttpUrl(url)) return;
		const cancel = new AbortController();
		this.early = {
			url,
			cancel,
			fetched: takeEarlyFetch(url, cancel.signal) ?? fetchScenario(url, cancel.signal)
		};
		// Failures are reported by openText's own import, which reuses this request.
		import('../scenario/load-core').catch(() => undefined);
		this.waiting = true;
		this.loading = url;
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
			await this.openAddress(state.src, state);
			this.ready = true;
			void this.library.refresh();
			return;
		}
		if (state.lib) {
			const opened = await this.openFromLibrary(state.lib, state);
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
	private apply(state: UrlState): Ignored[] {
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

	/** Switches to a bundled scenario; filters and selection refer to ids and start afresh. */
	chooseBundled(id: string): void {
		if (!this.bundled.some((b) => b.scenario.meta.id === id)) return;
		this.shown = ++this.choices;
		this.stopLink();
		this.waiting = false;
		this.loading = null;
		this.external = null;
		this.src = null;
		this.bundledId = id === this.defaultId ? null : id;
		this.resetForNewScenario();
		this.status = `Showing ${this.scenario?.meta.title ?? id}`;
	}

	/**
	 * Stops whatever is being opened (a link's download, a file being checked): the scenario on
	 * screen stays, or the default one shows if nothing was on screen yet.
	 */
	cancelLoading(): void {
		const what = this.loading;
		this.shown = ++this.choices;
		this.stopLink();
		this.loading = null;
		this.waiting = false;
		if (what) this.status = `Stopped opening ${what}. The scenario on screen is unchanged.`;
	}

	private stopLink(): void {
		this.pendingLink?.cancel.abort();
		this.early?.cancel.abort();
		this.pendingLink = null;
		this.early = null;
	}

	private resetForNewScenario(): void {
		this.filters = NO_FILTERS;
		this.sort = [];
		this.selected = null;
		this.panel = false;
		this.focusOption = null;
	}

	/**
	 * Validates text with the same loader as the command line. Only a valid scenario replaces the
	 * one on screen; otherwise every error is listed and nothing else changes.
	 */
	async openText(
		text: string,
		file: string,
		origin: 'file' | 'address' | 'library',
		{
			then,
			size,
			choice,
			libraryKey
		}: { then?: UrlState; size?: number; choice: number; libraryKey?: string }
	): Promise<boolean> {
		// Loaded on demand, and the YAML parser only for YAML text.
		const { loadScenarioLazily, formatLoadError, problemCount } =
			await import('../scenario/load-core');
		const result = await loadScenarioLazily(text, file, size);
		if (choice <= this.shown) return false;
		if (!result.ok) {
			// A student's downloaded position is not a broken scenario: say what it is instead.
			const { readPositionFile, positionFileExplained } = await import('../class/position-file');
			const position = readPositionFile(text);
			if (position.kind !== 'other') {
				this.loadProblem = positionFileExplained(file, position);
				this.status = this.loadProblem.title;
				return false;
			}
			const count = problemCount(result);
			this.loadProblem = {
				title: `Could not open ${file}: ${count} problem${count === 1 ? '' : 's'}${count > result.errors.length ? ` (the first ${result.errors.length} listed)` : ''}. The scenario on screen is unchanged.`,
				lines: result.errors.map(formatLoadError)
			};
			this.status = this.loadProblem.title;
			return false;
		}
		this.shown = choice;
		if (origin !== 'address') this.stopLink();
		this.loadProblem = null;
		this.waiting = false;
		const opened: OpenScenario = { scenario: result.scenario, file, origin, libraryKey };
		this.external = opened;
		this.bundledId = null;
		this.resetForNewScenario();
		if (then) this.ignored = [...this.ignored, ...this.apply(then)];
		this.status = `Opened ${result.scenario.meta.title} from ${origin === 'library' ? 'this browser’s library' : file}`;
		// Kept in the background: the scenario is on screen whether or not storage works.
		if (origin !== 'library')
			void this.library.keep(text, result.scenario, file, origin).then((key) => {
				if (key && this.external === opened) this.external = { ...opened, libraryKey: key };
			});
		return true;
	}

	/**
	 * Opens a scenario carried in the address's fragment (`#scenario=...`, made by the editor's
	 * "Copy link"): decoded, then checked by the same loader as a file.
	 */
	async openFragment(hash: string): Promise<boolean> {
		const choice = ++this.choices;
		const { decodeScenarioLink } = await import('../authoring/share-link');
		const decoded = await decodeScenarioLink(hash);
		if (choice !== this.choices || 'absent' in decoded) return false;
		if (!decoded.ok) {
			this.loadProblem = { title: decoded.problem, lines: [] };
			this.status = decoded.problem;
			return false;
		}
		return this.openText(decoded.text, 'the link', 'address', { choice });
	}

	async openFile(file: File): Promise<boolean> {
		if (file.size > MAX_SCENARIO_BYTES) {
			this.loadProblem = {
				title: `Could not open ${file.name}. The scenario on screen is unchanged.`,
				lines: [`${file.name}:1:1: ${tooLarge(file.size)}`]
			};
			return false;
		}
		this.loading = file.name;
		const choice = ++this.choices;
		const current = () => choice === this.choices;
		try {
			// Bytes decoded as the command line does: bytes that are not UTF-8 are binary data,
			// while a real U+FFFD stays text (File.text() would make both U+FFFD).
			const text = decodeBytes(new Uint8Array(await file.arrayBuffer()));
			const ok = await this.openText(text, file.name, 'file', { size: file.size, choice });
			if (ok) this.src = null;
			return ok;
		} catch (err) {
			if (current())
				this.loadProblem = {
					title: `Could not read ${file.name}. The scenario on screen is unchanged.`,
					lines: [`${file.name}:1:1: ${err instanceof Error ? err.message : String(err)}`]
				};
			return false;
		} finally {
			if (current()) {
				// A link still loading goes on, with the scenario on screen meanwhile (not a blank page).
				this.loading = this.pendingLink?.url ?? null;
				this.waiting = false;
			}
		}
	}

	async openAddress(address: string, then?: UrlState): Promise<boolean> {
		const url = address.trim();
		const choice = ++this.choices;
		const fail = (message: string) => {
			// Nothing to report about an open the reader has since replaced with another choice.
			if (choice <= this.shown) return false;
			this.loadProblem = {
				title: `Could not open ${url || 'the address'}. The scenario on screen is unchanged.`,
				lines: [`${url}:1:1: ${message}`]
			};
			this.status = this.loadProblem.title;
			return false;
		};
		if (!isHttpUrl(url)) return fail('expected an http:// or https:// address');
		this.loading = url;
		const early = this.early?.url === url ? this.early : null;
		this.early = null;
		this.pendingLink?.cancel.abort();
		const cancel = early?.cancel ?? new AbortController();
		const link = { url, cancel };
		this.pendingLink = link;
		const mine = () => this.pendingLink === link;
		try {
			const fetched = await (early?.fetched ?? fetchScenario(url, cancel.signal));
			if (!mine() || cancel.signal.aborted) return false;
			if (!fetched.ok) return fail(fetched.problem);
			let body: Body;
			try {
				body = await fetched.body;
			} catch (err) {
				const message = err instanceof Error ? err.message : String(err);
				if (message === CANCELLED || !mine()) return false;
				return fail(message);
			}
			const name = url.split(/[?#]/)[0]!.split('/').pop() || url;
			const ok = await this.openText(body.text, name, 'address', {
				then,
				size: body.size,
				choice
			});
			if (ok) this.src = url;
			return ok;
		} finally {
			if (mine()) {
				this.pendingLink = null;
				this.loading = null;
				// On failure the bundled scenario shows again, under the message.
				this.waiting = false;
			}
		}
	}

	/** Opens a scenario kept in this browser's library, checked by the loader like a file. */
	async openFromLibrary(key: string, then?: UrlState): Promise<boolean> {
		const choice = ++this.choices;
		const record = await this.library.get(key);
		if (!record || choice !== this.choices) return false;
		const ok = await this.openText(record.text, record.from || record.title, 'library', {
			then,
			choice,
			libraryKey: record.key
		});
		if (ok) this.src = null;
		return ok;
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
