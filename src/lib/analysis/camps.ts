/**
 * Camps (brief §4): commentators ordered so that those who agree sit together, by average-linkage
 * clustering on 1 - pair agreement, and the blocks below a cut, named by their members.
 */
import type { Claim, Scenario } from '../scenario/schema';
import { averageLinkage, blocksBelow } from './linkage';
import { pairAgreement, pairTotalsOf, type PairTotals } from './pairs';
import { buildGrid, type Grid } from './scope';

/**
 * Distance used for clustering a pair of commentators who share no option. Treating it as missing
 * would leave average linkage undefined between clusters with no overlap at all, and would let a
 * single shared option decide a merge on its own. 0.5 is neutral on the 0..1 distance scale and
 * sits exactly on the cut ({@link CAMP_CUT}), so a pair with no evidence never creates a camp by
 * itself; it only dilutes the average of clusters that do share evidence.
 */
export const NO_OVERLAP_DISTANCE = 0.5;

/**
 * Camps are the clusters whose average distance is below 0.5, i.e. whose members agree on
 * average more than 0.5 (pair agreement 0.5 is "one step apart", support vs conditional, on every
 * shared option). Strictly below, so neutral no-overlap pairs cannot form a camp.
 */
export const CAMP_CUT = 0.5;

export interface Camp {
	/** `camp-` + the id of the member first in scenario order: stable while that member stays. */
	id: string;
	/** Commentator ids, in leaf order. */
	members: string[];
	/** Member names joined with " · ", the first three and "+N more". */
	name: string;
	/** Mean agreement over member pairs that share an option; null when none do. */
	agreement: number | null;
}

export interface Camps {
	/** Every commentator in scope, ordered so that those who agree sit together. */
	order: string[];
	/** Contiguous runs of `order`. */
	blocks: Camp[];
}

function campName(names: readonly string[]): string {
	const shown = names.slice(0, 3).join(' · ');
	return names.length > 3 ? `${shown} +${names.length - 3} more` : shown;
}

export function campsOf(grid: Grid, totals: PairTotals): Camps {
	const n = grid.commentators.length;
	const distance = new Float64Array(n * n);
	for (let a = 0; a < n; a++) {
		for (let b = a + 1; b < n; b++) {
			const value = pairAgreement(totals, a, b);
			const d = value === null ? NO_OVERLAP_DISTANCE : 1 - value;
			distance[a * n + b] = d;
			distance[b * n + a] = d;
		}
	}
	const blocks = blocksBelow(averageLinkage(distance, n), CAMP_CUT).map((members): Camp => {
		let sum = 0;
		let pairs = 0;
		for (let x = 0; x < members.length; x++) {
			for (let y = x + 1; y < members.length; y++) {
				const value = pairAgreement(totals, members[x]!, members[y]!);
				if (value === null) continue;
				sum += value;
				pairs++;
			}
		}
		const people = members.map((m) => grid.commentators[m]!);
		return {
			id: `camp-${grid.commentators[Math.min(...members)]!.id}`,
			members: people.map((c) => c.id),
			name: campName(people.map((c) => c.name)),
			agreement: pairs === 0 ? null : sum / pairs
		};
	});
	return { order: blocks.flatMap((block) => block.members), blocks };
}

/**
 * Orders commentators so that those who agree sit together (average-linkage clustering on
 * 1 - pair agreement) and names the blocks below {@link CAMP_CUT}. At each merge the subtree
 * holding the commentator first in scenario order goes first, so the order is deterministic and
 * close to the scenario's where the data does not say otherwise.
 */
export function camps(
	scenario: Scenario,
	claims?: readonly Claim[],
	commentators?: readonly string[]
): Camps {
	const grid = buildGrid(scenario, claims, commentators);
	return campsOf(grid, pairTotalsOf(grid));
}
