/**
 * How a stance looks everywhere (grid, panel, charts, exports): a word, a symbol and a colour, so
 * colour is never the only cue. Colours are CSS custom properties themed in `app.css`.
 */
import type { Direction, Stance } from '../scenario/schema';
import { STANCE_COLOURS } from '../view/palette';

export interface StanceLook {
	word: string;
	symbol: string;
	/** Short letter for tight cells and for XLSX, where symbols may not render. */
	letter: string;
	cssVar: string;
	/** Light-theme colour (from the one palette), for exports and charts that cannot read CSS. */
	hex: string;
}

export const STANCE_LOOK: Record<Stance, StanceLook> = {
	support: {
		word: 'Supports',
		symbol: '▲',
		letter: 'S',
		cssVar: '--stance-support',
		hex: STANCE_COLOURS.support.light
	},
	conditional: {
		word: 'Conditional',
		symbol: '◆',
		letter: 'C',
		cssVar: '--stance-conditional',
		hex: STANCE_COLOURS.conditional.light
	},
	oppose: {
		word: 'Opposes',
		symbol: '▼',
		letter: 'O',
		cssVar: '--stance-oppose',
		hex: STANCE_COLOURS.oppose.light
	}
};

export const NOT_ADDRESSED = { word: 'Not addressed', symbol: '·', letter: '' } as const;

/**
 * A cell whose claims the filters hide. Never written as "Not addressed": the commentator did
 * address the option, the reader has chosen not to see it.
 */
export const FILTERED_OUT = { word: 'Filtered out', symbol: '∅', letter: '' } as const;

export const DIRECTION_LOOK: Record<Direction, { word: string; symbol: string }> = {
	helps: { word: 'helps', symbol: '↑' },
	hurts: { word: 'hurts', symbol: '↓' },
	unclear: { word: 'unclear', symbol: '?' }
};

/** "2025-09-10 (inferred)" style, so an inferred date is never shown as if it were printed. */
export function dateLabel(date: string, inferred: boolean): string {
	return inferred ? `${date} (inferred)` : date;
}
