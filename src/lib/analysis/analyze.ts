/**
 * Everything `stancegrid analyze --format json` prints (brief §4), from one pass over the claims.
 */
import type { Claim, Scenario } from '../scenario/schema';
import { campsOf } from './camps';
import { contradictionsOf, type Contradiction } from './contradictions';
import { optionStatsOf, rankOptions, type OptionStat } from './option-stats';
import { pairStatsOf, pairTotalsOf, type PairStat } from './pairs';
import { buildGrid } from './scope';

export interface AnalysisJson {
	options: Array<
		Pick<
			OptionStat,
			| 'id'
			| 'label'
			| 'n'
			| 'support'
			| 'conditional'
			| 'oppose'
			| 'mixed'
			| 'not_addressed'
			| 'agreement'
		>
	>;
	pairs: PairStat[];
	camps: string[][];
	contradictions: Contradiction[];
}

/** Four decimals, as every number in the CLI's JSON; null stays null. */
export function round4(value: number | null): number | null {
	if (value === null) return null;
	const rounded = Math.round(value * 1e4) / 1e4;
	return rounded === 0 ? 0 : rounded; // no "-0" in the JSON
}

/**
 * The agreement part of `stancegrid analyze --format json` (see `analysis-report.ts` for the rest),
 * computed from one pass over the claims. The benchmark times this part.
 */
export function analyze(
	scenario: Scenario,
	claims?: readonly Claim[],
	commentators?: readonly string[]
): AnalysisJson {
	const grid = buildGrid(scenario, claims, commentators);
	const totals = pairTotalsOf(grid);
	return {
		options: rankOptions(optionStatsOf(grid)).map((stat) => ({
			id: stat.id,
			label: stat.label,
			n: stat.n,
			support: stat.support,
			conditional: stat.conditional,
			oppose: stat.oppose,
			mixed: stat.mixed,
			not_addressed: stat.not_addressed,
			agreement: round4(stat.agreement)
		})),
		pairs: pairStatsOf(grid, totals, round4),
		camps: campsOf(grid, totals).blocks.map((block) => block.members),
		contradictions: contradictionsOf(grid, scenario)
	};
}
