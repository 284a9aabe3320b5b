import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { averageLinkage, type Dendrogram } from '../../src/lib/analysis/linkage';

/** UPGMA by its definition (mean of member-pair distances), merging the closest pair each time. */
function naiveAverageLinkage(distance: Float64Array, n: number): Array<[string, number]> {
	const clusters = Array.from({ length: n }, (_, i) => [i]);
	const merges: Array<[string, number]> = [];
	while (clusters.length > 1) {
		let best: [number, number, number] = [0, 1, Infinity];
		for (let x = 0; x < clusters.length; x++) {
			for (let y = x + 1; y < clusters.length; y++) {
				let sum = 0;
				for (const i of clusters[x]!) for (const j of clusters[y]!) sum += distance[i * n + j]!;
				const mean = sum / (clusters[x]!.length * clusters[y]!.length);
				if (mean < best[2]) best = [x, y, mean];
			}
		}
		const merged = [...clusters[best[0]]!, ...clusters[best[1]]!].sort((a, b) => a - b);
		merges.push([merged.join(','), best[2]]);
		clusters.splice(best[1], 1);
		clusters[best[0]] = merged;
	}
	return merges;
}

function mergesOf(tree: Dendrogram): Array<[string, number]> {
	const members: number[][] = Array.from({ length: tree.leaves }, (_, i) => [i]);
	return Array.from(tree.height, (height, i) => {
		const merged = [...members[tree.left[i]!]!, ...members[tree.right[i]!]!].sort((a, b) => a - b);
		members.push(merged);
		return [merged.join(','), height];
	});
}
describe('averageLinkage', () => {
	it('nearest-neighbour-chain average linkage builds the same tree as naive UPGMA', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 1, max: 9 }).chain((n) =>
					fc.tuple(
						fc.constant(n),
						fc.uniqueArray(fc.integer({ min: 1, max: 1_000_000 }), {
							minLength: (n * (n - 1)) / 2,
							maxLength: (n * (n - 1)) / 2
						})
					)
				),
				([n, values]) => {
					const distance = new Float64Array(n * n);
					let next = 0;
					for (let a = 0; a < n; a++) {
						for (let b = a + 1; b < n; b++) {
							const d = values[next++]! / 1_000_000;
							distance[a * n + b] = d;
							distance[b * n + a] = d;
						}
					}
					const expected = naiveAverageLinkage(distance, n);
					const actual = mergesOf(averageLinkage(distance.slice(), n));
					const expectedHeights = new Map(expected);
					expect(actual.map(([members]) => members).sort()).toEqual(
						[...expectedHeights.keys()].sort()
					);
					for (const [members, height] of actual) {
						expect(height).toBeCloseTo(expectedHeights.get(members) ?? NaN, 9);
					}
				}
			)
		);
	});
});
