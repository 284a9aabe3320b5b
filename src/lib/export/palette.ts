/**
 * Cell fills for exports (XLSX, clipboard HTML, print): light tints of the stance colours, so dark
 * text on them stays readable (WCAG AA) while the hue still says which stance it is. The stance
 * word and symbol are always in the cell too, so the colour is never the only cue.
 */
import { STANCE_LOOK } from '../present/stance';
import type { Stance } from '../scenario/schema';

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
	support: tint(STANCE_LOOK.support.hex, TINT),
	conditional: tint(STANCE_LOOK.conditional.hex, TINT),
	oppose: tint(STANCE_LOOK.oppose.hex, TINT),
	mixed: '#ececec'
};

/** Full-strength edge colour beside the tint, as in the app's grid. */
export const CELL_EDGE: Record<Stance | 'mixed', string> = {
	support: STANCE_LOOK.support.hex,
	conditional: STANCE_LOOK.conditional.hex,
	oppose: STANCE_LOOK.oppose.hex,
	mixed: '#6b6b6b'
};

export const TEXT_COLOUR = '#1b1f24';
export const MUTED_COLOUR = '#4a5562';
export const HEADER_FILL = '#e8ecf0';
