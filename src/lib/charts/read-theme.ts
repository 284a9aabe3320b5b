/**
 * Reads the chart theme from the page's CSS variables at render time. The variables use
 * light-dark(), which getComputedStyle() returns unresolved on a custom property, so each colour is
 * resolved by setting it as the `color` of a hidden probe inside the chart's own container (it
 * inherits the same variables and colour scheme) and reading the computed colour back.
 */
import { fillPattern } from './patterns';
import { HEAT_PALETTE, type ChartTheme } from './theme';

/** The variables read, with light fallbacks for a page that does not define them. */
const VARIABLES = {
	bg: ['--bg', '#ffffff'],
	fg: ['--fg', '#1b1f24'],
	fgMuted: ['--fg-muted', '#4a5562'],
	border: ['--border', '#d0d7de'],
	accent: ['--accent', '#1f5fa8'],
	support: ['--stance-support', '#2e7d4f'],
	conditional: ['--stance-conditional', '#a8690f'],
	oppose: ['--stance-oppose', '#b83a3a'],
	heatLow: ['--chart-heat-low', HEAT_PALETTE.light.low],
	heatMid: ['--chart-heat-mid', HEAT_PALETTE.light.mid],
	heatHigh: ['--chart-heat-high', HEAT_PALETTE.light.high],
	noData: ['--chart-no-data', HEAT_PALETTE.light.noData],
	noDataMark: ['--chart-no-data-mark', HEAT_PALETTE.light.noDataMark]
} as const;

export interface ReadThemeOptions {
	/** Force a colour scheme (the PNG export is always light, on white). */
	scheme?: 'light' | 'dark';
	/** Base font size in pixels; default: the host's computed font size. */
	fontSize?: number;
}

export function readTheme(host: Element, options: ReadThemeOptions = {}): ChartTheme {
	const parent = host.parentElement ?? document.body;
	const probe = document.createElement('span');
	probe.setAttribute('aria-hidden', 'true');
	probe.style.position = 'absolute';
	probe.style.visibility = 'hidden';
	if (options.scheme) probe.style.colorScheme = options.scheme;
	parent.appendChild(probe);
	const colors = {} as Record<keyof typeof VARIABLES, string>;
	try {
		for (const [key, [name, fallback]] of Object.entries(VARIABLES)) {
			probe.style.color = '';
			probe.style.color = `var(${name}, ${fallback})`;
			colors[key as keyof typeof VARIABLES] = getComputedStyle(probe).color || fallback;
		}
	} finally {
		probe.remove();
	}
	const style = getComputedStyle(host);
	const fontSize = options.fontSize ?? (Number.parseFloat(style.fontSize) || 14);
	const scale = fontSize / 14;
	const bg = options.scheme === 'light' ? '#ffffff' : colors.bg;
	return {
		bg,
		fg: colors.fg,
		fgMuted: colors.fgMuted,
		grid: colors.border,
		accent: colors.accent,
		stanceFill: {
			support: colors.support,
			conditional: fillPattern('dots', colors.conditional, bg, scale),
			oppose: fillPattern('hatch', colors.oppose, bg, scale)
		},
		stanceLine: {
			support: colors.support,
			conditional: colors.conditional,
			oppose: colors.oppose
		},
		heatLow: colors.heatLow,
		heatMid: colors.heatMid,
		heatHigh: colors.heatHigh,
		noData: fillPattern('cross', colors.noData, colors.noDataMark, scale),
		rankFill: colors.accent,
		rankFillFew: fillPattern('hatch', colors.accent, bg, scale),
		fontFamily: style.fontFamily || 'system-ui, sans-serif',
		fontSize
	};
}
