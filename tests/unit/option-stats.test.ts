import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { optionStats, rankOptions } from '../../src/lib/analysis/option-stats';
import { basic, byId, randomScenario, scenario } from './analysis-fixture';

describe('optionStats and rankOptions', () => {
	it('counts stances, mixed, not addressed, n and A per option', () => {
		const stats = optionStats(basic);
		expect(stats.map((s) => s.id)).toEqual(['sanctions', 'talks', 'arms']);

		const sanctions = byId(stats, 'sanctions');
		expect(sanctions).toMatchObject({
			n: 3,
			support: 2,
			conditional: 0,
			oppose: 1,
			mixed: 0,
			not_addressed: 1
		});
		// (oppose, conditional, support) = (1, 0, 2): 101 on 2/3 (-1), then 001 on 1/3 (1).
		expect(sanctions.agreement).toBeCloseTo(-1 / 3, 12);
		expect(sanctions.who).toEqual({
			support: ['ann', 'bob'],
			conditional: [],
			oppose: ['cat'],
			mixed: [],
			not_addressed: ['dan']
		});

		// Ann's support + oppose averages to 0: counted as conditional, and as mixed.
		expect(byId(stats, 'talks')).toMatchObject({
			n: 2,
			support: 0,
			conditional: 2,
			oppose: 0,
			mixed: 1,
			not_addressed: 2,
			agreement: 1
		});
		expect(byId(stats, 'talks').who.mixed).toEqual(['ann']);
		expect(byId(stats, 'arms')).toMatchObject({ n: 2, oppose: 2, not_addressed: 2, agreement: 1 });
	});

	it('gives A = null, not 0, to an option nobody addresses', () => {
		const quiet = scenario(['x', 'y'], [['p', 'P']], [['k1', 'x', 'p', 'support']]);
		expect(byId(optionStats(quiet), 'y')).toMatchObject({
			n: 0,
			not_addressed: 1,
			agreement: null
		});
	});

	it('gives A = -1 for a perfect split and 1 when all agree', () => {
		const split = scenario(
			['x'],
			[
				['p', 'P'],
				['q', 'Q'],
				['r', 'R'],
				['s', 'S']
			],
			[
				['k1', 'x', 'p', 'support'],
				['k2', 'x', 'q', 'oppose'],
				['k3', 'x', 'r', 'support'],
				['k4', 'x', 's', 'oppose']
			]
		);
		expect(optionStats(split)[0]?.agreement).toBe(-1);
		const unanimous = scenario(
			['x'],
			[
				['p', 'P'],
				['q', 'Q']
			],
			[
				['k1', 'x', 'p', 'conditional'],
				['k2', 'x', 'q', 'conditional']
			]
		);
		expect(optionStats(unanimous)[0]?.agreement).toBe(1);
	});

	it('ranks most contested first; ties by n descending, then label; unaddressed last', () => {
		const ranked = rankOptions(optionStats(basic)).map((s) => s.id);
		// Sanctions (-1/3), then Arms and Talks (both 1, both n = 2) by label.
		expect(ranked).toEqual(['sanctions', 'arms', 'talks']);

		const stat = (id: string, agreement: number | null, n: number, label = id) => ({
			id,
			label,
			n,
			agreement
		});
		expect(
			rankOptions([
				stat('none', null, 0),
				stat('b', 0.5, 2),
				stat('a', 0.5, 2),
				stat('wide', 0.5, 9),
				stat('low', -0.2, 1)
			]).map((s) => s.id)
		).toEqual(['low', 'wide', 'a', 'b', 'none']);
	});
});

describe('properties', () => {
	it('option counts add up: support + conditional + oppose = n, n + not addressed = scope', () => {
		fc.assert(
			fc.property(randomScenario, (s) => {
				for (const stat of optionStats(s)) {
					expect(stat.support + stat.conditional + stat.oppose).toBe(stat.n);
					expect(stat.n + stat.not_addressed).toBe(s.commentators.length);
					expect(stat.mixed).toBeLessThanOrEqual(stat.n);
					expect(stat.agreement === null).toBe(stat.n === 0);
				}
			})
		);
	});
});
