/**
 * The Excel workbook: Matrix (stance-coloured, frozen header and option column, autofilter),
 * Claims (full quotes, live links to the passage), Sources, and Legend & method (what the colours
 * mean, how the data was coded, which filters were applied). ExcelJS is loaded only when a
 * workbook is asked for: it is a large library and most visits never export.
 *
 * Every cell holds text or a number, never a formula: ExcelJS writes a formula only when given a
 * `{ formula }` value, which this module never does, so `=cmd` in a scenario stays text. Text
 * cells also get the Text number format, so editing one in Excel keeps it text.
 */
import type { Cell, Font, Style, Workbook, Worksheet } from 'exceljs';
import {
	DIRECTION_LOOK,
	FILTERED_OUT,
	NOT_ADDRESSED,
	STANCE_LOOK,
	dateLabel
} from '../present/stance';
import { DIRECTIONS, NOT_STATED, STANCES, type Stance } from '../scenario/schema';
import { claimTexts } from './claim-texts';
import { safeHref, xmlSafe } from './escape';
import type { ExportInput } from './format-info';
import { COLUMN_TITLES, type LongColumn } from '../scenario/claim-columns';
import { CELL_EDGE, CELL_FILL, HEADER_FILL, MUTED_COLOUR, TEXT_COLOUR } from '../view/palette';
import { LinkBudget, linkNotes } from './xlsx-links';
import { buildMatrix, resolveView, type ExportView } from './view';
import {
	authorsText,
	cellEntries,
	headText,
	DIRECTION_MEANING,
	SOURCE_KIND_WORDS,
	STANCE_MEANING
} from './words';

export const SHEET_NAMES = ['Matrix', 'Claims', 'Sources', 'Legend & method'] as const;

/** Excel refuses to open a file with a longer cell. */
const MAX_CELL = 32767;
const LINE_HEIGHT = 15;
const MAX_ROW_HEIGHT = 409;

type ExcelJs = typeof import('exceljs');

let excelJs: Promise<ExcelJs> | undefined;

/** Loaded on the first export and kept: each `import()` resolves the module again. */
function loadExcelJs(): Promise<ExcelJs> {
	excelJs ??= import('exceljs').then(
		// Node gives the CommonJS exports as the default export; the browser bundle may give either.
		(mod: ExcelJs & { default?: ExcelJs }) => mod.default ?? mod,
		(error: unknown) => {
			// A chunk that failed to load (say, offline) is tried again on the next export.
			excelJs = undefined;
			throw error;
		}
	);
	return excelJs;
}

const argb = (hex: string) => 'FF' + hex.slice(1).toUpperCase();

/** A styled font names its face too: without one, LibreOffice falls back to a serif. */
const font = (style: Partial<Font>): Partial<Font> => ({ name: 'Calibri', size: 11, ...style });

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
type Look = Readonly<Partial<Style>>;

function deepFreeze<T extends object>(value: T): T {
	for (const inner of Object.values(value))
		if (inner && typeof inner === 'object') deepFreeze(inner as object);
	return Object.freeze(value);
}

const look = (style: Partial<Style>): Look => deepFreeze(style);

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

const LOOKS = {
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
function filled(base: keyof typeof LOOKS, hex: string, edge?: string): Look {
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
function stanceLooksOf(lookOf: (stance: Stance | 'mixed') => Look): Record<Stance | 'mixed', Look> {
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
function setText(cell: Cell, value: string, style: Look = LOOKS.plain): string {
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
function setLink(
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
const perLineAt = (width: number) => Math.max(1, Math.floor(width * 1.25));

/** Lines a text needs at `perLine` characters a line. */
function linesAt(text: string, perLine: number): number {
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
const heightFor = (lines: number) => Math.min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT + 2);

/** Row heights for a sheet already written (the large sheets fit theirs as they write). */
function fitRowHeights(sheet: Worksheet, wrapped: ReadonlySet<number>, from = 2): void {
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

const clamp = (n: number, low: number, high: number) => Math.max(low, Math.min(high, n));

function frozenSheet(workbook: Workbook, name: string, xSplit: number): Worksheet {
	return workbook.addWorksheet(name, {
		views: [{ state: 'frozen', xSplit, ySplit: 1 }],
		// Printed across as many pages as it takes, with the header row (and option column) on each.
		pageSetup: { orientation: 'landscape' }
	});
}

function columnLetter(n: number): string {
	let out = '';
	for (let k = n; k > 0; k = Math.floor((k - 1) / 26))
		out = String.fromCharCode(65 + ((k - 1) % 26)) + out;
	return out;
}

/** The length of the longest line of any of the texts. */
function longestLine(texts: readonly string[]): number {
	let longest = 0;
	for (const text of texts) {
		for (let start = 0; ;) {
			const end = text.indexOf('\n', start);
			longest = Math.max(longest, (end < 0 ? text.length : end) - start);
			if (end < 0) break;
			start = end + 1;
		}
	}
	return longest;
}

function addMatrix(workbook: Workbook, view: ExportView): void {
	const matrix = buildMatrix(view);
	const sheet = frozenSheet(workbook, 'Matrix', 1);
	const texts = matrix.cells.map((cells) => cells.map((cell) => cellEntries(cell).join('\n')));
	const rowHeads = matrix.rows.map(headText);
	const columnHeads = matrix.columns.map(headText);
	const widths = [
		clamp(longestLine(rowHeads) * 0.6, 18, 34),
		// Wide enough for about three lines per claim, and never narrower than a short name.
		...matrix.columns.map((c, i) =>
			clamp(Math.max(longestLine(texts.map((row) => row[i]!)) / 3, c.label.length * 0.6), 16, 42)
		)
	];
	widths.forEach((width, i) => (sheet.getColumn(i + 1).width = width));
	const stanceLooks = stanceLooksOf((stance) =>
		filled('wrap', CELL_FILL[stance], CELL_EDGE[stance])
	);
	// Every column wraps, so every cell counts toward its row's height.
	const perLine = widths.map(perLineAt);

	const header = sheet.getRow(1);
	let lines = linesAt(setText(header.getCell(1), matrix.corner, LOOKS.header), perLine[0]!);
	columnHeads.forEach((head, i) => {
		const text = setText(header.getCell(i + 2), head, LOOKS.header);
		lines = Math.max(lines, linesAt(text, perLine[i + 1]!));
	});
	header.height = heightFor(lines);

	matrix.cells.forEach((cells, o) => {
		const row = sheet.getRow(o + 2);
		let lines = linesAt(setText(row.getCell(1), rowHeads[o]!, LOOKS.label), perLine[0]!);
		cells.forEach((cell, i) => {
			const text = setText(
				row.getCell(i + 2),
				texts[o]![i]!,
				cell.verdict === null ? LOOKS.notAddressed : stanceLooks[cell.verdict]
			);
			lines = Math.max(lines, linesAt(text, perLine[i + 1]!));
		});
		row.height = heightFor(lines);
	});
	sheet.autoFilter = `A1:${columnLetter(matrix.columns.length + 1)}${matrix.rows.length + 1}`;
	sheet.pageSetup.printTitlesRow = '1:1';
	sheet.pageSetup.printTitlesColumn = 'A:A';
	// One page wide, as many tall as it takes: a printed matrix reads across a row.
	Object.assign(sheet.pageSetup, { fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
}

const CLAIM_WIDTHS: Record<LongColumn, number> = {
	option_id: 18,
	option: 28,
	commentator_id: 18,
	commentator: 24,
	source_id: 18,
	outlet: 22,
	date: 11,
	stance: 15,
	dimension: 20,
	consequence: 42,
	quote: 64,
	direction: 16,
	claim_id: 18,
	title: 32,
	date_inferred: 10,
	passage_url: 40,
	likelihood: 18,
	confidence: 12,
	basis: 20
};

const CLAIM_WRAPPED: ReadonlySet<LongColumn> = new Set([
	'option',
	'commentator',
	'outlet',
	'dimension',
	'consequence',
	'quote',
	'title'
]);

function addClaims(workbook: Workbook, view: ExportView, budget: LinkBudget): void {
	const sheet = frozenSheet(workbook, 'Claims', 0);
	const columns = view.columns;
	const header = sheet.getRow(1);
	columns.forEach((column, i) => {
		setText(header.getCell(i + 1), COLUMN_TITLES[column], LOOKS.header);
		sheet.getColumn(i + 1).width = CLAIM_WIDTHS[column];
	});
	const claimText = claimTexts(view);
	const textOf = columns.map((column) => claimText.text[column]);
	// With the passage column hidden, the quote itself carries the link.
	const linkColumn: LongColumn = columns.includes('passage_url') ? 'passage_url' : 'quote';
	const linkAt = columns.indexOf(linkColumn);
	const passageAt = columns.indexOf('passage_url');
	const bases = columns.map((column): 'wrap' | 'top' =>
		CLAIM_WRAPPED.has(column) ? 'wrap' : 'top'
	);
	const stanceLooks = stanceLooksOf((stance) =>
		filled(CLAIM_WRAPPED.has('stance') ? 'wrap' : 'top', CELL_FILL[stance])
	);
	// Only wrapped columns count toward a row's height.
	const perLine = columns.map((column) =>
		CLAIM_WRAPPED.has(column) ? perLineAt(CLAIM_WIDTHS[column]) : null
	);
	view.claims.forEach((claim, r) => {
		const row = sheet.getRow(r + 2);
		const passage = linkAt >= 0 ? claimText.link(claim) : null;
		let lines = 1;
		columns.forEach((column, i) => {
			const cell = row.getCell(i + 1);
			const value = i === passageAt ? passage!.text : textOf[i]!(claim);
			const base = bases[i]!;
			const text =
				i === linkAt && passage!.href
					? setLink(cell, value, passage!.href, budget, LOOKS[base])
					: setText(cell, value, column === 'stance' ? stanceLooks[claim.stance] : LOOKS[base]);
			const per = perLine[i];
			if (per) lines = Math.max(lines, linesAt(text, per));
		});
		row.height = heightFor(lines);
	});
	if (columns.length > 0)
		sheet.autoFilter = `A1:${columnLetter(columns.length)}${view.claims.length + 1}`;
}

const SOURCE_COLUMNS = [
	['Source id', 18],
	['Outlet', 26],
	['Title', 40],
	['Date', 11],
	['Date inferred', 10],
	['Date note', 40],
	['Authors', 24],
	['Kind', 14],
	['Address', 44],
	['Notes', 50]
] as const;

function addSources(workbook: Workbook, view: ExportView, budget: LinkBudget): void {
	const sheet = frozenSheet(workbook, 'Sources', 1);
	const header = sheet.getRow(1);
	SOURCE_COLUMNS.forEach(([title, width], i) => {
		setText(header.getCell(i + 1), title, LOOKS.header);
		sheet.getColumn(i + 1).width = width;
	});
	view.sources.forEach((source, r) => {
		const row = sheet.getRow(r + 2);
		const values = [
			source.id,
			source.outlet,
			source.title,
			source.date,
			source.date_inferred ? 'yes' : 'no',
			source.date_note ?? '',
			authorsText(source),
			SOURCE_KIND_WORDS[source.kind],
			source.url,
			source.notes ?? ''
		];
		values.forEach((value, i) => {
			const cell = row.getCell(i + 1);
			const href = i === 8 ? safeHref(value) : null;
			if (href) setLink(cell, value, href, budget, LOOKS.wrap);
			else setText(cell, value, LOOKS.wrap);
		});
	});
	fitRowHeights(sheet, new Set(SOURCE_COLUMNS.map((_, i) => i + 1)));
	sheet.autoFilter = `A1:${columnLetter(SOURCE_COLUMNS.length)}${view.sources.length + 1}`;
}

function addLegend(workbook: Workbook, view: ExportView, links: readonly LinkBudget[]): void {
	const sheet = workbook.addWorksheet('Legend & method');
	sheet.getColumn(1).width = 26;
	sheet.getColumn(2).width = 100;
	const { meta } = view.scenario;
	const heading = (text: string) => {
		const row = sheet.addRow([]);
		setText(row.getCell(1), text, LOOKS.heading);
	};
	const line = (label: string, value: string | number, colour?: string) => {
		const row = sheet.addRow([]);
		setText(row.getCell(1), label, colour ? filled('label', colour) : LOOKS.label);
		const cell = row.getCell(2);
		if (typeof value === 'number') {
			cell.value = value;
			cell.style = LOOKS.wrapLeft as Style;
		} else setText(cell, value, LOOKS.wrapLeft);
	};
	const blank = () => sheet.addRow([]);

	heading(meta.title);
	line('Question', meta.question);
	line('As of', meta.as_of);
	line('Coded by', meta.coded_by);
	if (view.now) line('Exported', view.now.toISOString());
	line('Claims in view', view.claims.length);
	line('Options in the matrix', view.options.length);
	line('Commentators in the matrix', view.commentators.length);
	line(
		'Matrix layout',
		view.table.transposed
			? 'Turned (as on screen): commentators as rows, options as columns'
			: 'Options as rows, commentators as columns, each under the source that quotes them'
	);
	blank();
	heading('Filters applied');
	if (view.filters.length === 0) line('Filters', 'None: every claim in the scenario.');
	else view.filters.forEach((f, i) => line(i === 0 ? 'Filters' : '', f));
	blank();
	heading('Stances (matrix cells and the Claims sheet)');
	for (const stance of STANCES) {
		const look = STANCE_LOOK[stance];
		line(`${look.word} ${look.symbol} (${look.letter})`, STANCE_MEANING[stance], CELL_FILL[stance]);
	}
	line('Mixed', `${STANCE_MEANING.mixed}; each is listed in the cell`, CELL_FILL.mixed);
	line(NOT_ADDRESSED.word, STANCE_MEANING.not_addressed);
	if (view.filters.length > 0) line(FILTERED_OUT.word, STANCE_MEANING.filtered_out);
	blank();
	heading('Directions (effect on a dimension)');
	for (const direction of DIRECTIONS) {
		const look = DIRECTION_LOOK[direction];
		line(`${look.word} ${look.symbol}`, DIRECTION_MEANING[direction]);
	}
	blank();
	heading('Dimensions and their goals');
	for (const dimension of view.scenario.dimensions) line(dimension.label, dimension.goal);
	blank();
	heading('Sources');
	for (const source of view.sources) {
		line(
			source.outlet,
			`${source.title}, ${dateLabel(source.date, source.date_inferred)}; authors: ${
				source.authors === NOT_STATED ? NOT_STATED : source.authors.join(', ')
			}`
		);
	}
	blank();
	heading('Links');
	linkNotes(links).forEach((note, i) => line(i === 0 ? 'Passage links' : '', note));
	blank();
	heading('Method');
	line('How the data was coded', meta.method);
	fitRowHeights(sheet, new Set([1, 2]), 1);
}

export async function workbook(input: ExportInput): Promise<Uint8Array> {
	const ExcelJS = await loadExcelJs();
	const view = resolveView(input);
	const book = new ExcelJS.Workbook();
	book.creator = 'Stancegrid';
	book.title = xmlSafe(view.scenario.meta.title);
	if (view.now) {
		book.created = view.now;
		book.modified = view.now;
	}
	addMatrix(book, view);
	const links = [new LinkBudget('Claims'), new LinkBudget('Sources')];
	addClaims(book, view, links[0]!);
	addSources(book, view, links[1]!);
	addLegend(book, view, links);
	// Light compression: a third faster on large scenarios, for files a little larger.
	const bytes = await book.xlsx.writeBuffer({
		zip: { compression: 'DEFLATE', compressionOptions: { level: 1 } }
	});
	return new Uint8Array(bytes);
}
