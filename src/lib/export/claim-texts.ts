/**
 * A claim's cells for people, column by column: stance and directions in words, dimensions by
 * label. The workbook asks for the visible columns only, without a row object per claim (on a
 * 20,000-claim export, building rows cost about as much as ExcelJS creating 320,000 cells);
 * `readableRows` (words.ts) puts the same texts in a row for the clipboard.
 */
import { DIRECTION_LOOK, STANCE_LOOK } from '../present/stance';
import { byId } from '../scenario/group';
import { passageUrl } from '../scenario/passage-link';
import { STANCES, type Claim, type Stance } from '../scenario/schema';
import { CELLS, LONG_COLUMNS, type LongColumn } from '../scenario/claim-columns';
import type { ExportView } from './view';

export interface PassageLink {
	/** The link as text, or '' when the source has no http(s) address. */
	text: string;
	/** The link for a hyperlink, or null. */
	href: string | null;
}

/** "Supports ▲": made once, not once per claim. */
const STANCE_TEXT = Object.fromEntries(
	STANCES.map((stance) => [stance, `${STANCE_LOOK[stance].word} ${STANCE_LOOK[stance].symbol}`])
) as Record<Stance, string>;

export interface ClaimTexts {
	text: Record<LongColumn, (claim: Claim) => string>;
	link: (claim: Claim) => PassageLink;
}

export function claimTexts(view: ExportView): ClaimTexts {
	const { index } = view;
	const dimensions = byId(view.scenario.dimensions);
	const source = (claim: Claim) => index.source(claim.source);
	// passageUrl's links are already normalised http(s) URLs (its tests check that safeHref
	// leaves them as they are), so they serve as hyperlinks without parsing them again.
	const link = (claim: Claim): PassageLink => {
		const text = passageUrl(source(claim).url, claim.quote) ?? '';
		return { text, href: text === '' ? null : text };
	};
	// The columns people read differently from the long table; the others are its values as text.
	const words: Partial<Record<LongColumn, (claim: Claim) => string>> = {
		stance: (claim) => STANCE_TEXT[claim.stance],
		dimension: (claim) =>
			claim.effects.map((e) => dimensions.get(e.dimension)?.label ?? e.dimension).join('; '),
		direction: (claim) => claim.effects.map((e) => DIRECTION_LOOK[e.direction].word).join('; '),
		date_inferred: (claim) => (source(claim).date_inferred ? 'yes' : 'no'),
		passage_url: (claim) => link(claim).text
	};
	const asIs = (column: LongColumn) => {
		const read = CELLS[column];
		return (claim: Claim) =>
			String(read(claim, index.option(claim.option), source(claim), index) ?? '');
	};
	return {
		link,
		text: Object.fromEntries(
			LONG_COLUMNS.map((column) => [column, words[column] ?? asIs(column)])
		) as ClaimTexts['text']
	};
}
