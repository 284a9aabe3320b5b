/**
 * The decision table: the user weighs the goals (one weight per dimension, 0 and up), and each
 * option gets, per commentator and in total, how the effects that commentator expects line up
 * with those weights.
 *
 * - A commentator's expected effect on a dimension is the net direction of their claims on it
 *   (see `expected-effects.ts`): +1 helps the goal, -1 hurts it, null when only "unclear".
 * - A commentator's score for an option is the weighted mean of those net directions over the
 *   dimensions where it is not null: sum(w_d * net_d) / sum(w_d), in [-1, 1]. Null when no
 *   dimension with a weight above 0 has a clear direction ("unclear", shown and counted).
 * - The option's total is the mean of its commentators' scores (one voice per commentator, as in
 *   every other statistic), with n = the commentators who have a score.
 * Weights are divided by the largest before use, so only their ratios count and weights that are
 * all equal give exactly the unweighted result.
 */
import type { Claim, Scenario } from '../scenario/schema';
import { fullWeights, type Weights } from './decision-weights';
import { effectsOf, type ExpectedEffect } from './expected-effects';
import { buildGrid, type Grid } from './scope';

/** Dimensions a commentator expects the option to help, hurt, both (net 0), or only unclear. */
export interface DirectionCounts {
	helps: number;
	hurts: number;
	/** Claims both ways on the dimension, netting to 0. */
	even: number;
	unclear: number;
}

export interface DecisionCommentator extends DirectionCounts {
	commentator: string;
	/** Weighted mean of net directions, in [-1, 1]; null when unclear. */
	score: number | null;
	/** Every claim behind the score and the counts, in claim order. */
	claims: string[];
}

export interface DecisionDimension {
	dimension: string;
	/** Commentators whose net expected effect on the dimension helps / hurts / evens / unclear. */
	helps: number;
	hurts: number;
	even: number;
	unclear: number;
	/** Mean net direction over commentators with a clear one; null when none. */
	mean: number | null;
	claims: string[];
}

export interface DecisionOption {
	option: string;
	label: string;
	/** Mean of commentators' scores; null when no commentator has one. */
	total: number | null;
	/** Commentators with a score: the n of the total. */
	n: number;
	/** Commentators who address the option but have no score (only unclear or zero-weighted). */
	unclear: number;
	not_addressed: number;
	commentators: DecisionCommentator[];
	dimensions: DecisionDimension[];
}

export interface Decision {
	/** Every dimension's weight as given (defaults filled in), in scenario order. */
	weights: Record<string, number>;
	/** Options in scenario order. */
	options: DecisionOption[];
	/** Option ids, best total first; options with no total last. */
	ranking: string[];
	top: string | null;
}

/**
 * A mean of commentators' scores, summed smallest first: it then does not depend on the order of
 * the commentators, not even in the last bit, so ties between options stay ties.
 */
export function meanScore(scores: number[]): number | null {
	if (scores.length === 0) return null;
	scores.sort((x, y) => x - y);
	let sum = 0;
	for (const score of scores) sum += score;
	return sum / scores.length;
}

function compareCodeUnits(x: string, y: string): number {
	return x < y ? -1 : x > y ? 1 : 0;
}

/** Best total first; ties by n (better evidenced first), then label, then id; null last. */
export function rankDecision(
	options: ReadonlyArray<Pick<DecisionOption, 'option' | 'label' | 'total' | 'n'>>
): string[] {
	return [...options]
		.sort((x, y) => {
			if (x.total !== y.total) {
				if (x.total === null) return 1;
				if (y.total === null) return -1;
				return y.total - x.total;
			}
			return (
				y.n - x.n || compareCodeUnits(x.label, y.label) || compareCodeUnits(x.option, y.option)
			);
		})
		.map((o) => o.option);
}

/** The effects and claims of one scope, computed once so that weights can be tried cheaply. */
export interface DecisionBasis {
	scenario: Scenario;
	grid: Grid;
	effects: Map<number, ExpectedEffect>;
	claimsByCell: Map<number, string[]>;
	/** Each claim's place in the claim list, to keep every list of claims in claim order. */
	order: Map<string, number>;
}

export function decisionBasis(
	scenario: Scenario,
	claims?: readonly Claim[],
	commentators?: readonly string[]
): DecisionBasis {
	const grid = buildGrid(scenario, claims, commentators);
	const claimsByCell = new Map<number, string[]>();
	const order = new Map<string, number>();
	grid.claims.forEach((claim, i) => {
		if (!order.has(claim.id)) order.set(claim.id, i);
		const cell = grid.cellOf[i]!;
		const list = claimsByCell.get(cell);
		if (list) list.push(claim.id);
		else claimsByCell.set(cell, [claim.id]);
	});
	return { scenario, grid, effects: effectsOf(grid, scenario), claimsByCell, order };
}

/** The table for one set of weights over a basis. */
export function decideOn(basis: DecisionBasis, given: Weights = {}): Decision {
	const { scenario, grid, effects, claimsByCell, order } = basis;
	const weights = fullWeights(scenario.dimensions, given);
	const dims = scenario.dimensions;
	const D = dims.length;
	const largest = Math.max(0, ...dims.map((d) => weights[d.id]!));
	const scaled = dims.map((d) => (largest > 0 ? weights[d.id]! / largest : 0));
	const columns = grid.commentators.length;

	const options = grid.options.map((option, o): DecisionOption => {
		const people: DecisionCommentator[] = [];
		const perDimension: DecisionDimension[] = dims.map((d) => ({
			dimension: d.id,
			helps: 0,
			hurts: 0,
			even: 0,
			unclear: 0,
			mean: null,
			claims: []
		}));
		const nets: number[][] = dims.map(() => []);
		let notAddressed = 0;
		for (let c = 0; c < columns; c++) {
			const cell = o * columns + c;
			const cellClaims = claimsByCell.get(cell);
			if (!cellClaims) {
				notAddressed++;
				continue;
			}
			const row: DecisionCommentator = {
				commentator: grid.commentators[c]!.id,
				score: null,
				helps: 0,
				hurts: 0,
				even: 0,
				unclear: 0,
				claims: cellClaims
			};
			let weighted = 0;
			let weightSum = 0;
			for (let d = 0; d < D; d++) {
				const effect = effects.get(cell * D + d);
				if (!effect) continue;
				const column = perDimension[d]!;
				column.claims.push(...effect.helps, ...effect.hurts, ...effect.unclear);
				const kind =
					effect.net === null
						? 'unclear'
						: effect.net > 0
							? 'helps'
							: effect.net < 0
								? 'hurts'
								: 'even';
				row[kind] += 1;
				column[kind] += 1;
				if (effect.net === null) continue;
				nets[d]!.push(effect.net);
				if (scaled[d]! > 0) {
					weighted += scaled[d]! * effect.net;
					weightSum += scaled[d]!;
				}
			}
			if (weightSum > 0) row.score = weighted / weightSum;
			people.push(row);
		}
		perDimension.forEach((column, d) => {
			column.mean = meanScore(nets[d]!);
			// Gathered commentator by commentator and direction by direction: back to claim order.
			column.claims = [...new Set(column.claims)].sort((x, y) => order.get(x)! - order.get(y)!);
		});
		const scored = people.filter((p) => p.score !== null);
		return {
			option: option.id,
			label: option.label,
			total: meanScore(scored.map((p) => p.score!)),
			n: scored.length,
			unclear: people.length - scored.length,
			not_addressed: notAddressed,
			commentators: people,
			dimensions: perDimension
		};
	});
	const ranking = rankDecision(options);
	const best = options.find((o) => o.option === ranking[0]);
	return {
		weights: { ...weights },
		options,
		ranking,
		top: best && best.total !== null ? best.option : null
	};
}

/** The decision table for a scope and weights (absent dimensions weigh 1). */
export function decide(
	scenario: Scenario,
	weights: Weights = {},
	claims?: readonly Claim[],
	commentators?: readonly string[]
): Decision {
	return decideOn(decisionBasis(scenario, claims, commentators), weights);
}
