/**
 * What a chart component hands to the chart wrapper: how to build the chart.js config for a theme,
 * and what a click on an element means as a filter. Pure data and functions, so the builders that
 * make specs are unit-tested in Node.
 */
import type { ChartConfiguration } from 'chart.js';
import type { Filters } from '../view/filters';
import type { ChartTheme } from './theme';

/** The element a click landed on: chart.js's dataset and data indexes. */
export interface ChartHit {
	datasetIndex: number;
	index: number;
}

export type FilterPatch = Partial<Filters>;

export interface ChartSpec {
	/** Short machine name, used in the PNG file name. */
	id: string;
	/** The finding, in words computed from the data. */
	title: string;
	/** Lines under the title in the PNG (what the numbers are, who is behind them). */
	notes: string[];
	/** Canvas height on screen in CSS pixels: grows with the number of rows. */
	height: number;
	build: (theme: ChartTheme) => ChartConfiguration;
	/** The filter a click on `hit` applies; null where the element stands for no claims. */
	pick: (hit: ChartHit) => FilterPatch | null;
}
