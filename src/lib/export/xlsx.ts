/**
 * The Excel workbook: Matrix (stance-coloured, frozen header and option column, autofilter),
 * Claims (full quotes, live links to the passage), Sources, Decision (the decision table for the
 * weights in the address), and Legend & method (what the colours mean, how the data was coded,
 * which filters were applied). ExcelJS is loaded only when a
 * workbook is asked for: it is a large library and most visits never export.
 *
 * Every cell holds text or a number, never a formula: ExcelJS writes a formula only when given a
 * `{ formula }` value, which this module never does, so `=cmd` in a scenario stays text. Text
 * cells also get the Text number format, so editing one in Excel keeps it text.
 */
import type { Workbook } from 'exceljs';
import { claimTexts } from './claim-texts';
import { safeHref, xmlSafe } from './escape';
import type { ExportInput } from './format-info';
import { COLUMN_TITLES, type LongColumn } from '../scenario/claim-columns';
import { CELL_FILL } from '../view/palette';
import { LinkBudget } from './xlsx-links';
import { resolveView, type ExportView } from './view';
import { authorsText, SOURCE_KIND_WORDS } from './words';
import {
	LOOKS,
	columnLetter,
	filled,
	fitRowHeights,
	frozenSheet,
	heightFor,
	linesAt,
	perLineAt,
	setLink,
	setText,
	stanceLooksOf
} from './xlsx-cells';
import { addDecision } from './xlsx-decision';
import { addLegend } from './xlsx-legend';
import { addMatrix } from './xlsx-matrix';

export const SHEET_NAMES = ['Matrix', 'Claims', 'Sources', 'Decision', 'Legend & method'] as const;

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
	addDecision(book, view);
	addLegend(book, view, links);
	// Light compression: a third faster on large scenarios, for files a little larger.
	const bytes = await book.xlsx.writeBuffer({
		zip: { compression: 'DEFLATE', compressionOptions: { level: 1 } }
	});
	return new Uint8Array(bytes);
}
