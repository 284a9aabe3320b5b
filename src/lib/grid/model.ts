/**
 * What the grids show, as plain data: (source, commentator) pairs, cell summaries, and the names
 * of the cell renderers (registered in `cells.ts`, so these builders stay free of the DOM).
 */
import type {
	Claim,
	Commentator,
	Direction,
	Option,
	Scenario,
	Source,
	Stance
} from '../scenario/schema';
import { NO_SOURCE } from '../view/url-state';

/** Renderer and header component names, shared by the column builders and `cells.ts`. */
export const RENDERERS = {
	stance: 'sgStanceCell',
	stanceCompact: 'sgStanceCompactCell',
	option: 'sgOptionCell',
	person: 'sgPersonCell',
	source: 'sgSourceCell',
	direction: 'sgDirectionCell',
	claimStance: 'sgClaimStanceCell',
	link: 'sgLinkCell',
	text: 'sgTextCell',
	sourceHeader: 'sgSourceHeader'
} as const;

/** Column sizes scale with large type; row headers narrow on phones so data columns still show. */
export interface Sizing {
	scale: number;
	narrow: boolean;
}

export const NORMAL_SIZING: Sizing = { scale: 1, narrow: false };

export function px(base: number, sizing: Sizing): number {
	return Math.round(base * sizing.scale);
}

/**
 * Rows fit their content only while the grid is small: ag-grid measures every auto-height cell,
 * which costs seconds at 200 x 500. Past this many cells, rows get a fixed height and the cell
 * text is clamped (the evidence panel always has the full text).
 */
export const AUTO_HEIGHT_CELLS = 2500;

export function fitsAutoHeight(rows: number, columns: number): boolean {
	return rows * columns <= AUTO_HEIGHT_CELLS;
}

/** Row height when rows do not fit their content: a badge and three lines of text. */
export const FIXED_ROW_HEIGHT = 112;

export const STANCE_SCORE: Record<Stance, number> = { support: 1, conditional: 0, oppose: -1 };

/** A commentator as quoted by one source: one matrix column, one transpose row. */
export interface Pair {
	id: string;
	source: Source | null;
	commentator: Commentator;
}

export function pairId(source: string, commentator: string): string {
	return `${source}~${commentator}`;
}

/**
 * The pairs with at least one of `claims`, ordered by source then commentator as the scenario
 * lists them. With `includeSilent`, commentators no claim quotes follow under no source, so
 * nobody in the scenario is left off the grid.
 */
export function pairs(
	scenario: Scenario,
	claims: readonly Claim[],
	includeSilent: boolean
): Pair[] {
	const sourceIndex = new Map(scenario.sources.map((s, i) => [s.id, i]));
	const personIndex = new Map(scenario.commentators.map((c, i) => [c.id, i]));
	const seen = new Map<string, { source: number; person: number }>();
	for (const claim of claims) {
		const id = pairId(claim.source, claim.commentator);
		if (!seen.has(id))
			seen.set(id, {
				source: sourceIndex.get(claim.source)!,
				person: personIndex.get(claim.commentator)!
			});
	}
	const out: Pair[] = [...seen.values()]
		.sort((a, b) => a.source - b.source || a.person - b.person)
		.map(({ source, person }) => {
			const s = scenario.sources[source]!;
			const c = scenario.commentators[person]!;
			return { id: pairId(s.id, c.id), source: s, commentator: c };
		});
	if (includeSilent) {
		const quoted = new Set(scenario.claims.map((c) => c.commentator));
		for (const c of scenario.commentators)
			if (!quoted.has(c.id))
				out.push({ id: pairId(NO_SOURCE, c.id), source: null, commentator: c });
	}
	return out;
}

/** What one cell holds: its claims, counted by stance, and the combined verdict for sorting. */
export interface CellSummary {
	claims: Claim[];
	counts: Record<Stance, number>;
	/** The one stance when all claims agree, `mixed` when they differ, null when empty. */
	verdict: Stance | 'mixed' | null;
	/** Mean stance score (support 1, conditional 0, oppose -1); null when empty. */
	score: number | null;
}

export function summarize(claims: Claim[]): CellSummary {
	const counts: Record<Stance, number> = { support: 0, conditional: 0, oppose: 0 };
	let total = 0;
	for (const claim of claims) {
		counts[claim.stance]++;
		total += STANCE_SCORE[claim.stance];
	}
	const present = (Object.keys(counts) as Stance[]).filter((s) => counts[s] > 0);
	return {
		claims,
		counts,
		verdict: present.length === 0 ? null : present.length === 1 ? present[0]! : 'mixed',
		score: claims.length === 0 ? null : total / claims.length
	};
}

export const EMPTY_CELL: CellSummary = summarize([]);

/** The cell's class for its tint: one per stance, `mixed`, or `none` (not addressed). */
export function verdictClass(cell: CellSummary | undefined): string {
	return `sg-v-${cell?.verdict ?? 'none'}`;
}

/** Orders cells by combined stance, oppose to support; an empty cell counts as below oppose. */
export function compareCells(a: CellSummary | undefined, b: CellSummary | undefined): number {
	const x = a?.score ?? -2;
	const y = b?.score ?? -2;
	return x - y || (a?.claims.length ?? 0) - (b?.claims.length ?? 0);
}

/** Claims grouped two ways at once, keyed by `outer` then `inner`, keeping claim order. */
export function nest(
	claims: readonly Claim[],
	outer: (c: Claim) => string,
	inner: (c: Claim) => string
): Map<string, Map<string, Claim[]>> {
	const out = new Map<string, Map<string, Claim[]>>();
	for (const claim of claims) {
		const o = outer(claim);
		let row = out.get(o);
		if (!row) out.set(o, (row = new Map()));
		const i = inner(claim);
		const list = row.get(i);
		if (list) list.push(claim);
		else row.set(i, [claim]);
	}
	return out;
}

/** The options a view shows as rows: those filtered to, or all of them. */
export function visibleOptions(scenario: Scenario, optionFilter: readonly string[]): Option[] {
	if (optionFilter.length === 0) return scenario.options;
	const wanted = new Set(optionFilter);
	return scenario.options.filter((o) => wanted.has(o.id));
}

/** Who predicts which direction: one entry per direction present, in helps/hurts/unclear order. */
export interface DirectionGroup {
	direction: Direction;
	people: { id: string; name: string }[];
}
