/**
 * ag-grid itself, with the workspace's modules registered, its cell renderers and the app's theme:
 * three quarters of the workspace's script. The attachment in `ag-grid.svelte.ts` fetches this
 * once the page's own code runs, so the prerendered page paints and its controls work without
 * waiting for the grid's code to download and compile.
 */
import { ModuleRegistry, ValidationModule, createGrid, themeQuartz } from 'ag-grid-community';
import type { SizePref } from '../view/url-state';
import { GRID_COMPONENTS } from './cells';
import { gridThemeParams } from './theme-params';
import { GRID_MODULES } from './modules';

ModuleRegistry.registerModules([
	...GRID_MODULES,
	// Explains a missing module or a misspelt option in development; left out of the build.
	...(import.meta.env.DEV ? [ValidationModule] : [])
]);

export { createGrid, GRID_COMPONENTS };

/** Quartz with the app's palette: the variables switch with the theme, so one grid theme fits both. */
export function gridTheme(size: SizePref) {
	return themeQuartz.withParams(gridThemeParams(size));
}
