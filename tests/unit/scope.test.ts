import { describe, expect, it } from 'vitest';
import { optionStats } from '../../src/lib/analysis/option-stats';
import { pairStats } from '../../src/lib/analysis/pairs';
import { basic, byId } from './analysis-fixture';

describe('filtered views', () => {
	it('scopes commentators to those with a claim in the subset, unless told', () => {
		const onSanctions = basic.claims.filter((c) => c.option === 'sanctions');
		expect(byId(optionStats(basic, onSanctions), 'talks')).toMatchObject({
			n: 0,
			not_addressed: 3,
			agreement: null
		});
		expect(pairStats(basic, onSanctions).map((p) => `${p.a}-${p.b}`)).toEqual([
			'ann-bob',
			'ann-cat',
			'bob-cat'
		]);
		// An explicit scope counts a silent commentator as not addressing, and drops the others.
		expect(byId(optionStats(basic, onSanctions, ['ann', 'dan']), 'sanctions')).toMatchObject({
			n: 1,
			support: 1,
			not_addressed: 1
		});
	});

	it('ignores claims that point at unknown options or commentators', () => {
		const stray = [
			...basic.claims,
			{ ...basic.claims[0]!, id: 'stray-1', option: 'nowhere' },
			{ ...basic.claims[0]!, id: 'stray-2', commentator: 'nobody' }
		];
		expect(optionStats(basic, stray, ['ann', 'bob', 'cat', 'dan'])).toEqual(optionStats(basic));
	});
});
