/**
 * What each commentator expects an option to do to each dimension: the helps, hurts and unclear
 * claims behind it, combined like stances into one net direction. The facts-or-values reading and
 * the decision table both stand on this, so the two always read a claim the same way.
 */
import type { Claim, Scenario } from '../scenario/schema';
import { buildGrid, firstIndexById, type Grid } from './scope';

/** One commentator's expected effect of one option on one dimension. */
export interface ExpectedEffect {
	option: string;
	commentator: string;
	dimension: string;
	/** Ids of the claims that say "helps" (resp. "hurts", "unclear"), in claim order. */
	helps: string[];
	hurts: string[];
	unclear: string[];
	/**
	 * (helps - hurts) / (helps + hurts) over the claims, in [-1, 1]: +1 every claim says it helps
	 * the dimension's goal, -1 every claim says it hurts. Null when every claim says "unclear":
	 * the commentator names the dimension but no direction, which is not 0.
	 */
	net: number | null;
}

/** Expected effects in a grid, keyed by (option * C + commentator) * D + dimension. */
export function effectsOf(grid: Grid, scenario: Scenario): Map<number, ExpectedEffect> {
	const dimensionIndex = firstIndexById(scenario.dimensions);
	const dimensionCount = scenario.dimensions.length;
	const columns = grid.commentators.length;
	const result = new Map<number, ExpectedEffect>();
	grid.claims.forEach((claim, i) => {
		const cell = grid.cellOf[i]!;
		for (const effect of claim.effects) {
			const d = dimensionIndex.get(effect.dimension);
			if (d === undefined) continue;
			const key = cell * dimensionCount + d;
			let entry = result.get(key);
			if (!entry) {
				entry = {
					option: grid.options[Math.floor(cell / columns)]!.id,
					commentator: grid.commentators[cell % columns]!.id,
					dimension: effect.dimension,
					helps: [],
					hurts: [],
					unclear: [],
					net: null
				};
				result.set(key, entry);
			}
			const list = entry[effect.direction];
			// A claim that names the same dimension twice in one direction counts once.
			if (list[list.length - 1] !== claim.id) list.push(claim.id);
		}
	});
	for (const entry of result.values()) {
		const clear = entry.helps.length + entry.hurts.length;
		entry.net = clear === 0 ? null : (entry.helps.length - entry.hurts.length) / clear;
	}
	return result;
}

/**
 * Every (option, commentator, dimension) a claim in scope speaks to, ordered by option,
 * commentator and dimension in scenario order.
 */
export function expectedEffects(
	scenario: Scenario,
	claims?: readonly Claim[],
	commentators?: readonly string[]
): ExpectedEffect[] {
	const map = effectsOf(buildGrid(scenario, claims, commentators), scenario);
	return [...map.keys()].sort((x, y) => x - y).map((key) => map.get(key)!);
}
