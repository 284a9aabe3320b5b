/**
 * One palette: app.css declares the stance colours the screen uses as CSS custom properties; they
 * must be the values of `view/palette.ts`, which the charts, PNGs, print and exports read.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { STANCE_LOOK } from '../../src/lib/present/stance';
import { STANCES } from '../../src/lib/scenario/schema';
import {
	CELL_EDGE,
	STANCE_BACKGROUNDS,
	STANCE_COLOURS,
	STANCE_TEXT,
	type ThemedColour
} from '../../src/lib/view/palette';

const css = readFileSync('src/app.css', 'utf8');

function declared(name: string): ThemedColour {
	const match = new RegExp(
		`${name}:\\s*light-dark\\((#[0-9a-f]{6}),\\s*(#[0-9a-f]{6})\\)`,
		'i'
	).exec(css);
	if (!match) throw new Error(`app.css does not declare ${name} as light-dark(#…, #…)`);
	return { light: match[1]!.toLowerCase(), dark: match[2]!.toLowerCase() };
}

describe('one palette for screen, charts, print and exports', () => {
	it.each(STANCES)('%s: app.css declares the palette’s colours', (stance) => {
		expect(declared(`--stance-${stance}`)).toEqual(STANCE_COLOURS[stance]);
		expect(declared(`--stance-${stance}-bg`)).toEqual(STANCE_BACKGROUNDS[stance]);
		expect(declared(`--stance-${stance}-text`)).toEqual(STANCE_TEXT[stance]);
	});

	it.each(STANCES)('%s: the grid, charts and exports use the same colour', (stance) => {
		expect(STANCE_LOOK[stance].hex).toBe(STANCE_COLOURS[stance].light);
		expect(CELL_EDGE[stance]).toBe(STANCE_COLOURS[stance].light);
	});

	it('no stance colour is written out anywhere else in the app', () => {
		// The brief once printed conditional in a third colour; it now reads the CSS variables.
		const brief = readFileSync('src/routes/(workspace)/brief/+page.svelte', 'utf8');
		for (const stance of STANCES) expect(brief).not.toContain(STANCE_COLOURS[stance].light);
	});
});
