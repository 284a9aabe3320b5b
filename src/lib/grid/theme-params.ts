/**
 * The app's palette as ag-grid theme parameters (CSS variables, so one grid theme fits light and
 * dark): shared by the workspace's grids and the editor's, which run on separate copies of
 * ag-grid (see edit-modules.ts).
 */
import type { SizePref } from '../view/url-state';

export function gridThemeParams(size: SizePref) {
	const large = size === 'large';
	return {
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
	} as const;
}
