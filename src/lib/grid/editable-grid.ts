/**
 * The one wrapper around ag-grid for editing (the workspace's read-only grids are in
 * `ag-grid.svelte.ts`): an attachment that creates an editable claims grid with only the modules
 * editing needs, pushes new rows and columns when the draft changes, and reports each finished
 * cell edit. The grid never changes the data itself: the editor applies the edit, with undo.
 */
import type { ColDef, GridApi } from 'ag-grid-community';
import type { Attachment } from 'svelte/attachments';
import type { ClaimRow } from './claims-editing';

export interface EditableGridProps {
	rows: ClaimRow[];
	columns: ColDef<ClaimRow>[];
	label: string;
	onedit: (rowId: string, field: string, value: unknown) => void;
	onready?: (api: GridApi<ClaimRow>) => void;
}

export function editableGrid(props: () => EditableGridProps): Attachment<HTMLElement> {
	return (node) => {
		let api: GridApi<ClaimRow> | null = null;
		let destroyed = false;
		const initial = props();
		void (async () => {
			const { createGrid, EDIT_MODULES, editorTheme } = await import('./edit-modules');
			if (destroyed) return;
			api = createGrid<ClaimRow>(
				node,
				{
					theme: editorTheme,
					columnDefs: initial.columns,
					rowData: initial.rows,
					getRowId: (p) => p.data.id,
					defaultColDef: { resizable: true, suppressMovable: true },
					singleClickEdit: false,
					stopEditingWhenCellsLoseFocus: true,
					tooltipShowDelay: 400,
					ensureDomOrder: true,
					// The grid never writes into the rows (they are the draft's, shared with undo
					// steps): a finished edit is a request, and the new draft comes back as rows.
					readOnlyEdit: true,
					onCellEditRequest: (e) => {
						if (e.data && e.colDef.field) props().onedit(e.data.id, e.colDef.field, e.newValue);
					},
					onGridReady: () => {
						node
							.querySelector('[role="grid"], [role="treegrid"]')
							?.setAttribute('aria-label', initial.label);
					}
				},
				{ modules: EDIT_MODULES }
			);
			props().onready?.(api);
		})();
		return () => {
			destroyed = true;
			api?.destroy();
		};
	};
}

/** Pushes the draft's rows and columns into a live grid (kept separate so the grid is not rebuilt). */
export function updateGrid(api: GridApi<ClaimRow>, rows: ClaimRow[], columns: ColDef<ClaimRow>[]) {
	api.setGridOption('columnDefs', columns);
	api.setGridOption('rowData', rows);
}
