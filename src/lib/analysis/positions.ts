/**
 * Positions (brief §4): one per commentator and option, combining the commentator's claims on it.
 * Stance score: support = +1, conditional = 0, oppose = -1.
 */
import type { Claim, Scenario, Stance } from '../scenario/schema';
import { buildGrid, type Grid } from './scope';

export const STANCE_SCORE: Readonly<Record<Stance, number>> = {
	support: 1,
	conditional: 0,
	oppose: -1
};

export interface StanceCounts {
	support: number;
	conditional: number;
	oppose: number;
}

/** One commentator's combined position on one option. */
export interface Position {
	option: string;
	commentator: string;
	/** Mean of the claims' stance scores, in [-1, 1]. */
	score: number;
	/** The combined stance, by the sign of the mean: > 0 support, < 0 oppose, 0 conditional. */
	stance: Stance;
	/** True when the claims behind the position do not all have the same stance. */
	mixed: boolean;
	/** The stance of each claim, in claim order. */
	stances: Stance[];
	counts: StanceCounts;
	/** Ids of the claims behind the position, in claim order. */
	claims: string[];
}

/** The stance of a cell's claims combined, by the sign of support minus oppose. */
export function combinedStance(supportCount: number, opposeCount: number): Stance {
	if (supportCount > opposeCount) return 'support';
	if (supportCount < opposeCount) return 'oppose';
	return 'conditional';
}

/** True when a cell's claims hold more than one stance. */
export function isMixed(grid: Grid, cell: number): boolean {
	const kinds =
		(grid.support[cell]! > 0 ? 1 : 0) +
		(grid.conditional[cell]! > 0 ? 1 : 0) +
		(grid.oppose[cell]! > 0 ? 1 : 0);
	return kinds > 1;
}

/** One position per (option, commentator) with at least one claim, options first, scenario order. */
export function positions(
	scenario: Scenario,
	claims?: readonly Claim[],
	commentators?: readonly string[]
): Position[] {
	const grid = buildGrid(scenario, claims, commentators);
	const claimsByCell = new Map<number, Claim[]>();
	grid.claims.forEach((claim, i) => {
		const cell = grid.cellOf[i]!;
		const list = claimsByCell.get(cell);
		if (list) list.push(claim);
		else claimsByCell.set(cell, [claim]);
	});
	const columns = grid.commentators.length;
	const result: Position[] = [];
	for (const cell of [...claimsByCell.keys()].sort((x, y) => x - y)) {
		const cellClaims = claimsByCell.get(cell)!;
		const counts: StanceCounts = {
			support: grid.support[cell]!,
			conditional: grid.conditional[cell]!,
			oppose: grid.oppose[cell]!
		};
		result.push({
			option: grid.options[Math.floor(cell / columns)]!.id,
			commentator: grid.commentators[cell % columns]!.id,
			score: (counts.support - counts.oppose) / cellClaims.length,
			stance: combinedStance(counts.support, counts.oppose),
			mixed: isMixed(grid, cell),
			stances: cellClaims.map((claim) => claim.stance),
			counts,
			claims: cellClaims.map((claim) => claim.id)
		});
	}
	return result;
}
