/**
 * Per-option statistics (brief §4): counts of support / conditional / oppose / not addressed, n,
 * van der Eijk's agreement A, and the ranking from most contested to most agreed.
 */
import type { Claim, Scenario, Stance } from '../scenario/schema';
import { agreement } from './agreement';
import { combinedStance, isMixed } from './positions';
import { buildGrid, type Grid } from './scope';

export interface OptionStat {
	id: string;
	label: string;
	/** Commentators in scope who address the option. */
	n: number;
	/**
	 * Positions by combined stance (see {@link Position.stance}); they add up to n. A mixed position
	 * is counted once, under its combined stance, and again in `mixed` ("of which mixed"), so the
	 * bars and the agreement index describe the same n positions.
	 */
	support: number;
	conditional: number;
	oppose: number;
	mixed: number;
	/** Commentators in scope with no claim on the option. */
	not_addressed: number;
	/** Van der Eijk's A over (oppose, conditional, support); null when n = 0. */
	agreement: number | null;
	/** Who is behind every number: commentator ids, in scenario order. */
	who: Record<Stance | 'mixed' | 'not_addressed', string[]>;
}

export function optionStatsOf(grid: Grid): OptionStat[] {
	const columns = grid.commentators.length;
	return grid.options.map((option, o) => {
		const who: OptionStat['who'] = {
			support: [],
			conditional: [],
			oppose: [],
			mixed: [],
			not_addressed: []
		};
		for (let c = 0; c < columns; c++) {
			const cell = o * columns + c;
			const id = grid.commentators[c]!.id;
			const supportCount = grid.support[cell]!;
			const opposeCount = grid.oppose[cell]!;
			if (supportCount + grid.conditional[cell]! + opposeCount === 0) {
				who.not_addressed.push(id);
				continue;
			}
			who[combinedStance(supportCount, opposeCount)].push(id);
			if (isMixed(grid, cell)) who.mixed.push(id);
		}
		const n = columns - who.not_addressed.length;
		return {
			id: option.id,
			label: option.label,
			n,
			support: who.support.length,
			conditional: who.conditional.length,
			oppose: who.oppose.length,
			mixed: who.mixed.length,
			not_addressed: who.not_addressed.length,
			agreement:
				n === 0 ? null : agreement([who.oppose.length, who.conditional.length, who.support.length]),
			who
		};
	});
}

/** Per-option counts and agreement, in scenario order; see {@link rankOptions} for the ranking. */
export function optionStats(
	scenario: Scenario,
	claims?: readonly Claim[],
	commentators?: readonly string[]
): OptionStat[] {
	return optionStatsOf(buildGrid(scenario, claims, commentators));
}

function compareCodeUnits(x: string, y: string): number {
	// Not localeCompare: the order must not depend on the machine's locale.
	return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * Most contested (lowest A) to most agreed; ties by n descending (better-evidenced first), then
 * label, then id. Options nobody addresses (A = null) go last: there is nothing to rank.
 */
export function rankOptions<T extends Pick<OptionStat, 'id' | 'label' | 'n' | 'agreement'>>(
	stats: readonly T[]
): T[] {
	return [...stats].sort((x, y) => {
		if (x.agreement !== y.agreement) {
			if (x.agreement === null) return 1;
			if (y.agreement === null) return -1;
			return x.agreement - y.agreement;
		}
		return y.n - x.n || compareCodeUnits(x.label, y.label) || compareCodeUnits(x.id, y.id);
	});
}
