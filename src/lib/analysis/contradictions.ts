/**
 * Contradictions (brief §4): pairs of commentators who predict opposite effects of the same option
 * on the same dimension, or who take opposite stances on it; each side with its claim and quote.
 */
import type { Claim, Direction, Scenario } from '../scenario/schema';
import { combinedStance } from './positions';
import { buildGrid, firstIndexById, type Grid } from './scope';

export interface ContradictionSide {
	commentator: string;
	claim: string;
	direction: Direction;
	quote: string;
}

export interface Contradiction {
	option: string;
	dimension: string;
	a: ContradictionSide;
	b: ContradictionSide;
}

export function contradictionsOf(grid: Grid, scenario: Scenario): Contradiction[] {
	const dimensionIndex = firstIndexById(scenario.dimensions);
	const dimensionCount = scenario.dimensions.length;
	const columns = grid.commentators.length;
	const buckets = grid.options.length * dimensionCount;

	// Every helps/hurts effect, bucketed by (option, dimension) with a counting sort so that each
	// bucket lists its effects in claim order.
	const keys: number[] = [];
	const claimOf: number[] = [];
	const helpsOf: boolean[] = [];
	grid.claims.forEach((claim, i) => {
		const option = Math.floor(grid.cellOf[i]! / columns);
		for (const effect of claim.effects) {
			if (effect.direction === 'unclear') continue;
			const d = dimensionIndex.get(effect.dimension);
			if (d === undefined) continue;
			keys.push(option * dimensionCount + d);
			claimOf.push(i);
			helpsOf.push(effect.direction === 'helps');
		}
	});
	const start = new Int32Array(buckets + 1);
	for (const key of keys) start[key + 1]! += 1;
	for (let key = 0; key < buckets; key++) start[key + 1]! += start[key]!;
	const next = start.slice(0, buckets);
	const sorted = new Int32Array(keys.length);
	keys.forEach((key, e) => (sorted[next[key]!++] = e));

	// Per bucket, each commentator's first helps and first hurts effect (-1: none), so every pair
	// of commentators is looked at once, a before b, and the output needs no sorting or dedup.
	const firstHelps = new Int32Array(columns).fill(-1);
	const firstHurts = new Int32Array(columns).fill(-1);
	const speakers = new Int32Array(columns);
	// A claim can stand in many contradictions; its side is built once and shared (read-only).
	const sides = new Array<ContradictionSide | undefined>(keys.length).fill(undefined);
	const side = (effect: number): ContradictionSide => {
		const cached = sides[effect];
		if (cached) return cached;
		const claim = grid.claims[claimOf[effect]!]!;
		return (sides[effect] = {
			commentator: claim.commentator,
			claim: claim.id,
			direction: helpsOf[effect] ? 'helps' : 'hurts',
			quote: claim.quote.exact
		});
	};
	const result: Contradiction[] = [];
	for (let key = 0; key < buckets; key++) {
		let speakerCount = 0;
		for (let at = start[key]!; at < start[key + 1]!; at++) {
			const effect = sorted[at]!;
			const commentator = grid.cellOf[claimOf[effect]!]! % columns;
			if (firstHelps[commentator] === -1 && firstHurts[commentator] === -1) {
				speakers[speakerCount++] = commentator;
			}
			const first = helpsOf[effect] ? firstHelps : firstHurts;
			if (first[commentator] === -1) first[commentator] = effect;
		}
		if (speakerCount < 2) {
			for (let x = 0; x < speakerCount; x++) {
				firstHelps[speakers[x]!] = -1;
				firstHurts[speakers[x]!] = -1;
			}
			continue;
		}
		const inOrder = speakers.subarray(0, speakerCount).sort();
		const option = grid.options[Math.floor(key / dimensionCount)]!.id;
		const dimension = scenario.dimensions[key % dimensionCount]!.id;
		for (let x = 0; x < speakerCount; x++) {
			const a = inOrder[x]!;
			const aHelps = firstHelps[a]!;
			const aHurts = firstHurts[a]!;
			for (let y = x + 1; y < speakerCount; y++) {
				const b = inOrder[y]!;
				const helpsHurts = aHelps >= 0 && firstHurts[b]! >= 0;
				const hurtsHelps = aHurts >= 0 && firstHelps[b]! >= 0;
				if (!helpsHurts && !hurtsHelps) continue;
				// Both ways round (a commentator who says both): the one with a's earlier claim.
				const [aSide, bSide] =
					helpsHurts && (!hurtsHelps || aHelps < aHurts)
						? [aHelps, firstHurts[b]!]
						: [aHurts, firstHelps[b]!];
				result.push({ option, dimension, a: side(aSide), b: side(bSide) });
			}
		}
		for (let x = 0; x < speakerCount; x++) {
			firstHelps[inOrder[x]!] = -1;
			firstHurts[inOrder[x]!] = -1;
		}
	}
	return result;
}

/**
 * Pairs of commentators who say the same option has opposite effects (helps vs hurts) on the
 * same dimension, one entry per (option, dimension, pair), ordered by option, dimension, a, b in
 * scenario order. Where a pair contradicts each other in several claims, each side shows the
 * commentator's first claim (in claim order) in that direction. "Unclear" effects contradict
 * nothing, and nor does a commentator who says both.
 */
export function contradictions(
	scenario: Scenario,
	claims?: readonly Claim[],
	commentators?: readonly string[]
): Contradiction[] {
	return contradictionsOf(buildGrid(scenario, claims, commentators), scenario);
}

export interface StanceSide {
	commentator: string;
	/** The commentator's first claim (in claim order) with the combined stance. */
	claim: string;
	stance: 'support' | 'oppose';
	quote: string;
}

/** Two commentators who take opposite stances on one option: one supports, the other opposes. */
export interface StanceContradiction {
	option: string;
	a: StanceSide;
	b: StanceSide;
}

/**
 * Pairs of commentators whose combined stances on an option are opposite (support vs oppose; a
 * conditional stance opposes neither), ordered by option, a, b in scenario order.
 */
export function stanceContradictions(
	scenario: Scenario,
	claims?: readonly Claim[],
	commentators?: readonly string[]
): StanceContradiction[] {
	const grid = buildGrid(scenario, claims, commentators);
	const columns = grid.commentators.length;
	const firstOf = new Map<string, Claim>();
	grid.claims.forEach((claim, i) => {
		const key = `${grid.cellOf[i]!}:${claim.stance}`;
		if (!firstOf.has(key)) firstOf.set(key, claim);
	});
	const result: StanceContradiction[] = [];
	grid.options.forEach((option, o) => {
		const sides: StanceSide[] = [];
		for (let c = 0; c < columns; c++) {
			const cell = o * columns + c;
			const stance = combinedStance(grid.support[cell]!, grid.oppose[cell]!);
			if (grid.support[cell]! + grid.conditional[cell]! + grid.oppose[cell]! === 0) continue;
			if (stance === 'conditional') continue;
			const claim = firstOf.get(`${cell}:${stance}`)!;
			sides.push({
				commentator: grid.commentators[c]!.id,
				claim: claim.id,
				stance,
				quote: claim.quote.exact
			});
		}
		for (let x = 0; x < sides.length; x++) {
			for (let y = x + 1; y < sides.length; y++) {
				if (sides[x]!.stance !== sides[y]!.stance) {
					result.push({ option: option.id, a: sides[x]!, b: sides[y]! });
				}
			}
		}
	});
	return result;
}
