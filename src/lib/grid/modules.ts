/**
 * The ag-grid community modules the workspace uses, and nothing more. Shared with the
 * benchmark's bare page so the two always register the same grid.
 */
import {
	CellStyleModule,
	ClientSideRowModelApiModule,
	ClientSideRowModelModule,
	ColumnApiModule,
	ExternalFilterModule,
	RenderApiModule,
	RowApiModule,
	RowAutoHeightModule,
	ScrollApiModule,
	TextFilterModule,
	TooltipModule,
	type Module
} from 'ag-grid-community';

export const GRID_MODULES: Module[] = [
	ClientSideRowModelModule,
	// forEachNodeAfterFilterAndSort: exports take the rows in the grid's order from it.
	ClientSideRowModelApiModule,
	CellStyleModule,
	ColumnApiModule,
	ExternalFilterModule,
	RenderApiModule,
	RowApiModule,
	RowAutoHeightModule,
	ScrollApiModule,
	TextFilterModule,
	TooltipModule
];
