/**
 * Agreement and disagreement statistics over a scenario (brief §4). Pure functions: no Svelte, no
 * DOM, so they run the same in the CLI, in tests and in a worker.
 *
 * Every function takes the scenario and, optionally, the claims of a filtered view plus the
 * commentators that view covers, so the UI can recompute for what is on screen. The scope:
 * - `commentators` given: those ids (in scenario order);
 * - else, no `claims` given (or the scenario's own list): every commentator, silent ones included;
 * - else: the commentators with at least one claim in `claims`, since a filter that hides all of a
 *   commentator's claims hides the commentator too.
 * Claims whose option or commentator is unknown or out of scope are ignored: references are checked
 * when the scenario is loaded, and an analysis must not fail on a view.
 */
import type { Claim, Commentator, Direction, Option, Scenario, Stance } from '../scenario/schema';
import { agreement } from './agreement';

export const STANCE_SCORE: Readonly<Record<Stance, number>> = {
	support: 1,
	conditional: 0,
	oppose: -1
};

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

export interface PairStat {
	a: string;
	b: string;
	/** Options both address. */
	n: number;
	/** Mean of 1 - |s_a - s_b| / 2 over the shared options; null ("no shared options") when n = 0. */
	agreement: number | null;
}

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

/**
 * Stance tallies per (option, commentator) cell, option-major (cell = option * C + commentator),
 * so the commentators who address one option are one contiguous run.
 */
interface Grid {
	options: readonly Option[];
	commentators: readonly Commentator[];
	/** Claims in scope, in claim order, with the cell each falls in. */
	claims: readonly Claim[];
	cellOf: Int32Array;
	support: Uint32Array;
	conditional: Uint32Array;
	oppose: Uint32Array;
}

function firstIndexById<T extends { id: string }>(items: readonly T[]): Map<string, number> {
	const index = new Map<string, number>();
	items.forEach((item, i) => {
		if (!index.has(item.id)) index.set(item.id, i);
	});
	return index;
}

function buildGrid(
	scenario: Scenario,
	claims: readonly Claim[] = scenario.claims,
	commentatorIds?: readonly string[]
): Grid {
	const options = scenario.options;
	const optionIndex = firstIndexById(options);
	let commentators: readonly Commentator[];
	if (commentatorIds) {
		const wanted = new Set(commentatorIds);
		commentators = scenario.commentators.filter((c) => wanted.has(c.id));
	} else if (claims === scenario.claims) {
		commentators = scenario.commentators;
	} else {
		const speaking = new Set<string>();
		for (const claim of claims) speaking.add(claim.commentator);
		commentators = scenario.commentators.filter((c) => speaking.has(c.id));
	}
	const commentatorIndex = firstIndexById(commentators);

	const columns = commentators.length;
	const cells = options.length * columns;
	const support = new Uint32Array(cells);
	const conditional = new Uint32Array(cells);
	const oppose = new Uint32Array(cells);
	const inScope: Claim[] = [];
	const cellOf: number[] = [];
	for (const claim of claims) {
		const o = optionIndex.get(claim.option);
		const c = commentatorIndex.get(claim.commentator);
		if (o === undefined || c === undefined) continue;
		const cell = o * columns + c;
		if (claim.stance === 'support') support[cell]! += 1;
		else if (claim.stance === 'oppose') oppose[cell]! += 1;
		else conditional[cell]! += 1;
		inScope.push(claim);
		cellOf.push(cell);
	}
	return {
		options,
		commentators,
		claims: inScope,
		cellOf: Int32Array.from(cellOf),
		support,
		conditional,
		oppose
	};
}

function combinedStance(supportCount: number, opposeCount: number): Stance {
	if (supportCount > opposeCount) return 'support';
	if (supportCount < opposeCount) return 'oppose';
	return 'conditional';
}

function isMixed(grid: Grid, cell: number): boolean {
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

function optionStatsOf(grid: Grid): OptionStat[] {
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

/** Shared-option counts and summed agreement for every pair a < b, at a * C + b. */
interface PairTotals {
	size: number;
	shared: Int32Array;
	sum: Float64Array;
}

function pairTotalsOf(grid: Grid): PairTotals {
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

function pairAgreement(totals: PairTotals, a: number, b: number): number | null {
	const at = a < b ? a * totals.size + b : b * totals.size + a;
	const shared = totals.shared[at]!;
	return shared === 0 ? null : totals.sum[at]! / shared;
}

function pairStatsOf(
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
function blocksBelow(tree: Dendrogram, cut: number): number[][] {
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

function campName(names: readonly string[]): string {
	const shown = names.slice(0, 3).join(' · ');
	return names.length > 3 ? `${shown} +${names.length - 3} more` : shown;
}

function campsOf(grid: Grid, totals: PairTotals): Camps {
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

function contradictionsOf(grid: Grid, scenario: Scenario): Contradiction[] {
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

function round4(value: number | null): number | null {
	if (value === null) return null;
	const rounded = Math.round(value * 1e4) / 1e4;
	return rounded === 0 ? 0 : rounded; // no "-0" in the JSON
}

/** Everything `stancegrid analyze --format json` prints, computed from one pass over the claims. */
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
