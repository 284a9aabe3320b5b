/**
 * How exports put the data in words for people (matrix cells, readable column titles and values),
 * as opposed to the long CSV, whose raw ids and codes are for other tools.
 */
import { FILTERED_OUT, NOT_ADDRESSED, STANCE_LOOK, dateLabel } from '../present/stance';
import { NOT_STATED, type Claim, type Source, type SourceKind } from '../scenario/schema';
import { claimTexts } from './claim-texts';
import type { LongColumn } from '../scenario/claim-columns';
import type { CellSummary, TableHead } from '../view/matrix-view';
import type { ExportView } from './view';

/** "Supports ▲: consequence": the stance in a word and a symbol, so no colour is needed. */
export function claimEntry(claim: Claim): string {
	const look = STANCE_LOOK[claim.stance];
	return `${look.word} ${look.symbol}: ${claim.consequence}`;
}

/** What an empty cell says: "Filtered out" when filters hide its claims, else "Not addressed". */
export function emptyWord(cell: CellSummary): string {
	return cell.hidden ? FILTERED_OUT.word : NOT_ADDRESSED.word;
}

/** One line per claim in the cell, or why it is empty. */
export function cellEntries(cell: CellSummary): string[] {
	return cell.claims.length === 0 ? [emptyWord(cell)] : cell.claims.map(claimEntry);
}

/**
 * A row or column heading in one line: a commentator with the source that quotes them, as the
 * grid shows a name under its source's group header; an option by its label.
 */
export function headText(head: TableHead): string {
	return head.kind === 'commentator' ? `${head.label} (${head.detail})` : head.label;
}
/** A claim's row for people: stance and directions in words, dimensions by label. */
export function readableRows(view: ExportView): (claim: Claim) => Record<LongColumn, string> {
	const { text } = claimTexts(view);
	const columns = Object.keys(text) as LongColumn[];
	return (claim) =>
		Object.fromEntries(columns.map((column) => [column, text[column](claim)])) as Record<
			LongColumn,
			string
		>;
}

export function authorsText(source: Source): string {
	return source.authors === NOT_STATED ? NOT_STATED : source.authors.join('; ');
}

/** "Ana Núñez, Town Gazette, “Lights”, 2024-04-02": who said it and where, for citation lists. */
export function citationLine(view: ExportView, claim: Claim): string {
	const source = view.index.source(claim.source);
	return [
		view.index.commentator(claim.commentator).name,
		source.outlet,
		`“${source.title}”`,
		dateLabel(source.date, source.date_inferred)
	].join(', ');
}

export const STANCE_MEANING = {
	support: 'supports the option',
	conditional: 'supports it only under stated conditions or with strong caveats',
	oppose: 'opposes the option',
	mixed: 'several claims with different stances',
	not_addressed: 'the commentator has no claim on this option in this source',
	filtered_out: 'the commentator has claims on this option, but the filters in effect hide them'
} as const;

export const DIRECTION_MEANING = {
	helps: "moves toward the dimension's goal",
	hurts: 'moves away from it',
	unclear: 'little or no effect expected, unsure, or the direction is not said'
} as const;

export const SOURCE_KIND_WORDS: Record<SourceKind, string> = {
	'op-ed': 'op-ed',
	analysis: 'analysis',
	'news-explainer': 'news explainer',
	'news-report': 'news report'
};
