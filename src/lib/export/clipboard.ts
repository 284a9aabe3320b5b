/**
 * "Copy table": the same table as tab-separated text and as an HTML table, both put on the
 * clipboard so that a paste into Word, PowerPoint, Google Docs or Sheets gives a real table.
 * Both are injection-safe: every text goes through the formula guard (spreadsheets evaluate a
 * pasted `=...` in either flavour) and, in HTML, through `escapeHtml`.
 */
import { neutralizeFormula } from './csv';
import { escapeHtml, oneLine, safeHref } from './escape';
import type { ExportInput } from './format-info';
import { matrixTextTable } from './matrix-table';
import { CELL_EDGE, CELL_FILL, HEADER_FILL, MUTED_COLOUR, TEXT_COLOUR } from '../view/palette';
import { buildMatrix, resolveView } from './view';
import { COLUMN_TITLES } from '../scenario/claim-columns';
import { cellEntries, readableRows } from './words';

export interface ClipboardTable {
	/** text/plain: tab-separated values. */
	text: string;
	/** text/html: one <table>. */
	html: string;
	/** Data rows, for a status message. */
	rows: number;
}

function tsvField(value: string): string {
	const text = oneLine(neutralizeFormula(value));
	// A field starting with a quote would be read as a quoted field by Excel and Sheets.
	return text.includes('"') ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toTsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
	return [header, ...rows].map((row) => row.map(tsvField).join('\t')).join('\r\n') + '\r\n';
}

const TABLE_STYLE = `border-collapse:collapse;font-family:Calibri,Arial,sans-serif;font-size:10pt;color:${TEXT_COLOUR}`;
const CELL_STYLE = 'border:1px solid #8c959f;padding:4px 6px;vertical-align:top;text-align:left';
const HEAD_STYLE = `${CELL_STYLE};background:${HEADER_FILL};font-weight:bold`;

/** Scenario text as HTML element content: guarded, escaped, nothing else. */
function text(value: string): string {
	return escapeHtml(neutralizeFormula(value));
}

function headRow(titles: readonly string[]): string {
	return `<tr>${titles.map((t) => `<th scope="col" style="${HEAD_STYLE}">${text(t)}</th>`).join('')}</tr>`;
}

export function matrixClipboard(input: ExportInput): ClipboardTable {
	const matrix = buildMatrix(resolveView(input));
	const plain = matrixTextTable(matrix, ' / ');
	const body = matrix.cells
		.map((row, r) => {
			const cells = row
				.map((cell) => {
					const style =
						cell.verdict === null
							? `${CELL_STYLE};color:${MUTED_COLOUR}`
							: `${CELL_STYLE};background:${CELL_FILL[cell.verdict]};border-left:4px solid ${CELL_EDGE[cell.verdict]}`;
					return `<td style="${style}">${cellEntries(cell).map(text).join('<br>')}</td>`;
				})
				.join('');
			return `<tr><th scope="row" style="${HEAD_STYLE}">${text(plain.rows[r]![0]!)}</th>${cells}</tr>`;
		})
		.join('');
	return {
		text: toTsv(plain.header, plain.rows),
		html: `<table style="${TABLE_STYLE}"><thead>${headRow(plain.header)}</thead><tbody>${body}</tbody></table>`,
		rows: plain.rows.length
	};
}

export function claimsClipboard(input: ExportInput): ClipboardTable {
	const view = resolveView(input);
	const rowOf = readableRows(view);
	const titles = view.columns.map((c) => COLUMN_TITLES[c]);
	const rows = view.claims.map((claim) => {
		const row = rowOf(claim);
		return view.columns.map((c) => row[c]);
	});
	const body = view.claims
		.map((claim, i) => {
			const cells = view.columns.map((column, j) => {
				const value = rows[i]![j]!;
				const style =
					column === 'stance' ? `${CELL_STYLE};background:${CELL_FILL[claim.stance]}` : CELL_STYLE;
				const href = column === 'passage_url' ? safeHref(value) : null;
				const content = href ? `<a href="${escapeHtml(href)}">${text(value)}</a>` : text(value);
				return `<td style="${style}">${content}</td>`;
			});
			return `<tr>${cells.join('')}</tr>`;
		})
		.join('');
	return {
		text: toTsv(titles, rows),
		html: `<table style="${TABLE_STYLE}"><thead>${headRow(titles)}</thead><tbody>${body}</tbody></table>`,
		rows: rows.length
	};
}
