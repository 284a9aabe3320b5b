/**
 * The one wrapper around ag-grid: an attachment that creates the grid once its code has loaded,
 * pushes new columns, rows, sort and theme into it when they change, and destroys it with the
 * element. The library itself (modules, renderers, theme) is in `grid-library.ts`.
 */
import type { ColumnState, GridApi, GridOptions } from 'ag-grid-community';
import { untrack } from 'svelte';
import type { Attachment } from 'svelte/attachments';
import type { SizePref, SortKey } from '../view/url-state';
import { PHONE_QUERY } from '../state/screen.svelte';
import './cells.css';
import type { GridData } from './views';

type Row = { id: string };

type Library = typeof import('./grid-library');

/**
 * ag-grid's code, once it has arrived. The download starts when this module runs (as the page
 * hydrates), not from the page's <head>: the prerendered page then paints, and its header,
 * tabs and filters answer, while the grid's 230 KiB are still on their way.
 */
let library = $state.raw<Library | 'failed' | null>(null);
let requested = false;

function loadLibrary(): void {
	if (requested) return;
	requested = true;
	import('./grid-library').then(
		// In a task of its own: evaluating the library and creating a grid made one long task.
		(loaded) => setTimeout(() => (library = loaded)),
		() => (library = 'failed')
	);
}

// A phone's first screen is the matrix as cards, with no grid: there the library waits until a
// grid is shown (`agGrid` asks for it), so the phone does not download 230 KiB it may not use.
// Phones show the matrix as cards (see GridView), so the grid library can wait there.
if (typeof window !== 'undefined' && !window.matchMedia(PHONE_QUERY).matches) loadLibrary();

/** True when the grid's code could not be downloaded (the grid shows why, in its place). */
export function gridLoadFailed(): boolean {
	return library === 'failed';
}

/** Source group headers hold three lines: outlet, title, date. */
function groupHeaderHeight(size: SizePref): number {
	return size === 'large' ? 88 : 64;
}

export interface GridProps {
	data: GridData;
	sort: readonly SortKey[];
	size: SizePref;
	/** Accessible name of the grid, e.g. "Matrix: options by commentator". */
	label: string;
	onsort: (keys: SortKey[]) => void;
	/** A cell was clicked, or Enter was pressed on it. */
	onopen: (rowId: string, colId: string, how: 'click' | 'key') => void;
	onready?: (api: GridApi<Row>) => void;
	/** Keyboard or mouse focus moved to a cell (row headers have details worth showing). */
	onfocus?: (rowId: string | null, colId: string | null) => void;
	/** The cell the evidence panel shows, outlined so it is clear what the panel refers to. */
	selected: GridCell | null;
	/** The search's words, marked in cell text. */
	terms?: readonly string[];
}

export interface GridCell {
	rowId: string;
	colId: string;
}

interface GridContext {
	selected: GridCell | null;
	terms: readonly string[];
}

function sortOf(api: GridApi<Row>): SortKey[] {
	return api
		.getColumnState()
		.filter(
			(c): c is ColumnState & { sort: 'asc' | 'desc' } => c.sort === 'asc' || c.sort === 'desc'
		)
		.sort((a, b) => (a.sortIndex ?? 0) - (b.sortIndex ?? 0))
		.map((c) => ({ col: c.colId, dir: c.sort }));
}

function sameSort(a: readonly SortKey[], b: readonly SortKey[]): boolean {
	return a.length === b.length && a.every((k, i) => k.col === b[i]!.col && k.dir === b[i]!.dir);
}

function applySort(api: GridApi<Row>, keys: readonly SortKey[]): void {
	if (sameSort(sortOf(api), keys)) return;
	api.applyColumnState({
		state: keys.map((k, i) => ({ colId: k.col, sort: k.dir, sortIndex: i })),
		defaultState: { sort: null }
	});
}

function labelGrid(node: HTMLElement, label: string): void {
	node.querySelector('[role="grid"], [role="treegrid"]')?.setAttribute('aria-label', label);
}

export function agGrid(props: () => GridProps): Attachment<HTMLElement> {
	return (node) => {
		// Read here so that the attachment runs again, and creates the grid, once the code is in.
		const lib = library;
		if (lib === null) {
			loadLibrary();
			return;
		}
		if (lib === 'failed') {
			const message = document.createElement('p');
			message.setAttribute('role', 'alert');
			message.textContent =
				'The grid could not be loaded (the connection may have dropped). Reload the page to try again; the Reading view shows every claim without it.';
			node.replaceChildren(message);
			return () => node.replaceChildren();
		}
		const initial = untrack(props);
		// Read by the cell class rule below; mutated in place, then the two affected rows refresh.
		const context: GridContext = { selected: initial.selected, terms: initial.terms ?? [] };
		// Rows to show when the data says which (`GridData.shown`); read by the external filter.
		let shown = initial.data.shown;
		const options: GridOptions<Row> = {
			context,
			theme: lib.gridTheme(initial.size),
			groupHeaderHeight: groupHeaderHeight(initial.size),
			columnDefs: initial.data.columnDefs,
			// The rows go in a task of their own (below): theme, columns and header first.
			rowData: [],
			rowHeight: initial.data.rowHeight,
			getRowId: (p) => p.data.id,
			isExternalFilterPresent: () => shown !== null,
			doesExternalFilterPass: (node) => shown === null || shown.has(node.id!),
			components: lib.GRID_COMPONENTS,
			defaultColDef: {
				resizable: true,
				suppressMovable: true,
				cellClassRules: {
					'sg-selected': (p) => {
						const s = (p.context as GridContext).selected;
						return s !== null && p.node.id === s.rowId && p.colDef.colId === s.colId;
					}
				}
			},
			ensureDomOrder: true,
			// A visible scroll bar is the sign that there are more columns to the side.
			alwaysShowHorizontalScroll: true,
			enableCellTextSelection: true,
			suppressNoRowsOverlay: true,
			tooltipShowDelay: 400,
			tooltipHideDelay: 20000,
			tooltipInteraction: true,
			onSortChanged: (e) => {
				const keys = sortOf(e.api);
				if (!sameSort(keys, props().sort)) props().onsort(keys);
			},
			onCellClicked: (e) => {
				if (e.data && e.column) props().onopen(e.data.id, e.column.getColId(), 'click');
			},
			onCellFocused: (e) => {
				const colId = e.column && typeof e.column === 'object' ? e.column.getColId() : null;
				const row = e.rowIndex === null ? null : e.api.getDisplayedRowAtIndex(e.rowIndex);
				props().onfocus?.(row?.id ?? null, colId);
			},
			onCellKeyDown: (e) => {
				const event = e.event as KeyboardEvent | null | undefined;
				if (event?.key !== 'Enter' || !('column' in e) || !e.data) return;
				event.preventDefault();
				props().onopen(e.data.id, e.column.getColId(), 'key');
			}
		};
		const api = lib.createGrid(node, options);
		labelGrid(node, initial.label);
		// Effects compare with what the grid already has, so the first run and echoes do nothing.
		let shownData = initial.data;
		let shownSize = initial.size;
		// Creating the grid (its theme's CSS, columns, header) and drawing its rows were one task of
		// 250 ms on a mid-range phone, during which the page could not answer a tap; two halves let
		// the browser handle input in between. Whatever changed meanwhile is in `shownData`.
		let rowsIn = false;
		const rowsTask = setTimeout(() => {
			rowsIn = true;
			const now = untrack(props);
			api.setGridOption('rowData', shownData.rows);
			applySort(api, now.sort);
			if (now.selected) revealCell(api, now.selected.rowId, now.selected.colId);
			now.onready?.(api);
		});

		$effect(() => {
			const { data, label } = props();
			if (data !== shownData) {
				const prev = shownData;
				shownData = data;
				shown = data.shown;
				// Only what changed: new column definitions make ag-grid rebuild every column, and
				// new rows make it match 20,000 of them by id, which a search needs neither of.
				const patch: GridOptions<Row> = {};
				if (data.columnDefs !== prev.columnDefs) patch.columnDefs = data.columnDefs;
				if (data.rows !== prev.rows && rowsIn) patch.rowData = data.rows;
				if (data.rowHeight !== prev.rowHeight) patch.rowHeight = data.rowHeight;
				if (Object.keys(patch).length > 0) api.updateGridOptions(patch);
				// New rows are filtered as they go in; the same rows are filtered again here.
				if (data.shown !== prev.shown && patch.rowData === undefined) api.onFilterChanged();
			}
			labelGrid(node, label);
		});
		$effect(() => {
			applySort(api, props().sort);
		});
		$effect(() => {
			const next = props().selected;
			const prev = context.selected;
			if (prev?.rowId === next?.rowId && prev?.colId === next?.colId) return;
			context.selected = next;
			const rows = [prev, next]
				.map((cell) => (cell ? api.getRowNode(cell.rowId) : undefined))
				.filter((row) => row !== undefined);
			api.refreshCells({ rowNodes: rows, force: true });
			// A selection from a link may be off screen; bring it into view without taking focus.
			if (next) revealCell(api, next.rowId, next.colId);
		});
		$effect(() => {
			const terms = props().terms ?? [];
			if (terms.join('\n') === context.terms.join('\n')) return;
			context.terms = terms;
			// Only the rows drawn; the others render with the new words when they scroll in.
			api.refreshCells({ force: true });
		});
		$effect(() => {
			const size = props().size;
			if (size === shownSize) return;
			shownSize = size;
			api.setGridOption('theme', lib.gridTheme(size));
			api.setGridOption('groupHeaderHeight', groupHeaderHeight(size));
		});
		return () => {
			clearTimeout(rowsTask);
			api.destroy();
		};
	};
}

/** Scrolls a cell into view; returns its row index, or null when the cell is not in the grid. */
function revealCell(api: GridApi<Row>, rowId: string, colId: string): number | null {
	const row = api.getRowNode(rowId);
	if (!row || row.rowIndex === null || !api.getColumn(colId)) return null;
	api.ensureIndexVisible(row.rowIndex);
	api.ensureColumnVisible(colId);
	return row.rowIndex;
}

/** Moves keyboard focus to a cell by row id and column id; false when it is not in the grid. */
export function focusCell(api: GridApi<Row>, rowId: string, colId: string): boolean {
	const index = revealCell(api, rowId, colId);
	if (index === null) return false;
	api.setFocusedCell(index, colId);
	return true;
}

/** Focuses the first body cell, for the skip link. */
export function focusFirstCell(api: GridApi<Row>): boolean {
	const column = api.getAllDisplayedColumns()[0];
	if (!column || api.getDisplayedRowCount() === 0) return false;
	api.ensureIndexVisible(0);
	api.setFocusedCell(0, column);
	return true;
}

export type { Row as GridRow };
