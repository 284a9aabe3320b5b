/**
 * ag-grid itself, with the workspace's modules registered, its cell renderers and the app's theme:
 * three quarters of the workspace's script. The attachment in `ag-grid.svelte.ts` fetches this
 * once the page's own code runs, so the prerendered page paints and its controls work without
 * waiting for the grid's code to download and compile.
 */
import { ModuleRegistry, ValidationModule, createGrid, themeQuartz } from 'ag-grid-community';
import type { SizePref } from '../view/url-state';
import { GRID_COMPONENTS } from './cells';
import { GRID_MODULES } from './modules';

ModuleRegistry.registerModules([
	...GRID_MODULES,
	// Explains a missing module or a misspelt option in development; left out of the build.
	...(import.meta.env.DEV ? [ValidationModule] : [])
]);

export { createGrid, GRID_COMPONENTS };

/** Quartz with the app's palette: the variables switch with the theme, so one grid theme fits both. */
export function gridTheme(size: SizePref) {
	const large = size === 'large';
	return themeQuartz.withParams({
		backgroundColor: 'var(--bg)',
		foregroundColor: 'var(--fg)',
		textColor: 'var(--fg)',
		accentColor: 'var(--accent)',
		borderColor: 'var(--border)',
		chromeBackgroundColor: 'var(--bg-muted)',
		headerBackgroundColor: 'var(--bg-muted)',
		headerTextColor: 'var(--fg)',
		subtleTextColor: 'var(--fg-muted)',
		rowHoverColor: 'var(--row-hover)',
		browserColorScheme: 'inherit',
		fontFamily: 'inherit',
		fontSize: large ? 20 : 14,
		headerFontSize: large ? 20 : 14,
		headerFontWeight: 650,
		spacing: large ? 7 : 5,
		wrapperBorderRadius: 6,
		cellHorizontalPadding: large ? 14 : 10
	});
}
