/**
 * Hierarchical clustering with average linkage (UPGMA) over a distance matrix, and cutting the
 * tree: the algorithm behind the camps, with no knowledge of commentators.
 */

/**
 * A dendrogram: leaves 0..n-1; merge i is node n + i, with its children and (monotone) height.
 */
export interface Dendrogram {
	leaves: number;
	left: Int32Array;
	right: Int32Array;
	height: Float64Array;
}

/**
 * Average-linkage (UPGMA) clustering by the nearest-neighbour chain: O(n^2) time on the full,
 * symmetric, row-major n x n distance matrix, which it overwrites. Average linkage is reducible, so merging reciprocal
 * nearest neighbours as the chain finds them yields the same hierarchy as the naive O(n^3)
 * "merge the closest pair" loop. Ties go to the previous chain element (needed for the chain to
 * terminate), else to the lowest index, so equal inputs give equal trees.
 */
export function averageLinkage(distance: Float64Array, n: number): Dendrogram {
	const merges = Math.max(n - 1, 0);
	const left = new Int32Array(merges);
	const right = new Int32Array(merges);
	const height = new Float64Array(merges);
	const active = new Uint8Array(n).fill(1);
	const size = new Float64Array(n).fill(1);
	// A cluster lives in the slot of its lowest member, so the slot's index is also the member
	// first in scenario order.
	const nodeOf = Int32Array.from({ length: n }, (_, i) => i);
	const formedAt = new Float64Array(n);
	const chain = new Int32Array(n);
	let chainLength = 0;
	for (let merge = 0; merge < merges; merge++) {
		if (chainLength === 0) chain[chainLength++] = active.indexOf(1);
		let x: number;
		let nearest: number;
		let nearestDistance: number;
		for (;;) {
			x = chain[chainLength - 1]!;
			nearest = chainLength > 1 ? chain[chainLength - 2]! : -1;
			nearestDistance = nearest >= 0 ? distance[x * n + nearest]! : Infinity;
			const row = x * n;
			for (let y = 0; y < n; y++) {
				if (y === x || active[y] === 0) continue;
				const d = distance[row + y]!;
				if (d < nearestDistance) {
					nearest = y;
					nearestDistance = d;
				}
			}
			if (chainLength > 1 && nearest === chain[chainLength - 2]) break;
			chain[chainLength++] = nearest;
		}
		chainLength -= 2;
		const kept = Math.min(x, nearest);
		const gone = Math.max(x, nearest);
		const keptSize = size[kept]!;
		const goneSize = size[gone]!;
		for (let k = 0; k < n; k++) {
			if (active[k] === 0 || k === kept || k === gone) continue;
			const merged =
				(keptSize * distance[kept * n + k]! + goneSize * distance[gone * n + k]!) /
				(keptSize + goneSize);
			distance[kept * n + k] = merged;
			distance[k * n + kept] = merged;
		}
		active[gone] = 0;
		size[kept] = keptSize + goneSize;
		left[merge] = nodeOf[kept]!;
		right[merge] = nodeOf[gone]!;
		// Average linkage never merges below its children; rounding in the update could, by an ulp,
		// and the cut relies on heights rising towards the root.
		const at = Math.max(nearestDistance, formedAt[kept]!, formedAt[gone]!);
		height[merge] = at;
		formedAt[kept] = at;
		nodeOf[kept] = n + merge;
	}
	return { leaves: n, left, right, height };
}

/** Leaves under `node`, left subtree first. */
function leavesUnder(tree: Dendrogram, node: number, into: number[]): void {
	const stack = [node];
	while (stack.length > 0) {
		const current = stack.pop()!;
		if (current < tree.leaves) {
			into.push(current);
			continue;
		}
		stack.push(tree.right[current - tree.leaves]!, tree.left[current - tree.leaves]!);
	}
}

/** The subtrees that hang below the cut, in leaf order. */
export function blocksBelow(tree: Dendrogram, cut: number): number[][] {
	if (tree.leaves === 0) return [];
	const blocks: number[][] = [];
	const stack = [2 * tree.leaves - 2];
	while (stack.length > 0) {
		const node = stack.pop()!;
		if (node < tree.leaves || tree.height[node - tree.leaves]! < cut) {
			const members: number[] = [];
			leavesUnder(tree, node, members);
			blocks.push(members);
			continue;
		}
		stack.push(tree.right[node - tree.leaves]!, tree.left[node - tree.leaves]!);
	}
	return blocks;
}
