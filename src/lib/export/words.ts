/**
 * How exports put the data in words for people (matrix cells, readable column titles and values),
 * as opposed to the long CSV, whose raw ids and codes are for other tools.
 */
import { NOT_ADDRESSED, STANCE_LOOK, dateLabel } from '../present/stance';
import { NOT_STATED, type Claim, type Source, type SourceKind } from '../scenario/schema';
import { claimTexts } from './claim-texts';
import type { LongColumn } from '../scenario/claim-columns';
import type { ExportView, MatrixCell } from './view';

/** "Supports ▲: consequence": the stance in a word and a symbol, so no colour is needed. */
export function claimEntry(claim: Claim): string {
	const look = STANCE_LOOK[claim.stance];
	return `${look.word} ${look.symbol}: ${claim.consequence}`;
}

/** One line per claim in the cell, or "Not addressed". */
export function cellEntries(cell: MatrixCell): string[] {
	return cell.claims.length === 0 ? [NOT_ADDRESSED.word] : cell.claims.map(claimEntry);
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
	not_addressed: 'no claim in view on this option by this commentator'
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
