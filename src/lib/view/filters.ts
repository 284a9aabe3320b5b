/**
 * The filters every view shares (brief §3), as plain data, and the one function that applies
 * them. Grid, charts and exports all call `applyFilters`, so what is on screen is what is
 * exported and what the charts count.
 */
import { byId } from '../scenario/group';
import type { Claim, CommentatorKind, Scenario, Stance } from '../scenario/schema';

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
	/** Quick search over all of a claim's text, case-insensitive. */
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
 * object lives: quick search runs on every keystroke over up to 20,000 claims.
 */
const searchText = new WeakMap<Scenario, Map<Claim, string>>();

function claimTexts(scenario: Scenario): Map<Claim, string> {
	let texts = searchText.get(scenario);
	if (texts) return texts;
	const people = byId(scenario.commentators);
	const options = byId(scenario.options);
	const sources = byId(scenario.sources);
	texts = new Map();
	for (const claim of scenario.claims) {
		const person = people.get(claim.commentator);
		const option = options.get(claim.option);
		const source = sources.get(claim.source);
		texts.set(
			claim,
			[
				claim.consequence,
				claim.quote.exact,
				claim.stance,
				person?.name,
				person?.role,
				person?.affiliation,
				option?.label,
				source?.outlet,
				source?.title
			]
				.join('\n')
				.toLowerCase()
		);
	}
	searchText.set(scenario, texts);
	return texts;
}

export function applyFilters(scenario: Scenario, filters: Filters): Claim[] {
	if (!isFiltered(filters)) return scenario.claims;
	const kinds = new Map(scenario.commentators.map((c) => [c.id, c.kind]));
	const dates = new Map(scenario.sources.map((s) => [s.id, s.date]));
	const sources = new Set(filters.sources);
	const kindSet = new Set(filters.kinds);
	const dims = new Set(filters.dimensions);
	const stances = new Set(filters.stances);
	const options = new Set(filters.options);
	const people = new Set(filters.commentators);
	const query = filters.query.trim().toLowerCase();
	const texts = query === '' ? null : claimTexts(scenario);
	return scenario.claims.filter(
		(claim) =>
			(sources.size === 0 || sources.has(claim.source)) &&
			(kindSet.size === 0 || kindSet.has(kinds.get(claim.commentator)!)) &&
			(dims.size === 0 || claim.effects.some((e) => dims.has(e.dimension))) &&
			(stances.size === 0 || stances.has(claim.stance)) &&
			(options.size === 0 || options.has(claim.option)) &&
			(people.size === 0 || people.has(claim.commentator)) &&
			inRange(dates.get(claim.source)!, filters.from, filters.to) &&
			(texts === null || texts.get(claim)!.includes(query))
	);
}

/** Plain-words list of what is filtered, for export legends and the on-screen summary. */
export function describeFilters(scenario: Scenario, filters: Filters): string[] {
	const names = <T extends { id: string }>(list: T[], ids: string[], label: (item: T) => string) =>
		ids.map((id) => {
			const item = list.find((i) => i.id === id);
			return item ? label(item) : id;
		});
	const out: string[] = [];
	if (filters.options.length)
		out.push(`Options: ${names(scenario.options, filters.options, (o) => o.label).join(', ')}`);
	if (filters.commentators.length)
		out.push(
			`Commentators: ${names(scenario.commentators, filters.commentators, (c) => c.name).join(', ')}`
		);
	if (filters.sources.length)
		out.push(`Sources: ${names(scenario.sources, filters.sources, (s) => s.outlet).join(', ')}`);
	if (filters.kinds.length) out.push(`Commentator kinds: ${filters.kinds.join(', ')}`);
	if (filters.dimensions.length)
		out.push(
			`Dimensions: ${names(scenario.dimensions, filters.dimensions, (d) => d.label).join(', ')}`
		);
	if (filters.stances.length) out.push(`Stances: ${filters.stances.join(', ')}`);
	if (filters.from !== null || filters.to !== null)
		out.push(`Dates: ${filters.from ?? 'any'} to ${filters.to ?? 'any'}`);
	if (filters.query.trim()) out.push(`Search: "${filters.query.trim()}"`);
	return out;
}
