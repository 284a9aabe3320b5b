/** The decision weights in the address: read and written in the one text every page shares. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatWeights, parseWeights } from '../../src/lib/analysis/decision-weights';
import type { Dimension } from '../../src/lib/scenario/schema';
import { searchWithWeights, weightsFromSearch, weightsIn } from '../../src/lib/view/weights-param';

const dims: Dimension[] = [
	{ id: 'cost', label: 'Cost', goal: 'keeps costs down' },
	{ id: 'safety', label: 'Safety', goal: 'keeps people safe' }
];

describe('weights in the address', () => {
	it('none given is null; a bad one is refused, named; a good one is read', () => {
		expect(weightsFromSearch('view=matrix', dims)).toBeNull();
		expect(weightsFromSearch('w=speed%3D2', dims)).toEqual({
			ok: false,
			error: 'weight for "speed": the scenario has no such dimension (it has: cost, safety)'
		});
		expect(weightsFromSearch('view=position&w=cost%3D2%2Csafety%3D0', dims)).toEqual({
			ok: true,
			weights: { cost: 2, safety: 0 }
		});
		expect(weightsIn('w=cost%3Dx', dims)).toEqual({});
	});

	it('equal weights leave no trace; the workspace state stays first', () => {
		expect(searchWithWeights('view=position', '')).toBe('view=position');
		expect(searchWithWeights('', 'cost=2')).toBe('w=cost%3D2');
		expect(searchWithWeights('view=position', 'cost=2,safety=0.5')).toBe(
			'view=position&w=cost%3D2%2Csafety%3D0.5'
		);
	});

	it('round trip: what is written is read back as the same weights', () => {
		const weight = fc.oneof(
			fc.integer({ min: 0, max: 1000 }),
			fc.double({ min: 0, max: 1000, noNaN: true })
		);
		fc.assert(
			fc.property(weight, weight, (cost, safety) => {
				const weights = { cost, safety };
				const search = searchWithWeights('view=matrix', formatWeights(dims, weights));
				const read = weightsFromSearch(search, dims) ?? parseWeights('', dims);
				expect(read).toEqual({
					ok: true,
					weights: Object.fromEntries(Object.entries(weights).filter(([, w]) => w !== 1))
				});
			})
		);
	});
});
