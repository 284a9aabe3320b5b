/**
 * Pair agreement (brief §4): for two commentators, the mean of 1 - |s_i - s_j| / 2 over the options
 * both address, with that overlap n; no shared options is null, never 0.
 */
import type { Claim, Scenario } from '../scenario/schema';
import { buildGrid, type Grid } from './scope';

export interface PairStat {
	a: string;
	b: string;
	/** Options both address. */
	n: number;
	/** Mean of 1 - |s_a - s_b| / 2 over the shared options; null ("no shared options") when n = 0. */
	agreement: number | null;
}

/** Shared-option counts and summed agreement for every pair a < b, at a * C + b. */
export interface PairTotals {
	size: number;
	shared: Int32Array;
	sum: Float64Array;
}

export function pairTotalsOf(grid: Grid): PairTotals {
	const columns = grid.commentators.length;
	const shared = new Int32Array(columns * columns);
	const sum = new Float64Array(columns * columns);
	const addressing = new Int32Array(columns);
	const scores = new Float64Array(columns);
	// Option by option, only over the commentators who address it: the work is the sum of n^2 over
	// options rather than C^2 times the number of options.
	for (let o = 0; o < grid.options.length; o++) {
		let count = 0;
		for (let c = 0; c < columns; c++) {
			const cell = o * columns + c;
			const supportCount = grid.support[cell]!;
			const opposeCount = grid.oppose[cell]!;
			const total = supportCount + grid.conditional[cell]! + opposeCount;
			if (total === 0) continue;
			addressing[count] = c;
			scores[count] = (supportCount - opposeCount) / total;
			count++;
		}
		for (let x = 0; x < count; x++) {
			const row = addressing[x]! * columns;
			const score = scores[x]!;
			for (let y = x + 1; y < count; y++) {
				const at = row + addressing[y]!;
				shared[at]! += 1;
				sum[at]! += 1 - Math.abs(score - scores[y]!) / 2;
			}
		}
	}
	return { size: columns, shared, sum };
}

export function pairAgreement(totals: PairTotals, a: number, b: number): number | null {
	const at = a < b ? a * totals.size + b : b * totals.size + a;
	const shared = totals.shared[at]!;
	return shared === 0 ? null : totals.sum[at]! / shared;
}

export function pairStatsOf(
	grid: Grid,
	totals: PairTotals,
	present: (value: number | null) => number | null = (value) => value
): PairStat[] {
	const result: PairStat[] = [];
	const ids = grid.commentators.map((c) => c.id);
	for (let a = 0; a < ids.length; a++) {
		for (let b = a + 1; b < ids.length; b++) {
			result.push({
				a: ids[a]!,
				b: ids[b]!,
				n: totals.shared[a * totals.size + b]!,
				agreement: present(pairAgreement(totals, a, b))
			});
		}
	}
	return result;
}

/** Every pair of commentators in scope, a before b in scenario order. */
export function pairStats(
	scenario: Scenario,
	claims?: readonly Claim[],
	commentators?: readonly string[]
): PairStat[] {
	const grid = buildGrid(scenario, claims, commentators);
	return pairStatsOf(grid, pairTotalsOf(grid));
}
