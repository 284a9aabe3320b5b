/**
 * The printable brief (one or two pages): the matrix with short consequences and citation
 * numbers, a key finding computed from the data, and the numbered citations in full. This module
 * works it all out; `routes/brief` only lays it out.
 */
import { optionStats, rankOptions, type OptionStat } from '../analysis/option-stats';
import { dateLabel, STANCE_LOOK } from '../present/stance';
import { passageUrl } from '../scenario/passage-link';
import { NOT_STATED, STANCES, type Stance } from '../scenario/schema';
import { safeHref } from './escape';
import type { ExportInput } from './format-info';
import type { CellSummary } from '../view/matrix-view';
import { buildMatrix, resolveView } from './view';

/** Characters of consequence shown in a matrix cell; the citation below has the full quote. */
export const SHORT_CONSEQUENCE = 34;

export interface BriefEntry {
	stance: Stance;
	symbol: string;
	letter: string;
	word: string;
	short: string;
	full: string;
	citation: number;
}

export interface BriefCell {
	stance: Stance | 'mixed' | null;
	/** Empty because the filters hide its claims ("filtered out"), not "not addressed". */
	hidden: boolean;
	entries: BriefEntry[];
}

export interface BriefHeading {
	id: string;
	label: string;
	/** A commentator's source (the grid's column group), or null for an option. */
	detail: string | null;
}

export interface BriefCitation {
	number: number;
	quote: string;
	commentator: string;
	role: string | null;
	/** A link that opens the passage itself, or null. */
	passage: string | null;
}

/** A cited source with its citations, so outlet, date and address are printed once. */
export interface BriefSource {
	id: string;
	outlet: string;
	title: string;
	date: string;
	authors: string;
	/** The source's address (http/https only), or null when the scenario gives none. */
	address: string | null;
	citations: BriefCitation[];
}

export interface BriefSegment {
	stance: Stance;
	count: number;
	/** Where the segment starts and how wide it is, as shares 0..1 of the bar. */
	from: number;
	share: number;
}

export interface BriefFinding {
	stat: OptionStat;
	/** The bar: support, conditional, oppose, left to right; stances nobody takes are left out. */
	segments: BriefSegment[];
}

export interface Brief {
	title: string;
	question: string;
	asOf: string;
	codedBy: string;
	filters: readonly string[];
	/**
	 * The screen's matrix (its rows, columns, order and cells), turned when the shorter list
	 * would otherwise run down the page, so that it fits one or two printed pages.
	 */
	rowsAre: 'options' | 'commentators';
	/** True when the brief lays the table the other way round from the screen. */
	turned: boolean;
	columns: BriefHeading[];
	rows: BriefHeading[];
	cells: BriefCell[][];
	/** Options from most contested to most agreed; unaddressed options last. */
	ranking: BriefFinding[];
	/** One or two sentences that state what the ranking shows, with n. */
	headline: string[];
	/**
	 * The sources cited, in scenario order, each with its citations in matrix reading order;
	 * citations are numbered through in that order.
	 */
	sources: BriefSource[];
	claims: number;
	commentators: number;
}

/** Cuts at a word boundary and marks the cut, so a shortened text never ends mid-word. */
export function shorten(text: string, max: number): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	if (flat.length <= max) return flat;
	const cut = flat.slice(0, max - 1);
	// The cut may fall just before a space, in which case the last word is whole.
	const space = flat[max - 1] === ' ' ? cut.length : cut.lastIndexOf(' ');
	return (space > max * 0.4 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, '') + '…';
}

function briefCell(cell: CellSummary, citation: Map<string, number>): BriefCell {
	return {
		stance: cell.verdict,
		hidden: cell.hidden,
		entries: cell.claims.map((claim) => {
			const look = STANCE_LOOK[claim.stance];
			return {
				stance: claim.stance,
				symbol: look.symbol,
				letter: look.letter,
				word: look.word,
				short: shorten(claim.consequence, SHORT_CONSEQUENCE),
				full: claim.consequence,
				citation: citation.get(claim.id)!
			};
		})
	};
}

const formatA = (a: number) => a.toFixed(2).replace('-', '−');

function tally(stat: OptionStat): string {
	const a = stat.agreement === null ? '' : `, agreement A = ${formatA(stat.agreement)}`;
	return `${stat.support} support, ${stat.conditional} conditional, ${stat.oppose} oppose (n = ${stat.n}${a})`;
}

/** With fewer than this many positions, an agreement index says little: reported, not ranked. */
export const MIN_N = 2;

/**
 * Plain sentences for the ranking's two ends, stating n; options with too few positions to rank
 * are named separately, so a single voice is never presented as consensus.
 */
export function headline(ranked: readonly OptionStat[]): string[] {
	const rankable = ranked.filter((s) => s.agreement !== null && s.n >= MIN_N);
	const thin = ranked.filter((s) => s.n > 0 && s.n < MIN_N);
	const silent = ranked.filter((s) => s.n === 0);
	const out: string[] = [];
	if (rankable.length === 0) {
		out.push(`No option in view has positions from ${MIN_N} or more commentators to compare.`);
	} else {
		const first = rankable[0]!;
		const last = rankable[rankable.length - 1]!;
		if (rankable.length === 1 || first.agreement === last.agreement) {
			out.push(`${first.label}: ${tally(first)}.`);
		} else {
			out.push(`Most contested: ${first.label}: ${tally(first)}.`);
			out.push(`Most agreed: ${last.label}: ${tally(last)}.`);
		}
	}
	if (thin.length > 0)
		out.push(`Addressed by one commentator only: ${thin.map((s) => s.label).join('; ')}.`);
	if (silent.length > 0)
		out.push(`Addressed by no commentator in view: ${silent.map((s) => s.label).join('; ')}.`);
	return out;
}

export function brief(input: ExportInput): Brief {
	const view = resolveView(input);
	const matrix = buildMatrix(view);
	const stats = optionStats(
		view.scenario,
		view.claims,
		view.commentators.map((c) => c.id)
	).filter((s) => view.options.some((o) => o.id === s.id));
	const ranking = rankOptions(stats).map((stat): BriefFinding => {
		let from = 0;
		const segments: BriefSegment[] = [];
		for (const stance of STANCES) {
			if (stat[stance] === 0) continue;
			const share = stat[stance] / stat.n;
			segments.push({ stance, count: stat[stance], from, share });
			from += share;
		}
		return { stat, segments };
	});
	const numbers = new Map<string, number>();
	const sources = view.scenario.sources.flatMap((source): BriefSource[] => {
		const cited = matrix.cited.filter((claim) => claim.source === source.id);
		if (cited.length === 0) return [];
		return [
			{
				id: source.id,
				outlet: source.outlet,
				title: source.title,
				date: dateLabel(source.date, source.date_inferred),
				authors: source.authors === NOT_STATED ? 'authors not stated' : source.authors.join(', '),
				address: safeHref(source.url),
				citations: cited.map((claim) => {
					const person = view.index.commentator(claim.commentator);
					numbers.set(claim.id, numbers.size + 1);
					return {
						number: numbers.size,
						quote: claim.quote.exact,
						commentator: person.name,
						role: person.role === NOT_STATED ? null : person.role,
						passage: safeHref(passageUrl(source.url, claim.quote))
					};
				})
			}
		];
	});
	const cells = matrix.cells.map((row) => row.map((cell) => briefCell(cell, numbers)));
	const heads = (list: typeof matrix.rows): BriefHeading[] =>
		list.map((h) => ({
			id: h.id,
			label: h.label,
			detail: h.kind === 'commentator' ? h.detail : null
		}));
	const screenRows = matrix.transposed ? 'commentators' : 'options';
	const rowsAre = matrix.options.length <= matrix.pairs.length ? 'commentators' : 'options';
	const turned = rowsAre !== screenRows;
	const { meta } = view.scenario;
	return {
		title: meta.title,
		question: meta.question,
		asOf: meta.as_of,
		codedBy: meta.coded_by,
		filters: view.filters,
		rowsAre,
		turned,
		columns: heads(turned ? matrix.rows : matrix.columns),
		rows: heads(turned ? matrix.columns : matrix.rows),
		cells: turned ? matrix.columns.map((_, c) => cells.map((row) => row[c]!)) : cells,
		ranking,
		headline: headline(ranking.map((r) => r.stat)),
		sources,
		claims: matrix.cited.length,
		commentators: view.commentators.length
	};
}
