import { describe, expect, it } from 'vitest';
import {
	agreementText,
	listText,
	round4,
	shortNumber,
	truncate,
	wrapLabel
} from '../../src/lib/charts/format';
import {
	CELL_TEXT,
	contrastRatio,
	HEAT_PALETTE,
	heatColor,
	mix,
	parseColor,
	PLAIN_LIGHT_THEME,
	textOn
} from '../../src/lib/charts/theme';

describe('chart number and label text', () => {
	it('prints agreement exactly as the CLI does', () => {
		expect(round4(17 / 18)).toBe(0.9444);
		expect(round4(-1 / 3)).toBe(-0.3333);
		expect(Object.is(round4(-0.00001), 0)).toBe(true);
		expect(agreementText(17 / 18)).toBe('0.9444');
		expect(agreementText(0.25)).toBe('0.25');
		expect(agreementText(null)).toBe('no shared options');
		expect(agreementText(null, '–')).toBe('–');
	});

	it('writes short numbers with a real minus sign and no "−0.00"', () => {
		expect(shortNumber(-0.4)).toBe('−0.40');
		expect(shortNumber(0.5)).toBe('0.50');
		expect(shortNumber(-0.001)).toBe('0.00');
	});

	it('wraps labels on word boundaries and cuts with an ellipsis', () => {
		expect(wrapLabel('A European reassurance force or security guarantees', 20)).toEqual([
			'A European',
			'reassurance force or',
			'security guarantees'
		]);
		expect(wrapLabel('one two three four five six', 7, 2)).toEqual(['one two', 'three…']);
		expect(wrapLabel('one two seventh four', 7, 2)).toEqual(['one two', 'sevent…']);
		expect(wrapLabel('short', 20)).toEqual(['short']);
		expect(truncate('abcdefgh', 5)).toBe('abcd…');
		expect(truncate('abc', 5)).toBe('abc');
	});

	it('lists names in prose', () => {
		expect(listText([])).toBe('');
		expect(listText(['Ann'])).toBe('Ann');
		expect(listText(['Ann', 'Bob', 'Cat'])).toBe('Ann, Bob and Cat');
	});
});

describe('chart colours', () => {
	it('parses the colour forms getComputedStyle and the palette use', () => {
		expect(parseColor('#1f5fa8')).toEqual([31, 95, 168]);
		expect(parseColor('#fff')).toEqual([255, 255, 255]);
		expect(parseColor('rgb(46, 125, 79)')).toEqual([46, 125, 79]);
		expect(parseColor('rgba(1, 2, 3, 0.5)')).toEqual([1, 2, 3]);
		expect(parseColor('rgb(1 2 3 / 50%)')).toEqual([1, 2, 3]);
		expect(parseColor('light-dark(#fff, #000)')).toBeNull();
	});

	it('mixes and scales agreement from low through mid to high', () => {
		expect(mix('#000000', '#ffffff', 0.5)).toBe('rgb(128, 128, 128)');
		const t = PLAIN_LIGHT_THEME;
		expect(heatColor(t, 0)).toBe('rgb(194, 87, 26)'); // heatLow #c2571a
		expect(heatColor(t, 0.5)).toBe('rgb(244, 246, 248)'); // heatMid #f4f6f8
		expect(heatColor(t, 1)).toBe('rgb(31, 95, 168)'); // heatHigh #1f5fa8
	});

	it('picks the text colour with the higher contrast: at least 4.5:1 anywhere on the heat scale', () => {
		expect(textOn('#ffffff')).toBe('#1b1f24');
		expect(textOn('#1f5fa8')).toBe('#ffffff');
		for (const palette of [HEAT_PALETTE.light, HEAT_PALETTE.dark]) {
			const theme = {
				...PLAIN_LIGHT_THEME,
				heatLow: palette.low,
				heatMid: palette.mid,
				heatHigh: palette.high
			};
			for (let i = 0; i <= 200; i++) {
				const fill = heatColor(theme, i / 200);
				const text = textOn(fill, CELL_TEXT.dark, CELL_TEXT.light);
				expect(contrastRatio(fill, text)).toBeGreaterThanOrEqual(4.5);
			}
		}
	});
});
