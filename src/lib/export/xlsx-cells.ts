/**
 * Writing cells for the workbook's sheets: a few shared, frozen looks (ExcelJS numbers styles by
 * the identity of a cell's style object), text that is always text (the Text number format, XML-
 * safe, within Excel's cell limit), links within Excel's link limits, and row heights that fit
 * wrapped text. Every sheet writes through `setText` and `setLink`, never a `{ formula }` value,
 * so `=cmd` in a scenario stays text.
 */
import type { Cell, Font, Style, Workbook, Worksheet } from 'exceljs';
import type { Stance } from '../scenario/schema';
import { xmlSafe } from './escape';
import { HEADER_FILL, MUTED_COLOUR, TEXT_COLOUR } from '../view/palette';
import type { LinkBudget } from './xlsx-links';

/** Excel refuses to open a file with a longer cell. */
const MAX_CELL = 32767;
const LINE_HEIGHT = 15;
const MAX_ROW_HEIGHT = 409;

const argb = (hex: string) => 'FF' + hex.slice(1).toUpperCase();

/** A styled font names its face too: without one, LibreOffice falls back to a serif. */
const font = (style: Partial<Font>): Partial<Font> => ({
	name: 'Calibri',
	size: 11,
	...style
});

const fill = (hex: string): Style['fill'] => ({
	type: 'pattern',
	pattern: 'solid',
	fgColor: { argb: argb(hex) }
});

/**
 * A cell's whole style, shared. ExcelJS numbers styles by the identity of a cell's style object
 * (a fresh object per cell costs a serialization and lookup per cell), so every cell points at
 * one of a few frozen objects; frozen, so that setting `cell.font` etc. on one throws instead of
 * restyling every cell that shares it.
 */
export type Look = Readonly<Partial<Style>>;

function deepFreeze<T extends object>(value: T): T {
	for (const inner of Object.values(value))
		if (inner && typeof inner === 'object') deepFreeze(inner as object);
	return Object.freeze(value);
}

export const look = (style: Partial<Style>): Look => deepFreeze(style);

/** The same look with the Text number format, made once per look. */
const asText = new WeakMap<Look, Look>();

function setLook(cell: Cell, base: Look, text: boolean): void {
	let style = base;
	if (text) {
		style = asText.get(base) ?? look({ ...base, numFmt: '@' });
		asText.set(base, style);
	}
	cell.style = style as Style;
}

const WRAP = { wrapText: true, vertical: 'top' } as const;
const TOP = { vertical: 'top' } as const;

export const LOOKS = {
	plain: look({}),
	wrap: look({ alignment: WRAP }),
	top: look({ alignment: TOP }),
	wrapLeft: look({ alignment: { ...WRAP, horizontal: 'left' } }),
	header: look({
		font: font({ bold: true, color: { argb: argb(TEXT_COLOUR) } }),
		alignment: WRAP,
		fill: fill(HEADER_FILL),
		border: { bottom: { style: 'medium', color: { argb: argb('#57606a') } } }
	}),
	label: look({ font: font({ bold: true }), alignment: WRAP }),
	heading: look({ font: font({ bold: true, size: 12 }) }),
	notAddressed: look({
		font: font({ italic: true, color: { argb: argb(MUTED_COLOUR) } }),
		alignment: WRAP
	})
};

const LINK_FONT = font({ color: { argb: argb('#1f5fa8') }, underline: true });
const linkLooks = new Map<Look, Look>();
/** A base look with the link font; links never get the Text format (their value is not text). */
function linkLook(base: Look): Look {
	let style = linkLooks.get(base);
	if (!style) {
		style = look({ ...base, font: LINK_FONT });
		linkLooks.set(base, style);
	}
	return style;
}

const fillLooks = new Map<string, Look>();
/** A base look (of `LOOKS`) with a background, made once per pair. */
export function filled(base: keyof typeof LOOKS, hex: string, edge?: string): Look {
	const key = `${base} ${hex} ${edge ?? ''}`;
	let style = fillLooks.get(key);
	if (!style) {
		style = look({
			...LOOKS[base],
			fill: fill(hex),
			...(edge ? { border: { left: { style: 'thick', color: { argb: argb(edge) } } } } : {})
		});
		fillLooks.set(key, style);
	}
	return style;
}

/** A look per stance (and mixed), looked up once per sheet rather than once per cell. */
export function stanceLooksOf(
	lookOf: (stance: Stance | 'mixed') => Look
): Record<Stance | 'mixed', Look> {
	return {
		support: lookOf('support'),
		conditional: lookOf('conditional'),
		oppose: lookOf('oppose'),
		mixed: lookOf('mixed')
	};
}

/**
 * A quick test for what `xmlSafe` replaces (a superset: every surrogate, paired or not), so that
 * the common clean cell skips its slower pattern.
 */
// eslint-disable-next-line no-control-regex
const MAYBE_NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/;

/**
 * Writes text (nothing when empty) and the style, with the Text format when there is text;
 * returns the text as written.
 */
export function setText(cell: Cell, value: string, style: Look = LOOKS.plain): string {
	let text = value;
	// An empty cell stays empty rather than holding an empty string, so "blanks" filters find it.
	if (value !== '') {
		if (MAYBE_NOT_XML.test(text)) text = xmlSafe(text);
		if (text.length > MAX_CELL) text = text.slice(0, MAX_CELL - 1) + '…';
		cell.value = text;
	}
	setLook(cell, style, value !== '');
	return text;
}

/** Writes a link and its style, or text when Excel's link limits are reached; returns the text. */
export function setLink(
	cell: Cell,
	text: string,
	href: string,
	budget: LinkBudget,
	base: Look = LOOKS.plain
): string {
	if (!budget.allow(href)) return setText(cell, text, base);
	const shown = (MAYBE_NOT_XML.test(text) ? xmlSafe(text) : text).slice(0, MAX_CELL);
	cell.value = { text: shown, hyperlink: href, tooltip: 'Open in a browser' };
	cell.style = linkLook(base) as Style;
	return shown;
}

/** Characters per line at a column width (Excel's unit is about one digit of the default font). */
export const perLineAt = (width: number) => Math.max(1, Math.floor(width * 1.25));

/** Lines a text needs at `perLine` characters a line. */
export function linesAt(text: string, perLine: number): number {
	// Line by line without splitting: this runs for every wrapped cell of the workbook.
	let lines = 0;
	for (let start = 0; ;) {
		const end = text.indexOf('\n', start);
		lines += Math.max(1, Math.ceil(((end < 0 ? text.length : end) - start) / perLine));
		if (end < 0) return lines;
		start = end + 1;
	}
}

/** Explicit heights, because Excel does not grow rows to fit wrapped text it did not type. */
export const heightFor = (lines: number) => Math.min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT + 2);

/** Row heights for a sheet already written (the large sheets fit theirs as they write). */
export function fitRowHeights(sheet: Worksheet, wrapped: ReadonlySet<number>, from = 2): void {
	const perLine = [...wrapped].map((c) => [c, perLineAt(sheet.getColumn(c).width ?? 10)] as const);
	for (let r = from; r <= sheet.rowCount; r++) {
		const row = sheet.getRow(r);
		let lines = 1;
		for (const [c, per] of perLine) {
			const value = row.findCell(c)?.value;
			const text =
				typeof value === 'string'
					? value
					: value && typeof value === 'object' && 'text' in value
						? value.text
						: '';
			lines = Math.max(lines, linesAt(text, per));
		}
		row.height = heightFor(lines);
	}
}

export const clamp = (n: number, low: number, high: number) => Math.max(low, Math.min(high, n));

export function frozenSheet(workbook: Workbook, name: string, xSplit: number): Worksheet {
	return workbook.addWorksheet(name, {
		views: [{ state: 'frozen', xSplit, ySplit: 1 }],
		// Printed across as many pages as it takes, with the header row (and option column) on each.
		pageSetup: { orientation: 'landscape' }
	});
}

export function columnLetter(n: number): string {
	let out = '';
	for (let k = n; k > 0; k = Math.floor((k - 1) / 26))
		out = String.fromCharCode(65 + ((k - 1) % 26)) + out;
	return out;
}
