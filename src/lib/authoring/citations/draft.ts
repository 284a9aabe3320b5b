/**
 * What a citation file says about a source, ready for the source form. Only what the file
 * states: a field it does not give is `not stated` (or `null` for the date and kind, which the
 * person must then give or mark inferred); nothing is guessed. `notes` lists what was read but
 * could not be used (a date that is not a calendar date, an address that is not http(s)).
 */
import { isCalendarDate, isHttpUrl, NOT_STATED, type SourceKind } from '../../scenario/schema';
import { SOURCE_KIND_WORDS } from '../../export/words';

export interface SourceDraft {
	title: string;
	outlet: string;
	/** YYYY, YYYY-MM or YYYY-MM-DD, or null when the file gives no usable date. */
	date: string | null;
	authors: string[] | typeof NOT_STATED;
	url: string;
	/** Only when the file names one of the kinds in so many words (Stancegrid's own exports). */
	kind: SourceKind | null;
	/** What was read but not used, in words. */
	notes: string[];
}

export type CitationFormat = 'csl-json' | 'ris' | 'bibtex';

export type CitationResult =
	{ ok: true; format: CitationFormat; drafts: SourceDraft[] } | { ok: false; problem: string };

/** Runs of whitespace and control characters become one space; outer space goes. */
export function clean(text: string): string {
	// eslint-disable-next-line no-control-regex
	return text.replace(/[\s\u0000-\u001f\u007f]+/g, ' ').trim();
}

export function stated(text: string | undefined): string {
	const t = clean(text ?? '');
	return t === '' ? NOT_STATED : t;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A date from its numeric parts, as far as they go and only when it is a real date. */
export function dateFromParts(
	parts: (number | undefined)[],
	raw: string,
	notes: string[]
): string | null {
	const [y, m, d] = parts;
	if (y === undefined || !Number.isInteger(y) || y < 1000 || y > 9999) {
		if (raw.trim() !== '')
			notes.push(`The date "${clean(raw)}" is not a calendar date; give it below.`);
		return null;
	}
	let date = String(y);
	if (m !== undefined && Number.isInteger(m)) {
		date += `-${pad(m)}`;
		if (d !== undefined && Number.isInteger(d)) date += `-${pad(d)}`;
	}
	if (!isCalendarDate(date)) {
		notes.push(`The date "${clean(raw)}" is not a calendar date; give it below.`);
		return null;
	}
	return date;
}

const MONTH_WORDS = [
	'jan',
	'feb',
	'mar',
	'apr',
	'may',
	'jun',
	'jul',
	'aug',
	'sep',
	'oct',
	'nov',
	'dec'
];

/** A month as a number from "9", "09", "sep" or "September"; undefined otherwise. */
export function monthNumber(text: string | undefined): number | undefined {
	if (text === undefined) return undefined;
	const t = text.trim().toLowerCase();
	if (/^\d{1,2}$/.test(t)) return Number(t);
	const i = MONTH_WORDS.indexOf(t.slice(0, 3));
	return i >= 0 && MONTH_WORDS.some((m) => t.startsWith(m)) ? i + 1 : undefined;
}

/** "2025-09-09", "2025/09/09/", "2025-09", "2025": the numeric date forms citation files use. */
export function dateFromText(raw: string | undefined, notes: string[]): string | null {
	if (raw === undefined || raw.trim() === '') return null;
	// RIS writes "2025/10//" for a month without a day, and may add free text after the last slash.
	const m = /^\s*(\d{4})(?:[-/](\d{0,2})(?:[-/](\d{0,2}))?)?(?:[-/][^\d]*)?(?:\s.*)?$/.exec(raw);
	if (!m) return dateFromParts([], raw, notes);
	const num = (s: string | undefined) => (s === undefined || s === '' ? undefined : Number(s));
	return dateFromParts([Number(m[1]), num(m[2]), num(m[3])], raw, notes);
}

export function address(raw: string | undefined, notes: string[]): string {
	const t = clean(raw ?? '');
	if (t === '') return NOT_STATED;
	if (isHttpUrl(t)) return t;
	notes.push(`The address "${t.slice(0, 80)}" is not an http(s) address; left not stated.`);
	return NOT_STATED;
}

/** A kind only where the file names it as Stancegrid's words do; never guessed from a type. */
export function kindFromWords(raw: string | undefined): SourceKind | null {
	const t = clean(raw ?? '').toLowerCase();
	for (const [kind, words] of Object.entries(SOURCE_KIND_WORDS))
		if (t === words || t === kind) return kind as SourceKind;
	return null;
}

export function authorList(names: string[]): string[] | typeof NOT_STATED {
	const list = names.map(clean).filter((n) => n !== '');
	return list.length > 0 ? list : NOT_STATED;
}
