/**
 * The one palette: every colour that means a stance, for the screen (app.css declares the same
 * values as CSS custom properties, and a test holds them equal), the charts and their PNGs, the
 * printed brief, and the exports (XLSX, clipboard HTML). Export fills are light tints of the
 * stance colours, so dark text on them stays readable (WCAG AA) while the hue still says which
 * stance it is. The stance word and symbol are always there too: colour is never the only cue.
 */
import type { Stance } from '../scenario/schema';

export interface ThemedColour {
	light: string;
	dark: string;
}

/** The stance colour itself: badges' edges, bars, the grid's cell edges (`--stance-<s>`). */
export const STANCE_COLOURS: Record<Stance, ThemedColour> = {
	support: { light: '#2e7d4f', dark: '#6fcf97' },
	conditional: { light: '#a8690f', dark: '#f2c066' },
	oppose: { light: '#b83a3a', dark: '#f08c8c' }
};

/** Cell and badge backgrounds on screen (`--stance-<s>-bg`). */
export const STANCE_BACKGROUNDS: Record<Stance, ThemedColour> = {
	support: { light: '#e3f2e8', dark: '#1c3326' },
	conditional: { light: '#fbf0dc', dark: '#3a2f17' },
	oppose: { light: '#f9e1e0', dark: '#3d2020' }
};

/** Stance words in text on the page background (`--stance-<s>-text`), AA on both themes. */
export const STANCE_TEXT: Record<Stance, ThemedColour> = {
	support: { light: '#256b43', dark: '#6fcf97' },
	conditional: { light: '#8a5608', dark: '#f2c066' },
	oppose: { light: '#a83232', dark: '#f08c8c' }
};

/** Mixes a `#rrggbb` colour with white; `amount` 0 keeps it, 1 gives white. */
export function tint(hex: string, amount: number): string {
	const channel = (i: number) => {
		const value = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16);
		return Math.round(value + (255 - value) * amount)
			.toString(16)
			.padStart(2, '0');
	};
	return `#${channel(0)}${channel(1)}${channel(2)}`;
}

const TINT = 0.82;

export const CELL_FILL: Record<Stance | 'mixed', string> = {
	support: tint(STANCE_COLOURS.support.light, TINT),
	conditional: tint(STANCE_COLOURS.conditional.light, TINT),
	oppose: tint(STANCE_COLOURS.oppose.light, TINT),
	mixed: '#ececec'
};

/** Full-strength edge colour beside the tint, as in the app's grid. */
export const CELL_EDGE: Record<Stance | 'mixed', string> = {
	support: STANCE_COLOURS.support.light,
	conditional: STANCE_COLOURS.conditional.light,
	oppose: STANCE_COLOURS.oppose.light,
	mixed: '#6b6b6b'
};

export const TEXT_COLOUR = '#1b1f24';
export const MUTED_COLOUR = '#4a5562';
export const HEADER_FILL = '#e8ecf0';
