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

export function neutralizeFormula(value: string): string {
	return startsFormula(value) ? `'${value}` : value;
}

function cellText(value: Cell): string {
	if (value === null || value === undefined) return '';
	// Numbers are ours (counts, scores), never user text, so a negative number stays a number.
	if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
	if (typeof value === 'boolean') return value ? 'true' : 'false';
	return neutralizeFormula(value);
}

const QUOTE = /[",\r\n]/;

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
