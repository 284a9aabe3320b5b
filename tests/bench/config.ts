/**
 * Everything the benchmark assumes about the app, in one place: the URLs that open a view with a
 * scenario from an address, and the selectors it drives. Where the app does not (yet) have a
 * piece, the measurement reports "n/a (... not found)" instead of failing, so this file is the
 * one to edit when the workspace changes.
 */
import type { SizeName } from './synthetic';

export const CONFIG = {
	/** Timed runs per measurement (after one warm-up); the median is reported. */
	runs: 5,
	/** The size the browser part runs at (the goal is stated at 20,000 claims). */
	browserSize: 'large' as SizeName,
	app: {
		/** Our app, opening the claims view with a scenario fetched from `data` (same origin). */
		claimsUrl: (data: string) => `/?src=${encodeURIComponent(data)}&view=claims`,
		/** Our app, opening the charts view with the same scenario. */
		chartsUrl: (data: string) => `/?src=${encodeURIComponent(data)}&view=charts`,
		/** The claims grid's rows; ag-grid marks every row with its index. */
		firstRow: '.ag-grid-scrolling-container .ag-row[row-index="0"]',
		/** A header cell to click to sort (ag-grid's col-id of the commentator column). */
		sortHeader: '.ag-header-row-column .ag-header-cell[col-id="commentator"] .ag-header-cell-label',
		/** The claims view's quick search box. */
		quickFilter: 'input[type="search"]',
		/** A chart canvas in the charts view. */
		chartCanvas: 'canvas',
		/**
		 * Where the page names the scenario it shows: rows and charts count only once it names the
		 * synthetic one (the app shows a bundled scenario until the fetched one is ready).
		 */
		scenarioTitle: 'h1' as string | null
	},
	bare: {
		claimsUrl: (data: string) => `/bare/?src=${encodeURIComponent(data)}&view=claims`,
		chartsUrl: (data: string) => `/bare/?src=${encodeURIComponent(data)}&view=charts`,
		firstRow: '.ag-grid-scrolling-container .ag-row[row-index="0"]',
		sortHeader: '.ag-header-row-column .ag-header-cell[col-id="commentator"] .ag-header-cell-label',
		quickFilter: '#quick-filter',
		chartCanvas: 'canvas',
		scenarioTitle: null as string | null
	},
	/** How long a page may take to show what is measured before the measurement gives up. */
	timeoutMs: 60_000
};

export type PageConfig = typeof CONFIG.app;

/** The goals of issue 6; `ratio` goals compare ours with bare, `ms` goals are absolute. */
export const GOALS = {
	firstLoadJs: { ratio: 1.2 },
	firstRows: { ratio: 1.2 },
	sort: { ms: 50 },
	filter: { ms: 50 },
	parseValidateAnalyzeLarge: { ms: 300 },
	exportCsv: { ratio: 1.2 },
	exportXlsx: { ratio: 1.2 }
} as const;
