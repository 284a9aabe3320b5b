/**
 * Do two commentators disagree about what an option will do, or about whether it is worth it?
 * For every option and every pair of commentators who both address it, dimension by dimension:
 * - opposite expected effects (one says it helps the goal, the other that it hurts): a
 *   disagreement about **facts**, whatever their stances;
 * - the same expected effect but different stances: a disagreement about **values** (they weigh
 *   the same consequence differently);
 * - different stances and no dimension on which both give a clear direction (one of them says
 *   "unclear", or they speak to different dimensions): **unclear**, and it says which;
 * - otherwise they agree: the same stance and no opposite effect.
 * A pair with opposite effects on one dimension and shared effects on another counts as facts:
 * until they agree on what will happen, a difference in weighing cannot be told apart.
 */
import type { Claim, Direction, Scenario, Stance } from '../scenario/schema';
import { effectsOf, type ExpectedEffect } from './expected-effects';
import { combinedStance } from './positions';
import { buildGrid } from './scope';

export type PairKind = 'facts' | 'values' | 'unclear' | 'agree';

/** Why a disagreement is unclear: a direction is unclear, or the two name different dimensions. */
export type UnclearReason = 'unclear-direction' | 'no-shared-dimension';

export interface FactsValuesSide {
	commentator: string;
	/** The commentator's combined stance on the option. */
	stance: Stance;
	/** The claim that states the effect: the commentator's first in that direction. */
	claim: string;
	direction: Direction;
	quote: string;
}

/** One dimension on which a pair disagrees about facts or about values, with both claims. */
export interface FactsValuesFinding {
	option: string;
	dimension: string;
	kind: 'facts' | 'values';
	a: FactsValuesSide;
	b: FactsValuesSide;
}

/** A pair of commentators on one option: their stances and what kind of disagreement it is. */
export interface FactsValuesPair {
	option: string;
	a: string;
	b: string;
	a_stance: Stance;
	b_stance: Stance;
	kind: PairKind;
	/** For `unclear` only. */
	reason: UnclearReason | null;
	/** Dimensions with opposite effects, with the same effect and different stances, unclear. */
	facts: string[];
	values: string[];
	unclear: string[];
}

export interface FactsValuesOption {
	option: string;
	label: string;
	/** Pairs of commentators in scope who both address the option: the n of the counts below. */
	pairs: number;
	facts: number;
	values: number;
	unclear: number;
	agree: number;
	/** The larger of facts and values; `even` when equal and above 0, `none` when both are 0. */
	dominant: 'facts' | 'values' | 'even' | 'none';
}

export interface FactsValues {
	options: FactsValuesOption[];
	/** Every pair that disagrees (kind facts, values or unclear), by option, then a, then b. */
	pairs: FactsValuesPair[];
	/** Every dimension of disagreement behind those pairs, by option, a, b, dimension. */
	findings: FactsValuesFinding[];
}

type Effect = ExpectedEffect | undefined;

function has(effect: Effect, direction: 'helps' | 'hurts'): boolean {
	return effect !== undefined && effect[direction].length > 0;
}

/**
 * The two claims that show a pair's effects, one pairing of directions (a's, b's) from
 * `pairings`; where two qualify, the one whose earlier claim comes first in the claim list (then
 * the later one), so which of the two is "a" never changes the claims shown.
 */
function pick(
	a: ExpectedEffect,
	b: ExpectedEffect,
	pairings: ReadonlyArray<readonly ['helps' | 'hurts', 'helps' | 'hurts']>,
	order: ReadonlyMap<string, number>
): [string, 'helps' | 'hurts', string, 'helps' | 'hurts'] {
	let best: [string, 'helps' | 'hurts', string, 'helps' | 'hurts'] | undefined;
	let bestKey: [number, number] = [Infinity, Infinity];
	for (const [aDir, bDir] of pairings) {
		const aClaim = a[aDir][0];
		const bClaim = b[bDir][0];
		if (aClaim === undefined || bClaim === undefined) continue;
		const at = [order.get(aClaim)!, order.get(bClaim)!];
		const key: [number, number] = [Math.min(...at), Math.max(...at)];
		if (key[0] < bestKey[0] || (key[0] === bestKey[0] && key[1] < bestKey[1])) {
			best = [aClaim, aDir, bClaim, bDir];
			bestKey = key;
		}
	}
	return best!;
}

const OPPOSITE = [
	['helps', 'hurts'],
	['hurts', 'helps']
] as const;
const SAME = [
	['helps', 'helps'],
	['hurts', 'hurts']
] as const;

/** Facts or values for every option and pair of commentators in scope (see the module comment). */
export function factsValues(
	scenario: Scenario,
	claims?: readonly Claim[],
	commentators?: readonly string[]
): FactsValues {
	const grid = buildGrid(scenario, claims, commentators);
	const effects = effectsOf(grid, scenario);
	const order = new Map<string, number>();
	const quoteOf = new Map<string, string>();
	grid.claims.forEach((claim, i) => {
		if (!order.has(claim.id)) order.set(claim.id, i);
		if (!quoteOf.has(claim.id)) quoteOf.set(claim.id, claim.quote.exact);
	});
	const columns = grid.commentators.length;
	const dimensions = scenario.dimensions;
	const D = dimensions.length;
	const result: FactsValues = { options: [], pairs: [], findings: [] };

	grid.options.forEach((option, o) => {
		const addressing: number[] = [];
		const stances: Stance[] = [];
		for (let c = 0; c < columns; c++) {
			const cell = o * columns + c;
			if (grid.support[cell]! + grid.conditional[cell]! + grid.oppose[cell]! === 0) continue;
			addressing.push(c);
			stances.push(combinedStance(grid.support[cell]!, grid.oppose[cell]!));
		}
		const summary: FactsValuesOption = {
			option: option.id,
			label: option.label,
			// (0 * -1) / 2 would be -0.
			pairs: addressing.length < 2 ? 0 : (addressing.length * (addressing.length - 1)) / 2,
			facts: 0,
			values: 0,
			unclear: 0,
			agree: 0,
			dominant: 'none'
		};
		for (let x = 0; x < addressing.length; x++) {
			for (let y = x + 1; y < addressing.length; y++) {
				const aCell = o * columns + addressing[x]!;
				const bCell = o * columns + addressing[y]!;
				const aStance = stances[x]!;
				const bStance = stances[y]!;
				const pair: FactsValuesPair = {
					option: option.id,
					a: grid.commentators[addressing[x]!]!.id,
					b: grid.commentators[addressing[y]!]!.id,
					a_stance: aStance,
					b_stance: bStance,
					kind: 'agree',
					reason: null,
					facts: [],
					values: [],
					unclear: []
				};
				const found: FactsValuesFinding[] = [];
				for (let d = 0; d < D; d++) {
					const ea = effects.get(aCell * D + d);
					const eb = effects.get(bCell * D + d);
					if (!ea || !eb) continue;
					const opposite =
						(has(ea, 'helps') && has(eb, 'hurts')) || (has(ea, 'hurts') && has(eb, 'helps'));
					const same =
						(has(ea, 'helps') && has(eb, 'helps')) || (has(ea, 'hurts') && has(eb, 'hurts'));
					let kind: 'facts' | 'values' | null = null;
					if (opposite) kind = 'facts';
					else if (same && aStance !== bStance) kind = 'values';
					else if (!same) pair.unclear.push(dimensions[d]!.id);
					if (!kind) continue;
					pair[kind].push(dimensions[d]!.id);
					const [aClaim, aDir, bClaim, bDir] = pick(
						ea,
						eb,
						kind === 'facts' ? OPPOSITE : SAME,
						order
					);
					found.push({
						option: option.id,
						dimension: dimensions[d]!.id,
						kind,
						a: {
							commentator: pair.a,
							stance: aStance,
							claim: aClaim,
							direction: aDir,
							quote: quoteOf.get(aClaim)!
						},
						b: {
							commentator: pair.b,
							stance: bStance,
							claim: bClaim,
							direction: bDir,
							quote: quoteOf.get(bClaim)!
						}
					});
				}
				if (pair.facts.length > 0) pair.kind = 'facts';
				else if (pair.values.length > 0) pair.kind = 'values';
				else if (aStance !== bStance) {
					pair.kind = 'unclear';
					pair.reason = pair.unclear.length > 0 ? 'unclear-direction' : 'no-shared-dimension';
				}
				summary[pair.kind] += 1;
				if (pair.kind !== 'agree') {
					result.pairs.push(pair);
					result.findings.push(...found);
				}
			}
		}
		summary.dominant =
			summary.facts > summary.values
				? 'facts'
				: summary.values > summary.facts
					? 'values'
					: summary.facts > 0
						? 'even'
						: 'none';
		result.options.push(summary);
	});
	return result;
}

/** One commentator's disagreements on one option with every other commentator who addresses it. */
export interface CommentatorFactsValues {
	option: string;
	commentator: string;
	/** Other commentators in scope who address the option: the n of the counts below. */
	others: number;
	facts: number;
	values: number;
	unclear: number;
	agree: number;
	/**
	 * The pairs that disagree, as in {@link factsValues} (a and b in scenario order): facts first,
	 * then values, then unclear, each in scenario order.
	 */
	pairs: FactsValuesPair[];
	findings: FactsValuesFinding[];
}

/**
 * Facts or values between one commentator and each other commentator on one option, for the
 * evidence panel: {@link factsValues} over that option's claims only (a pair's kind depends on
 * nothing else), so a click costs one option, not the whole scenario. Null when the commentator
 * does not address the option in scope.
 */
export function factsValuesWith(
	scenario: Scenario,
	option: string,
	commentator: string,
	claims: readonly Claim[] = scenario.claims
): CommentatorFactsValues | null {
	const onOption = claims.filter((c) => c.option === option);
	const known = new Set(scenario.commentators.map((c) => c.id));
	const speaking = new Set(onOption.map((c) => c.commentator).filter((id) => known.has(id)));
	if (!speaking.has(commentator)) return null;
	const result = factsValues(scenario, onOption);
	const involves = (p: { a: string; b: string }) => p.a === commentator || p.b === commentator;
	const rank: Record<PairKind, number> = { facts: 0, values: 1, unclear: 2, agree: 3 };
	const pairs = result.pairs
		.filter((p) => p.option === option && involves(p))
		.sort((x, y) => rank[x.kind] - rank[y.kind]);
	const count = (kind: PairKind) => pairs.filter((p) => p.kind === kind).length;
	const others = speaking.size - 1;
	return {
		option,
		commentator,
		others,
		facts: count('facts'),
		values: count('values'),
		unclear: count('unclear'),
		agree: others - pairs.length,
		pairs,
		findings: result.findings.filter(
			(f) =>
				f.option === option && (f.a.commentator === commentator || f.b.commentator === commentator)
		)
	};
}
