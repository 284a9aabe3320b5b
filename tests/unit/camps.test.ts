import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CAMP_CUT, camps } from '../../src/lib/analysis/camps';
import { basic, randomScenario, scenario, type ClaimRow } from './analysis-fixture';

describe('camps', () => {
	it('orders commentators by agreement and names the blocks below the cut', () => {
		// Distances: ann-bob 0, ann-cat 1, bob-cat 0.5, Dan 0.5 (no overlap) to everyone.
		// Ann + Bob merge at 0; then {Ann, Bob}-Dan (0.5) ties Cat-Dan and wins on the lower
		// index; Cat joins last at (2 * 0.75 + 0.5) / 3. Only the first merge is below 0.5.
		const result = camps(basic);
		expect(result.order).toEqual(['ann', 'bob', 'dan', 'cat']);
		expect(result.blocks).toEqual([
			{ id: 'camp-ann', members: ['ann', 'bob'], name: 'Ann Analyst · Bob Official', agreement: 1 },
			{ id: 'camp-dan', members: ['dan'], name: 'Dan Outlet', agreement: null },
			{ id: 'camp-cat', members: ['cat'], name: 'Cat Journalist', agreement: null }
		]);
	});

	it('puts each side of a perfect split in its own camp', () => {
		const split = scenario(
			['x', 'y'],
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
				['k4', 'x', 's', 'oppose'],
				['k5', 'y', 'q', 'support'],
				['k6', 'y', 's', 'support']
			]
		);
		const result = camps(split);
		expect(result.order).toEqual(['p', 'r', 'q', 's']);
		expect(result.blocks.map((b) => b.members)).toEqual([
			['p', 'r'],
			['q', 's']
		]);
		expect(result.blocks.map((b) => b.agreement)).toEqual([1, 1]);
	});

	it('makes one camp when all agree, and shortens long names', () => {
		const people: Array<[string, string]> = ['a', 'b', 'c', 'd', 'e'].map((id) => [
			id,
			`Person ${id.toUpperCase()}`
		]);
		const rows = people.map(([id]): ClaimRow => [`k-${id}`, 'x', id, 'support']);
		const result = camps(scenario(['x'], people, rows));
		expect(result.blocks).toEqual([
			{
				id: 'camp-a',
				members: ['a', 'b', 'c', 'd', 'e'],
				name: 'Person A · Person B · Person C +2 more',
				agreement: 1
			}
		]);
	});

	it('keeps commentators who share no option apart (0.5 is not below the cut)', () => {
		expect(CAMP_CUT).toBe(0.5);
		const apart = scenario(
			['x', 'y'],
			[
				['p', 'P'],
				['q', 'Q']
			],
			[
				['k1', 'x', 'p', 'support'],
				['k2', 'y', 'q', 'support']
			]
		);
		expect(camps(apart).blocks.map((b) => b.members)).toEqual([['p'], ['q']]);
	});

	it('handles one commentator and an empty scope', () => {
		const alone = scenario(['x'], [['p', 'P']], []);
		expect(camps(alone)).toEqual({
			order: ['p'],
			blocks: [{ id: 'camp-p', members: ['p'], name: 'P', agreement: null }]
		});
		expect(camps(basic, [])).toEqual({ order: [], blocks: [] });
	});
});

describe('properties', () => {
	it('camps order is a permutation of the commentators, cut into contiguous blocks', () => {
		fc.assert(
			fc.property(randomScenario, (s) => {
				const result = camps(s);
				expect([...result.order].sort()).toEqual(s.commentators.map((c) => c.id).sort());
				expect(result.blocks.flatMap((b) => b.members)).toEqual(result.order);
				for (const block of result.blocks) {
					expect(block.id).toBe(`camp-${block.members[0]}`);
					if (block.members.length === 1) expect(block.agreement).toBeNull();
				}
				expect(camps(s)).toEqual(result);
			})
		);
	});
});
