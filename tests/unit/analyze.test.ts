import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/lib/analysis/analyze';
import { contradictions } from '../../src/lib/analysis/contradictions';
import { pairStats } from '../../src/lib/analysis/pairs';
import { basic, scenario } from './analysis-fixture';

describe('analyze', () => {
	it('prints the CLI shape: options by contestedness, 4 dp, camps as id lists', () => {
		const result = analyze(basic);
		expect(result.options).toEqual([
			{
				id: 'sanctions',
				label: 'Sanctions',
				n: 3,
				support: 2,
				conditional: 0,
				oppose: 1,
				mixed: 0,
				not_addressed: 1,
				agreement: -0.3333
			},
			{
				id: 'arms',
				label: 'Arms',
				n: 2,
				support: 0,
				conditional: 0,
				oppose: 2,
				mixed: 0,
				not_addressed: 2,
				agreement: 1
			},
			{
				id: 'talks',
				label: 'Talks',
				n: 2,
				support: 0,
				conditional: 2,
				oppose: 0,
				mixed: 1,
				not_addressed: 2,
				agreement: 1
			}
		]);
		expect(result.pairs).toEqual(pairStats(basic));
		expect(result.camps).toEqual([['ann', 'bob'], ['dan'], ['cat']]);
		expect(result.contradictions).toEqual(contradictions(basic));
		expect(JSON.parse(JSON.stringify(result))).toEqual(result);
	});

	it('rounds pair agreement to 4 dp too', () => {
		const s = scenario(
			['x', 'y', 'z'],
			[
				['p', 'P'],
				['q', 'Q']
			],
			[
				['k1', 'x', 'p', 'support'],
				['k2', 'x', 'q', 'support'],
				['k3', 'y', 'p', 'support'],
				['k4', 'y', 'q', 'support'],
				['k5', 'z', 'p', 'support'],
				['k6', 'z', 'q', 'conditional']
			]
		);
		expect(pairStats(s)[0]?.agreement).toBeCloseTo(2.5 / 3, 12);
		expect(analyze(s).pairs[0]?.agreement).toBe(0.8333);
	});
});
