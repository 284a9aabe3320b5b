/**
 * ag-grid for the editor's claims table: its own copy of the package (the alias
 * `ag-grid-community/editor-copy`, vite.config.ts), with createGrid and the modules editing needs.
 *
 * ag-grid is one ES module, so a bundle keeps the union of what every importer uses, in the one
 * chunk they share: editing (about 19 KiB gzip, mostly its core) rode in the workspace's first
 * load though the workspace never edits a cell. Imported whole (`await import('ag-grid-community')`)
 * it was worse: all of ag-grid, 297 -> 444 KiB gzip at `/` when the editor was merged. With its
 * own copy the workspace's chunk holds only the workspace's modules, and /edit loads only this
 * one (the two pages never show both grids).
 */
import {
	CellStyleModule,
	ClientSideRowModelModule,
	createGrid,
	RowApiModule,
	ScrollApiModule,
	SelectEditorModule,
	TextEditorModule,
	themeQuartz,
	TooltipModule,
	type Module
} from 'ag-grid-community/editor-copy';
import { gridThemeParams } from './theme-params';

export const EDIT_MODULES: Module[] = [
	ClientSideRowModelModule,
	TextEditorModule,
	SelectEditorModule,
	CellStyleModule,
	TooltipModule,
	RowApiModule,
	ScrollApiModule
];

export const editorTheme = themeQuartz.withParams(gridThemeParams('normal'));

export { createGrid };
