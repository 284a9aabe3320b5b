/**
 * What the evidence panel shows for a selection, as plain data: the claims behind a cell, the
 * quote in its surrounding text, and a plain-text citation to paste into notes.
 */
import { passageUrl } from '../scenario/passage-link';
import { NOT_STATED, isHttpUrl, type Claim, type Quote, type Scenario } from '../scenario/schema';
import { ALL_SOURCES, type Selection } from './url-state';
import { dateLabel } from '../present/stance';

/**
 * The claims behind a selection. A cell shows the claims in view (filtered), as the grid does;
 * a claim picked by id is shown even when the filters have since hidden it.
 */
export function selectedClaims(
	scenario: Scenario,
	inView: readonly Claim[],
	selection: Selection | null
): Claim[] {
	if (!selection) return [];
	switch (selection.kind) {
		case 'claim':
			return scenario.claims.filter((c) => c.id === selection.claim);
		case 'cell':
			return inView.filter(
				(c) =>
					c.option === selection.option &&
					c.commentator === selection.commentator &&
					(selection.source === ALL_SOURCES || c.source === selection.source)
			);
		case 'dim':
			return inView.filter(
				(c) =>
					c.option === selection.option &&
					c.effects.some((e) => e.dimension === selection.dimension)
			);
	}
}

const squash = (text: string) => text.replace(/\s+/g, ' ');

/**
 * A selector's context is cut at about 32 characters, often mid-word; drop the word at the far
 * end when the context is that long (a shorter one reached the edge of the paragraph).
 */
const CUT_LENGTH = 24;

function fromWordStart(text: string): string {
	if (/^\s/.test(text) || text.length < CUT_LENGTH) return text.trimStart();
	const cut = text.indexOf(' ');
	return cut < 0 ? '' : text.slice(cut + 1);
}

function toWordEnd(text: string): string {
	if (/\s$/.test(text) || text.length < CUT_LENGTH) return text.trimEnd();
	const cut = text.lastIndexOf(' ');
	return cut < 0 ? '' : text.slice(0, cut);
}

/** The stored selector as three runs of text; the caller marks `exact`. */
export function quoteInContext(quote: Quote): {
	before: string;
	exact: string;
	after: string;
} {
	const before = squash(quote.prefix);
	const after = squash(quote.suffix);
	return {
		before: before.trim() === '' ? '' : '…' + fromWordStart(before),
		exact: squash(quote.exact).trim(),
		after: after.trim() === '' ? '' : toWordEnd(after) + '…'
	};
}

/** `Name, role, in Outlet, "Title", date. "quote" URL`, leaving out what the source does not state. */
export function citation(scenario: Scenario, claim: Claim): string {
	const person = scenario.commentators.find((c) => c.id === claim.commentator);
	const source = scenario.sources.find((s) => s.id === claim.source);
	const who = [person?.name, person?.role]
		.filter((t): t is string => t !== undefined && t !== NOT_STATED)
		.join(', ');
	const where = source
		? `in ${source.outlet}, "${source.title}", ${dateLabel(source.date, source.date_inferred)}`
		: '';
	const link = source
		? (passageUrl(source.url, claim.quote) ?? (isHttpUrl(source.url) ? source.url : ''))
		: '';
	const quote = `"${squash(claim.quote.exact).trim()}"`;
	return `${[who, where].filter(Boolean).join(', ')}. ${quote}${link ? ' ' + link : ''}`;
}

/**
 * The likelihood, confidence and basis a source states, as one sentence ("The source calls it
 * very likely, with moderate confidence; basis: figures."), or null when it states none. Only
 * what the claim holds: nothing is inferred, and an absent field is left out, not guessed.
 */
export function statedJudgement(claim: Claim): string | null {
	const parts: string[] = [];
	if (claim.likelihood) parts.push(`calls it ${claim.likelihood}`);
	if (claim.confidence) parts.push(`states ${claim.confidence} confidence`);
	if (claim.basis && claim.basis !== NOT_STATED) parts.push(`rests it on ${claim.basis}`);
	if (parts.length === 0) {
		return claim.basis === NOT_STATED ? 'The source does not say what it rests this on.' : null;
	}
	const list =
		parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
	return `The source ${list}.`;
}
