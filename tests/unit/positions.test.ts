import { describe, expect, it } from 'vitest';
import { positions } from '../../src/lib/analysis/positions';
import { basic, scenario } from './analysis-fixture';

describe('positions', () => {
	it('gives one position per commentator and option, options first, with the claims behind it', () => {
		const result = positions(basic);
		expect(result.map((p) => `${p.option}/${p.commentator}`)).toEqual([
			'sanctions/ann',
			'sanctions/bob',
			'sanctions/cat',
			'talks/ann',
			'talks/bob',
			'arms/bob',
			'arms/cat'
		]);
		expect(result[0]).toEqual({
			option: 'sanctions',
			commentator: 'ann',
			score: 1,
			stance: 'support',
			mixed: false,
			stances: ['support'],
			counts: { support: 1, conditional: 0, oppose: 0 },
			claims: ['c1']
		});
	});

	it('combines several claims: mean score, stance by its sign, and the mix recorded', () => {
		const ann = positions(basic).find((p) => p.option === 'talks' && p.commentator === 'ann');
		expect(ann).toEqual({
			option: 'talks',
			commentator: 'ann',
			score: 0,
			stance: 'conditional',
			mixed: true,
			stances: ['support', 'oppose'],
			counts: { support: 1, conditional: 0, oppose: 1 },
			claims: ['c4', 'c5']
		});

		const leaning = scenario(
			['x'],
			[['p', 'P']],
			[
				['k1', 'x', 'p', 'support'],
				['k2', 'x', 'p', 'conditional']
			]
		);
		expect(positions(leaning)[0]).toMatchObject({ score: 0.5, stance: 'support', mixed: true });

		const againstMostly = scenario(
			['x'],
			[['p', 'P']],
			[
				['k1', 'x', 'p', 'support'],
				['k2', 'x', 'p', 'oppose'],
				['k3', 'x', 'p', 'oppose']
			]
		);
		const [against] = positions(againstMostly);
		expect(against?.score).toBeCloseTo(-1 / 3, 12);
		expect(against).toMatchObject({ stance: 'oppose', mixed: true });
	});

	it('is not mixed when repeated claims share a stance', () => {
		const repeated = scenario(
			['x'],
			[['p', 'P']],
			[
				['k1', 'x', 'p', 'oppose'],
				['k2', 'x', 'p', 'oppose']
			]
		);
		expect(positions(repeated)[0]).toMatchObject({ score: -1, mixed: false, claims: ['k1', 'k2'] });
	});
});
