/**
 * The filters every view shares (brief §3), as plain data, and the one function that applies
 * them. Grid, charts and exports all call `applyFilters`, so what is on screen is what is
 * exported and what the charts count.
 */
import { byId } from '../scenario/group';
import type { Claim, CommentatorKind, Scenario, Stance } from '../scenario/schema';
import { queryTerms } from './search-terms';

export interface Filters {
	/** Empty list = no restriction, for every list below. */
	sources: string[];
	kinds: CommentatorKind[];
	dimensions: string[];
	stances: Stance[];
	options: string[];
	commentators: string[];
	/** Inclusive bounds on the source date, compared as text prefixes (YYYY, YYYY-MM, YYYY-MM-DD). */
	from: string | null;
	to: string | null;
	/**
	 * Quick search, case-insensitive: every word must appear in the claim's own text (consequence,
	 * quote, stance) or in its option's or commentator's name (see `claimTexts`).
	 */
	query: string;
}

export const NO_FILTERS: Filters = {
	sources: [],
	kinds: [],
	dimensions: [],
	stances: [],
	options: [],
	commentators: [],
	from: null,
	to: null,
	query: ''
};

export function isFiltered(filters: Filters): boolean {
	return (
		filters.sources.length +
			filters.kinds.length +
			filters.dimensions.length +
			filters.stances.length +
			filters.options.length +
			filters.commentators.length >
			0 ||
		filters.from !== null ||
		filters.to !== null ||
		filters.query.trim() !== ''
	);
}

/**
 * A partial date's span: "2025-10" runs from 2025-10-01 to 2025-10-31 (as text, "2025-10" to
 * "2025-10~"), so a source dated only by month is inside a range that overlaps that month.
 */
function dateSpan(date: string): [string, string] {
	return [date, date + '~'];
}

function inRange(date: string, from: string | null, to: string | null): boolean {
	const [start, end] = dateSpan(date);
	if (from !== null && end < from) return false;
	if (to !== null && start > to + '~') return false;
	return true;
}

/**
 * The searchable text of every claim, lower-cased once per scenario and kept while the scenario
 * object lives, in the order of `scenario.claims`: quick search runs on every keystroke over up
 * to 20,000 claims, so a search is one `includes` per word per claim and nothing else.
 *
 * The source's outlet and title are left out on purpose: a word in an article's title would
 * otherwise pull in every claim of that article (issue 13: "Tomahawk" returned 23 of 41 claims
 * because one title holds it). The Sources filter narrows by article.
 */
const searchText = new WeakMap<Scenario, string[]>();

function claimTexts(scenario: Scenario): string[] {
	let texts = searchText.get(scenario);
	if (texts) return texts;
	const people = byId(scenario.commentators);
	const options = byId(scenario.options);
	texts = scenario.claims.map((claim) => {
		const person = people.get(claim.commentator);
		const option = options.get(claim.option);
		return [
			claim.consequence,
			claim.quote.exact,
			claim.stance,
			person?.name,
			person?.role,
			person?.affiliation,
			option?.label
		]
			.join('\n')
			.toLowerCase();
	});
	searchText.set(scenario, texts);
	return texts;
}

export function applyFilters(scenario: Scenario, filters: Filters): Claim[] {
	if (!isFiltered(filters)) return scenario.claims;
	const sources = new Set(filters.sources);
	const kindSet = new Set(filters.kinds);
	const dims = new Set(filters.dimensions);
	const stances = new Set(filters.stances);
	const options = new Set(filters.options);
	const people = new Set(filters.commentators);
	const terms = queryTerms(filters.query);
	// Each test is built only when its filter is set: a search alone is a loop of `includes`.
	const tests: ((claim: Claim) => boolean)[] = [];
	if (sources.size > 0) tests.push((claim) => sources.has(claim.source));
	if (kindSet.size > 0) {
		const kinds = new Map(scenario.commentators.map((c) => [c.id, c.kind]));
		tests.push((claim) => kindSet.has(kinds.get(claim.commentator)!));
	}
	if (dims.size > 0) tests.push((claim) => claim.effects.some((e) => dims.has(e.dimension)));
	if (stances.size > 0) tests.push((claim) => stances.has(claim.stance));
	if (options.size > 0) tests.push((claim) => options.has(claim.option));
	if (people.size > 0) tests.push((claim) => people.has(claim.commentator));
	if (filters.from !== null || filters.to !== null) {
		const inDates = new Map(
			scenario.sources.map((s) => [s.id, inRange(s.date, filters.from, filters.to)])
		);
		tests.push((claim) => inDates.get(claim.source)!);
	}
	const texts = terms.length === 0 ? null : claimTexts(scenario);
	const claims = scenario.claims;
	const out: Claim[] = [];
	for (let i = 0; i < claims.length; i++) {
		if (texts !== null) {
			const text = texts[i]!;
			if (!terms.every((term) => text.includes(term))) continue;
		}
		const claim = claims[i]!;
		if (tests.every((test) => test(claim))) out.push(claim);
	}
	return out;
}

/** What a kind of commentator is called in filters, chips and legends. */
export const KIND_WORDS: Record<CommentatorKind, string> = {
	analyst: 'analysts',
	official: 'officials',
	journalist: 'journalists',
	outlet: 'outlets (unsigned)',
	unnamed: 'unnamed'
};

/** One filter value in words, with what removing it leaves: a chip in the bar, a line's item. */
export interface FilterPart {
	key: string;
	/** What kind of filter, as a line's heading says it, e.g. "Options". */
	group: string;
	/** The value in words, e.g. "LED retrofit", or "2025-09 to any" for dates. */
	words: string;
	remove: Partial<Filters>;
}

/**
 * The filters in words, one part per value, in a fixed order. The filter bar's chips and every
 * line of `describeFilters` (export legends, the brief, the reading view) are made from these,
 * so they always say the same thing.
 */
export function filterParts(scenario: Scenario, filters: Filters): FilterPart[] {
	const name = <T extends { id: string }>(list: T[], id: string, label: (item: T) => string) => {
		const item = list.find((i) => i.id === id);
		return item ? label(item) : id;
	};
	const out: FilterPart[] = [];
	const each = <T extends string>(
		key: string,
		group: string,
		values: T[],
		words: (value: T) => string,
		field: 'options' | 'commentators' | 'sources' | 'kinds' | 'dimensions' | 'stances'
	) => {
		for (const value of values)
			out.push({
				key: `${key}-${value}`,
				group,
				words: words(value),
				remove: { [field]: (values as string[]).filter((x) => x !== value) }
			});
	};
	each(
		'o',
		'Options',
		filters.options,
		(id) => name(scenario.options, id, (o) => o.label),
		'options'
	);
	each(
		'c',
		'Commentators',
		filters.commentators,
		(id) => name(scenario.commentators, id, (c) => c.name),
		'commentators'
	);
	each(
		's',
		'Sources',
		filters.sources,
		(id) => name(scenario.sources, id, (x) => x.outlet),
		'sources'
	);
	each('k', 'Commentator kinds', filters.kinds, (k) => KIND_WORDS[k] ?? k, 'kinds');
	each(
		'd',
		'Dimensions',
		filters.dimensions,
		(id) => name(scenario.dimensions, id, (d) => d.label),
		'dimensions'
	);
	each('t', 'Stances', filters.stances, (stance) => stance, 'stances');
	if (filters.from !== null || filters.to !== null)
		out.push({
			key: 'dates',
			group: 'Dates',
			words: `${filters.from ?? 'any'} to ${filters.to ?? 'any'}`,
			remove: { from: null, to: null }
		});
	if (filters.query.trim())
		out.push({
			key: 'q',
			group: 'Search',
			words: `"${filters.query.trim()}"`,
			remove: { query: '' }
		});
	return out;
}

/** The filters in plain words, one line per kind of filter ("Options: A, B"); empty when none. */
export function describeFilters(scenario: Scenario, filters: Filters): string[] {
	const lines = new Map<string, string[]>();
	for (const part of filterParts(scenario, filters)) {
		const list = lines.get(part.group);
		if (list) list.push(part.words);
		else lines.set(part.group, [part.words]);
	}
	return [...lines].map(([group, words]) => `${group}: ${words.join(', ')}`);
}
