/**
 * The claim columns: one row per claim, every field a column, read by the claims grid and by
 * every export alike (the long CSV is the shape other tools read, brief §5). The first eleven
 * columns are a published contract and must not change; more may follow.
 */
import { byId } from './group';
import { passageUrl } from './passage-link';
import { NOT_STATED, type Claim, type Scenario } from './schema';

/** A value in one column: text, a count or a flag; empty when absent. */
export type Cell = string | number | boolean | null | undefined;

export const LONG_COLUMNS = [
	'option_id',
	'option',
	'commentator_id',
	'commentator',
	'source_id',
	'outlet',
	'date',
	'stance',
	'dimension',
	'consequence',
	'quote',
	'direction',
	'claim_id',
	'title',
	'date_inferred',
	'passage_url',
	'likelihood',
	'confidence',
	'basis'
] as const;

export type LongColumn = (typeof LONG_COLUMNS)[number];

/** Column headings for people (grid, workbook, clipboard); the CSV keeps the ids above. */
export const COLUMN_TITLES: Record<LongColumn, string> = {
	option_id: 'Option id',
	option: 'Option',
	commentator_id: 'Commentator id',
	commentator: 'Commentator',
	source_id: 'Source id',
	outlet: 'Outlet',
	date: 'Date',
	stance: 'Stance',
	dimension: 'Dimensions',
	consequence: 'Consequence',
	quote: 'Quote',
	direction: 'Directions',
	claim_id: 'Claim id',
	title: 'Title',
	date_inferred: 'Date inferred',
	passage_url: 'Passage',
	likelihood: 'Likelihood',
	confidence: 'Confidence',
	basis: 'Basis'
};

export interface ScenarioIndex {
	option: (id: string) => Scenario['options'][number];
	commentator: (id: string) => Scenario['commentators'][number];
	source: (id: string) => Scenario['sources'][number];
}

export function indexScenario(scenario: Scenario): ScenarioIndex {
	const by = <T extends { id: string }>(list: T[]) => {
		const map = byId(list);
		return (id: string): T => {
			const item = map.get(id);
			// The loader has already checked every reference, so a miss is a programming error.
			if (!item) throw new Error(`unknown id ${id}`);
			return item;
		};
	};
	return {
		option: by(scenario.options),
		commentator: by(scenario.commentators),
		source: by(scenario.sources)
	};
}

type Option = Scenario['options'][number];
type Source = Scenario['sources'][number];
type Read = (claim: Claim, option: Option, source: Source, index: ScenarioIndex) => Cell;

/**
 * How each column is read from a claim: the one definition, for the grid's rows, the CSV, and
 * the wording for people (claim-texts.ts, which rewords only stance, effects and links).
 */
export const CELLS: Readonly<Record<LongColumn, Read>> = {
	option_id: (_, option) => option.id,
	option: (_, option) => option.label,
	commentator_id: (claim) => claim.commentator,
	commentator: (claim, _o, _s, index) => index.commentator(claim.commentator).name,
	source_id: (_c, _o, source) => source.id,
	outlet: (_c, _o, source) => source.outlet,
	date: (_c, _o, source) => source.date,
	stance: (claim) => claim.stance,
	// A claim on several dimensions stays one row: dimensions and directions joined in step.
	dimension: (claim) => claim.effects.map((e) => e.dimension).join(';'),
	consequence: (claim) => claim.consequence,
	quote: (claim) => claim.quote.exact,
	direction: (claim) => claim.effects.map((e) => e.direction).join(';'),
	claim_id: (claim) => claim.id,
	title: (_c, _o, source) => source.title,
	date_inferred: (_c, _o, source) => source.date_inferred,
	passage_url: (claim, _o, source) => passageUrl(source.url, claim.quote) ?? '',
	// Absent: the source does not say (the tool never infers a likelihood or a confidence).
	likelihood: (claim) => claim.likelihood ?? NOT_STATED,
	confidence: (claim) => claim.confidence ?? NOT_STATED,
	basis: (claim) => claim.basis ?? NOT_STATED
};

/**
 * A claim's row as an object, for the grid. Written out key by key (each a direct call the
 * compiler can inline) so that 20,000 rows share one object shape; the type checks that no
 * column is missing. The passage link is built when first read: a grid shows a few dozen.
 */
export function longRow(index: ScenarioIndex, claim: Claim): Record<LongColumn, Cell> {
	const o = index.option(claim.option);
	const s = index.source(claim.source);
	let link: Cell | undefined;
	return {
		option_id: CELLS.option_id(claim, o, s, index),
		option: CELLS.option(claim, o, s, index),
		commentator_id: CELLS.commentator_id(claim, o, s, index),
		commentator: CELLS.commentator(claim, o, s, index),
		source_id: CELLS.source_id(claim, o, s, index),
		outlet: CELLS.outlet(claim, o, s, index),
		date: CELLS.date(claim, o, s, index),
		stance: CELLS.stance(claim, o, s, index),
		dimension: CELLS.dimension(claim, o, s, index),
		consequence: CELLS.consequence(claim, o, s, index),
		quote: CELLS.quote(claim, o, s, index),
		direction: CELLS.direction(claim, o, s, index),
		claim_id: CELLS.claim_id(claim, o, s, index),
		title: CELLS.title(claim, o, s, index),
		date_inferred: CELLS.date_inferred(claim, o, s, index),
		get passage_url() {
			return (link ??= CELLS.passage_url(claim, o, s, index));
		},
		likelihood: CELLS.likelihood(claim, o, s, index),
		confidence: CELLS.confidence(claim, o, s, index),
		basis: CELLS.basis(claim, o, s, index)
	};
}

/** The rows as arrays of the given columns, read straight from each claim (no row objects). */
export function longTable(
	scenario: Scenario,
	claims: readonly Claim[] = scenario.claims,
	columns: readonly LongColumn[] = LONG_COLUMNS
): { header: LongColumn[]; rows: Cell[][] } {
	const index = indexScenario(scenario);
	const reads = columns.map((c) => CELLS[c]);
	return {
		header: [...columns],
		rows: claims.map((claim) => {
			const option = index.option(claim.option);
			const source = index.source(claim.source);
			return reads.map((read) => read(claim, option, source, index));
		})
	};
}

/** The first eleven columns: other tools read them by position, so the CSV always has them. */
export const CONTRACT_COLUMNS = LONG_COLUMNS.slice(0, 11);

/**
 * The long CSV keeps the published header whatever the view hides; columns the view shows
 * beyond it follow in view order. (XLSX, Markdown and the clipboard follow the view exactly.)
 */
export function csvColumns(visible: readonly LongColumn[] = LONG_COLUMNS): LongColumn[] {
	return [...CONTRACT_COLUMNS, ...visible.filter((c) => !CONTRACT_COLUMNS.includes(c))];
}
