/**
 * RFC 4180 CSV with the OWASP formula-injection guard. Every cell a spreadsheet could read as a
 * formula gets a leading apostrophe, which Excel, LibreOffice and Sheets show as plain text.
 */
export type Cell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralizeFormula(value: string): string {
	return FORMULA_START.test(value) ? `'${value}` : value;
}

function cellText(value: Cell): string {
	if (value === null || value === undefined) return '';
	// Numbers are ours (counts, scores), never user text, so a negative number stays a number.
	if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
	if (typeof value === 'boolean') return value ? 'true' : 'false';
	return neutralizeFormula(value);
}

export function csvField(value: Cell): string {
	const text = cellText(value);
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
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
	const lines = [header.map(csvField).join(',')];
	for (const row of rows) lines.push(row.map(csvField).join(','));
	return (options.bom === false ? '' : '\ufeff') + lines.join('\r\n') + '\r\n';
}
