/**
 * How solid is each finding? With a handful of named sources one article can carry a result on its
 * own. Every statistic that names a finding (the most contested option, the sign of each option's
 * agreement A, the camps) is recomputed with each single source left out (its claims removed) and
 * with each single commentator left out, and a finding that changes is marked as depending on that
 * source or commentator, naming it.
 *
 * Leaving out removes claims, and with them the commentators who have nothing left to say: they
 * are not counted as "not addressed" in a panel they were never on without that source. A source
 * or commentator that holds no claim in scope changes nothing (a property test checks it).
 */
import type { Claim, Scenario } from '../scenario/schema';
import { camps } from './camps';
import { optionStats, rankOptions } from './option-stats';
import { buildGrid } from './scope';

export interface LeftOut {
	kind: 'source' | 'commentator';
	id: string;
	/** Claims in scope it removes. */
	claims: number;
}

export type Sign = 'positive' | 'zero' | 'negative' | 'none';

export interface TopChange {
	left_out: LeftOut;
	/** The most contested option without it; null when no option is left addressed. */
	top: string | null;
}

export interface SignChange {
	left_out: LeftOut;
	agreement: number | null;
	n: number;
	sign: Sign;
}

export interface OptionRobustness {
	option: string;
	agreement: number | null;
	n: number;
	sign: Sign;
	/** Each left-out source or commentator that changes the sign of A (or leaves it undefined). */
	changes: SignChange[];
}

export interface CampChange {
	left_out: LeftOut;
	/** Camps (by id, from the full analysis) whose remaining members no longer sit together. */
	split: string[];
	/** Groups of camps (by id) whose members now sit in one camp. */
	merged: string[][];
	/** The camps without it, as member id lists. */
	blocks: string[][];
}

export interface Robustness {
	/** Every source and commentator left out in turn, sources first, in scenario order. */
	left_out: LeftOut[];
	top: { option: string | null; changes: TopChange[] };
	options: OptionRobustness[];
	camps: { ids: string[]; blocks: string[][]; changes: CampChange[] };
}

/** A's sign; |A| below 1e-9 is 0 (A of integer counts is exact up to rounding in the layers). */
export function signOf(value: number | null): Sign {
	if (value === null) return 'none';
	if (Math.abs(value) < 1e-9) return 'zero';
	return value > 0 ? 'positive' : 'negative';
}

interface Result {
	top: string | null;
	stats: Map<string, { agreement: number | null; n: number }>;
	blocks: string[][];
}

function compute(scenario: Scenario, claims: readonly Claim[], scope: readonly string[]): Result {
	const stats = optionStats(scenario, claims, scope);
	const ranked = rankOptions(stats);
	const top = ranked[0] && ranked[0].agreement !== null ? ranked[0].id : null;
	return {
		top,
		stats: new Map(stats.map((s) => [s.id, { agreement: s.agreement, n: s.n }])),
		blocks: camps(scenario, claims, scope).blocks.map((b) => b.members)
	};
}

/** How the camps without one source or commentator differ from the full ones, over who is left. */
function campDifference(
	full: readonly string[][],
	fullIds: readonly string[],
	now: readonly string[][]
): { split: string[]; merged: string[][] } {
	const campOf = new Map<string, number>();
	full.forEach((members, i) => members.forEach((m) => campOf.set(m, i)));
	const blockOf = new Map<string, number>();
	now.forEach((members, i) => members.forEach((m) => blockOf.set(m, i)));
	const split: string[] = [];
	full.forEach((members, i) => {
		const blocks = new Set(members.filter((m) => blockOf.has(m)).map((m) => blockOf.get(m)!));
		if (blocks.size > 1) split.push(fullIds[i]!);
	});
	const merged: string[][] = [];
	for (const members of now) {
		const from = [...new Set(members.map((m) => campOf.get(m)!))].sort((x, y) => x - y);
		if (from.length > 1) merged.push(from.map((i) => fullIds[i]!));
	}
	return { split, merged };
}

/** Leave-one-out robustness of the most contested option, each option's A, and the camps. */
export function robustness(
	scenario: Scenario,
	claims?: readonly Claim[],
	commentators?: readonly string[]
): Robustness {
	const grid = buildGrid(scenario, claims, commentators);
	const inScope = grid.claims;
	const scope = grid.commentators.map((c) => c.id);
	const full = compute(scenario, inScope, scope);
	const fullCamps = camps(scenario, inScope, scope).blocks;
	const fullIds = fullCamps.map((b) => b.id);

	const result: Robustness = {
		left_out: [],
		top: { option: full.top, changes: [] },
		options: grid.options.map((o) => {
			const stat = full.stats.get(o.id)!;
			return { option: o.id, ...stat, sign: signOf(stat.agreement), changes: [] };
		}),
		camps: { ids: fullIds, blocks: full.blocks, changes: [] }
	};

	const speaking = new Set(inScope.map((c) => c.commentator));
	const tryWithout = (leftOut: LeftOut, kept: readonly Claim[], dropped: ReadonlySet<string>) => {
		result.left_out.push(leftOut);
		const still = new Set(kept.map((c) => c.commentator));
		// Out: the one left out, and whoever spoke only through what was removed.
		const keptScope = scope.filter(
			(id) => !dropped.has(id) && (still.has(id) || !speaking.has(id))
		);
		const now = compute(scenario, kept, keptScope);
		if (now.top !== full.top) result.top.changes.push({ left_out: leftOut, top: now.top });
		for (const option of result.options) {
			const stat = now.stats.get(option.option)!;
			const sign = signOf(stat.agreement);
			if (sign !== option.sign) option.changes.push({ left_out: leftOut, ...stat, sign });
		}
		const left = new Set(keptScope);
		const { split, merged } = campDifference(
			full.blocks.map((members) => members.filter((m) => left.has(m))),
			fullIds,
			now.blocks
		);
		if (split.length > 0 || merged.length > 0) {
			result.camps.changes.push({ left_out: leftOut, split, merged, blocks: now.blocks });
		}
	};

	const none = new Set<string>();
	for (const source of scenario.sources) {
		const kept = inScope.filter((c) => c.source !== source.id);
		tryWithout({ kind: 'source', id: source.id, claims: inScope.length - kept.length }, kept, none);
	}
	for (const id of scope) {
		const kept = inScope.filter((c) => c.commentator !== id);
		tryWithout(
			{ kind: 'commentator', id, claims: inScope.length - kept.length },
			kept,
			new Set([id])
		);
	}
	return result;
}
