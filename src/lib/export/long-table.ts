/**
 * The long table: one row per claim, the shape other tools read (brief §5). The first eleven
 * columns are a published contract and must not change; more may follow.
 */
import { byId } from '../scenario/group';
import { passageUrl } from '../scenario/passage-link';
import type { Claim, Scenario } from '../scenario/schema';
import { toCsv, type Cell } from './csv';

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
	'passage_url'
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
	passage_url: 'Passage'
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

export function longRow(index: ScenarioIndex, claim: Claim): Record<LongColumn, Cell> {
	const option = index.option(claim.option);
	const source = index.source(claim.source);
	let link: string | undefined;
	return {
		option_id: option.id,
		option: option.label,
		commentator_id: claim.commentator,
		commentator: index.commentator(claim.commentator).name,
		source_id: source.id,
		outlet: source.outlet,
		date: source.date,
		stance: claim.stance,
		// A claim on several dimensions stays one row: dimensions and directions joined in step.
		dimension: claim.effects.map((e) => e.dimension).join(';'),
		consequence: claim.consequence,
		quote: claim.quote.exact,
		direction: claim.effects.map((e) => e.direction).join(';'),
		claim_id: claim.id,
		title: source.title,
		date_inferred: source.date_inferred,
		// Built when first read: a grid of 20,000 claims shows a few dozen links, not all of them.
		get passage_url() {
			return (link ??= passageUrl(source.url, claim.quote) ?? '');
		}
	};
}

export function longTable(
	scenario: Scenario,
	claims: readonly Claim[] = scenario.claims,
	columns: readonly LongColumn[] = LONG_COLUMNS
): { header: LongColumn[]; rows: Cell[][] } {
	const index = indexScenario(scenario);
	return {
		header: [...columns],
		rows: claims.map((claim) => {
			const row = longRow(index, claim);
			return columns.map((c) => row[c]);
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

export function longCsv(
	scenario: Scenario,
	claims?: readonly Claim[],
	columns?: readonly LongColumn[]
): string {
	const { header, rows } = longTable(scenario, claims, csvColumns(columns));
	return toCsv(header, rows);
}
