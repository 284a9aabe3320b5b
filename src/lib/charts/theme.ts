/**
 * The colours and type a chart is drawn with. Read from CSS variables at render time by the
 * wrapper (so charts follow light/dark and large text); a plain value here so that the config
 * builders stay pure and testable in Node. `Paint` may be a canvas pattern: stances are filled with
 * a pattern as well as a colour, so colour is never the only cue.
 */
import type { Stance } from '../scenario/schema';
import { STANCE_LOOK } from '../present/stance';

export type Paint = string | CanvasPattern;

export interface ChartTheme {
	/** Page background, and the PNG background. */
	bg: string;
	fg: string;
	fgMuted: string;
	grid: string;
	accent: string;
	/** Bar and legend fills per stance: solid for support, hatched oppose, dotted conditional. */
	stanceFill: Record<Stance, Paint>;
	/** Solid stance colours, for points and borders. */
	stanceLine: Record<Stance, string>;
	/** Heatmap scale: agreement 0 (low), 0.5 (mid), 1 (high). Solid colours, parsed by mix(). */
	heatLow: string;
	heatMid: string;
	heatHigh: string;
	/** Heatmap cells for pairs with no shared option: visibly not a value. */
	noData: Paint;
	/** Ranking bars, and the hatched variant for options with few positions. */
	rankFill: Paint;
	rankFillFew: Paint;
	fontFamily: string;
	/** Base font size in CSS pixels. */
	fontSize: number;
}

/**
 * The heatmap's diverging scale, orange (disagree) through neutral to blue (agree): it reads with
 * red-green colour blindness, and every value on it has black or white text at 4.5:1 or better.
 * `ChartsPanel` sets these as CSS variables with light-dark(), and the wrapper reads them back.
 */
export const HEAT_PALETTE = {
	light: {
		low: '#c2571a',
		mid: '#f4f6f8',
		high: '#1f5fa8',
		noData: '#eef1f4',
		noDataMark: '#b3bcc6'
	},
	dark: {
		low: '#d9773c',
		mid: '#2a323b',
		high: '#4a8ad4',
		noData: '#20262d',
		noDataMark: '#56606b'
	}
} as const;

/** The chart's type, from the theme: every chart's ticks, legends and tooltips use it. */
export function themeFont(theme: ChartTheme): { family: string; size: number } {
	return { family: theme.fontFamily, size: theme.fontSize };
}

/** Tooltip type: the chart's font, the footer (counts, hints) not bold. */
export function tooltipFonts(theme: ChartTheme) {
	const font = themeFont(theme);
	return { titleFont: font, bodyFont: font, footerFont: { ...font, weight: 'normal' as const } };
}

/** Text on a heatmap cell: pure black or white, whichever contrasts more (always >= 4.58:1). */
export const CELL_TEXT = { dark: '#000000', light: '#ffffff' } as const;

/** The light theme with solid fills: exports when no DOM is there, and the unit tests. */
export const PLAIN_LIGHT_THEME: ChartTheme = {
	bg: '#ffffff',
	fg: '#1b1f24',
	fgMuted: '#4a5562',
	grid: '#d0d7de',
	accent: '#1f5fa8',
	stanceFill: {
		support: STANCE_LOOK.support.hex,
		conditional: STANCE_LOOK.conditional.hex,
		oppose: STANCE_LOOK.oppose.hex
	},
	stanceLine: {
		support: STANCE_LOOK.support.hex,
		conditional: STANCE_LOOK.conditional.hex,
		oppose: STANCE_LOOK.oppose.hex
	},
	heatLow: HEAT_PALETTE.light.low,
	heatMid: HEAT_PALETTE.light.mid,
	heatHigh: HEAT_PALETTE.light.high,
	noData: HEAT_PALETTE.light.noData,
	rankFill: '#1f5fa8',
	rankFillFew: '#8fb0d6',
	fontFamily: 'system-ui, sans-serif',
	fontSize: 14
};

export type Rgb = [number, number, number];

/** `#rgb`, `#rrggbb`, `rgb(r, g, b)`, `rgba(r, g, b, a)` or `rgb(r g b / a)`; null otherwise. */
export function parseColor(text: string): Rgb | null {
	const value = text.trim().toLowerCase();
	const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/.exec(value);
	if (hex) {
		const digits = hex[1]!;
		const full =
			digits.length === 3
				? digits
						.split('')
						.map((d) => d + d)
						.join('')
				: digits;
		return [0, 2, 4].map((at) => parseInt(full.slice(at, at + 2), 16)) as Rgb;
	}
	const fn = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/.exec(value);
	if (fn) return [Number(fn[1]), Number(fn[2]), Number(fn[3])];
	return null;
}

export function rgbText([r, g, b]: Rgb): string {
	return `rgb(${Math.round(r)}, ${Math.round(g)}, ${Math.round(b)})`;
}

/** Linear mix of two colours, t = 0 gives `from`, t = 1 gives `to`; unparseable input gives `to`. */
export function mix(from: string, to: string, t: number): string {
	const a = parseColor(from);
	const b = parseColor(to);
	if (!a || !b) return to;
	const k = Math.min(1, Math.max(0, t));
	return rgbText([a[0] + (b[0] - a[0]) * k, a[1] + (b[1] - a[1]) * k, a[2] + (b[2] - a[2]) * k]);
}

/** WCAG relative luminance. */
export function luminance(color: string): number {
	const rgb = parseColor(color);
	if (!rgb) return 1;
	const [r, g, b] = rgb.map((channel) => {
		const c = channel / 255;
		return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
	}) as Rgb;
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(x: string, y: string): number {
	const [hi, lo] = [luminance(x), luminance(y)].sort((p, q) => q - p) as [number, number];
	return (hi + 0.05) / (lo + 0.05);
}

/** Whichever of the two text colours reads better on `background`. */
export function textOn(background: string, dark = '#1b1f24', light = '#ffffff'): string {
	return contrastRatio(background, dark) >= contrastRatio(background, light) ? dark : light;
}

/** Heatmap fill for a pair agreement in [0, 1]: low -> mid -> high. */
export function heatColor(theme: ChartTheme, value: number): string {
	return value <= 0.5
		? mix(theme.heatLow, theme.heatMid, value / 0.5)
		: mix(theme.heatMid, theme.heatHigh, (value - 0.5) / 0.5);
}
