/**
 * The scope of an analysis (brief §4): which claims and commentators a view covers, tallied per
 * (option, commentator) cell. Every statistic in this folder takes the scenario and, optionally,
 * the claims of a filtered view plus the commentators that view covers, so the UI can recompute
 * for what is on screen. The scope:
 * - `commentators` given: those ids (in scenario order);
 * - else, no `claims` given (or the scenario's own list): every commentator, silent ones included;
 * - else: the commentators with at least one claim in `claims`, since a filter that hides all of a
 *   commentator's claims hides the commentator too.
 * Claims whose option or commentator is unknown or out of scope are ignored: references are checked
 * when the scenario is loaded, and an analysis must not fail on a view.
 *
 * Pure functions: no Svelte, no DOM, so they run the same in the CLI, in tests and in a worker.
 */
import type { Claim, Commentator, Option, Scenario } from '../scenario/schema';

/**
 * Stance tallies per (option, commentator) cell, option-major (cell = option * C + commentator),
 * so the commentators who address one option are one contiguous run.
 */
export interface Grid {
	options: readonly Option[];
	commentators: readonly Commentator[];
	/** Claims in scope, in claim order, with the cell each falls in. */
	claims: readonly Claim[];
	cellOf: Int32Array;
	support: Uint32Array;
	conditional: Uint32Array;
	oppose: Uint32Array;
}

export function firstIndexById<T extends { id: string }>(items: readonly T[]): Map<string, number> {
	const index = new Map<string, number>();
	items.forEach((item, i) => {
		if (!index.has(item.id)) index.set(item.id, i);
	});
	return index;
}

export function buildGrid(
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
