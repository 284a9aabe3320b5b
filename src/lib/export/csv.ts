/**
 * RFC 4180 CSV with the OWASP formula-injection guard. Every cell a spreadsheet could read as a
 * formula gets a leading apostrophe, which Excel, LibreOffice and Sheets show as plain text.
 */
import type { Cell } from '../scenario/claim-columns';

export type { Cell };

/** = + - @ tab CR: what a spreadsheet reads as the start of a formula (by code: 320,000 cells). */
function startsFormula(value: string): boolean {
	const c = value.charCodeAt(0);
	return c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13;
}

/** A `;` or tab followed by what starts a formula: a piece a spreadsheet could split off. */
const PIECE_FORMULA = /([;\t])(?=[=+\-@\t\r])/g;
/** Controls no spreadsheet cell should hold (the loader refuses them; this is the second line). */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/**
 * The formula guard on the whole value and on each piece after a `;` or tab, which Excel splits
 * off in locales whose list separator is `;` (the field is quoted too; this holds if it is not).
 */
export function neutralizeFormula(value: string): string {
	let text = value;
	if (text.includes(';') || text.includes('\t')) text = text.replace(PIECE_FORMULA, "$1'");
	return startsFormula(text) ? `'${text}` : text;
}

function cellText(value: Cell): string {
	if (value === null || value === undefined) return '';
	// Numbers are ours (counts, scores), never user text, so a negative number stays a number.
	if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
	if (typeof value === 'boolean') return value ? 'true' : 'false';
	CONTROL.lastIndex = 0;
	return neutralizeFormula(CONTROL.test(value) ? value.replace(CONTROL, '\ufffd') : value);
}

/** Quoted: the separators of every locale (`,` and `;`), tabs, quotes and line breaks. */
const QUOTE = /[",;\t\r\n]/;

export function csvField(value: Cell): string {
	const text = cellText(value);
	return QUOTE.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV record with its CRLF, built by concatenation (no array of fields per row). */
function line(cells: readonly Cell[]): string {
	let out = '';
	for (let i = 0; i < cells.length; i++) {
		out += (i === 0 ? '' : ',') + csvField(cells[i]);
	}
	return out + '\r\n';
}

export interface CsvOptions {
	/** A UTF-8 byte-order mark so Excel opens accented names correctly. */
	bom?: boolean;
}

export function toCsv(
	header: readonly string[],
	rows: readonly (readonly Cell[])[],
	options: CsvOptions = {}
): string {
	let out = (options.bom === false ? '' : '\ufeff') + line(header);
	for (const row of rows) out += line(row);
	return out;
}
