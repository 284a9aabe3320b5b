/**
 * The Excel workbook, re-read with ExcelJS the way a spreadsheet would open it: sheets, cell
 * values, stance fills, frozen panes, autofilters, links (http/https only) and, above all, that
 * no cell anywhere is a formula, checked both through ExcelJS and in the raw sheet XML.
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { CELL_FILL } from '../../src/lib/view/palette';
import { EXPORT_FORMATS, type ExportInput } from '../../src/lib/export/formats';
import { SHEET_NAMES, workbook } from '../../src/lib/export/xlsx';
import { STANCE_LOOK } from '../../src/lib/present/stance';
import { loadScenario } from '../../src/lib/scenario/load';
import { NOT_STATED, type Scenario } from '../../src/lib/scenario/schema';
import { NO_FILTERS } from '../../src/lib/view/filters';
import { arbitraryScenario } from './arbitrary-scenario';
import { screenInput } from './screen-input';

function load(file: string): Scenario {
	const result = loadScenario(readFileSync(file, 'utf8'), file);
	if (!result.ok) throw new Error(`${file} does not load`);
	return result.scenario;
}
const mini = load('tests/fixtures/scenarios/mini.yaml');
const NOW = new Date('2025-03-04T05:06:07.000Z');

async function reread(input: ExportInput): Promise<{ book: ExcelJS.Workbook; bytes: Uint8Array }> {
	const bytes = await workbook(input);
	const book = new ExcelJS.Workbook();
	await book.xlsx.load(bytes as unknown as ArrayBuffer);
	return { book, bytes };
}

function sheet(book: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
	const found = book.getWorksheet(name);
	if (!found) throw new Error(`no sheet ${name}`);
	return found;
}

function allCells(book: ExcelJS.Workbook): ExcelJS.Cell[] {
	const cells: ExcelJS.Cell[] = [];
	book.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => cells.push(cell))));
	return cells;
}

const text = (cell: ExcelJS.Cell): string => {
	const v = cell.value;
	if (typeof v === 'string') return v;
	if (v && typeof v === 'object' && 'text' in v) return String(v.text);
	return String(v ?? '');
};

const fillOf = (cell: ExcelJS.Cell) =>
	cell.fill && cell.fill.type === 'pattern' ? cell.fill.fgColor?.argb : undefined;
const argb = (hex: string) => 'FF' + hex.slice(1).toUpperCase();

/** No formula through ExcelJS's eyes, and no <f> element in any sheet's XML. */
async function expectNoFormula(book: ExcelJS.Workbook, bytes: Uint8Array) {
	for (const cell of allCells(book)) {
		expect(cell.type, `${cell.address}`).not.toBe(ExcelJS.ValueType.Formula);
		expect(cell.formula).toBeUndefined();
	}
	const zip = await JSZip.loadAsync(bytes);
	const sheets = Object.keys(zip.files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f));
	expect(sheets).toHaveLength(SHEET_NAMES.length);
	for (const name of sheets) {
		const xml = await zip.file(name)!.async('string');
		expect(xml).not.toMatch(/<f[\s>]/);
	}
}

describe('XLSX from the mini fixture', async () => {
	const { book, bytes } = await reread({ scenario: mini, now: NOW });

	it('is a zip (PK) with the four sheets in order', () => {
		expect([...bytes.slice(0, 2)]).toEqual([0x50, 0x4b]);
		expect(book.worksheets.map((ws) => ws.name)).toEqual([...SHEET_NAMES]);
	});

	it('Matrix: options x commentators, stance in words, stance fills, frozen, filtered', () => {
		const ws = sheet(book, 'Matrix');
		expect(ws.getRow(1).values).toEqual([
			undefined,
			'Option',
			'Ana Núñez (Town Gazette)',
			'The treasurer (Council notes)',
			'An unnamed resident (Council notes)'
		]);
		expect(text(ws.getCell('A2'))).toBe('LED retrofit');
		expect(text(ws.getCell('B2'))).toBe(
			'Supports ▲: Brighter, cheaper light; "pays for itself", she says.'
		);
		expect(text(ws.getCell('C2'))).toBe(
			'Conditional ◆: Only if the grant arrives; otherwise -20% of the budget.'
		);
		expect(text(ws.getCell('B3'))).toBe('Opposes ▼: =Darker streets,\nmore fear');
		expect(text(ws.getCell('D2'))).toBe('Not addressed');
		expect(fillOf(ws.getCell('B2'))).toBe(argb(CELL_FILL.support));
		expect(fillOf(ws.getCell('C2'))).toBe(argb(CELL_FILL.conditional));
		expect(fillOf(ws.getCell('B3'))).toBe(argb(CELL_FILL.oppose));
		expect(fillOf(ws.getCell('D2'))).toBeUndefined();
		expect(ws.getCell('B2').border?.left?.color?.argb).toBe(argb(STANCE_LOOK.support.hex));
		expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 1 });
		expect(ws.autoFilter).toBe('A1:D4');
		for (let c = 1; c <= 4; c++) {
			expect(ws.getColumn(c).width).toBeGreaterThanOrEqual(16);
			expect(ws.getColumn(c).width).toBeLessThanOrEqual(42);
		}
		// Wrapped text with explicit heights: two lines in B3 need more than one line's height.
		expect(ws.getRow(3).height).toBeGreaterThan(ws.getRow(4).height);
		expect(ws.getCell('B3').alignment?.wrapText).toBe(true);
	});

	it('Claims: every column, full quotes, live http(s) links to the passage', () => {
		const ws = sheet(book, 'Claims');
		expect(ws.rowCount).toBe(mini.claims.length + 1);
		expect(text(ws.getCell('A1'))).toBe('Option id');
		expect(ws.getRow(1).cellCount).toBe(19);
		expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
		expect(ws.autoFilter).toBe(`A1:S${mini.claims.length + 1}`);
		const quote = ws.getCell('K2');
		expect(text(quote)).toBe(mini.claims[0]!.quote.exact);
		const link = ws.getCell('P2');
		expect(link.type).toBe(ExcelJS.ValueType.Hyperlink);
		expect(link.hyperlink).toMatch(/^https:\/\/example\.org\/gazette\/lights#:~:text=/);
		expect(text(link)).toBe(link.hyperlink);
		// council-notes has no address: no link, an empty cell.
		expect(ws.getCell('P4').hyperlink).toBeUndefined();
		expect(ws.getCell('P4').value).toBeNull();
		expect(text(ws.getCell('H2'))).toBe('Supports ▲');
		expect(fillOf(ws.getCell('H2'))).toBe(argb(CELL_FILL.support));
		expect(text(ws.getCell('J3'))).toBe('=Darker streets,\nmore fear');
		expect(ws.getCell('J3').type).toBe(ExcelJS.ValueType.String);
	});

	it('Sources: outlet, title, date, inferred flag and note, authors, kind, address', () => {
		const ws = sheet(book, 'Sources');
		expect(ws.getRow(1).values).toEqual([
			undefined,
			'Source id',
			'Outlet',
			'Title',
			'Date',
			'Date inferred',
			'Date note',
			'Authors',
			'Kind',
			'Address',
			'Notes'
		]);
		expect(ws.getRow(2).values).toEqual([
			undefined,
			'gazette-2024',
			'Town Gazette',
			'Lights, "cameras", action',
			'2024-04-02',
			'no',
			undefined,
			'Ana Núñez',
			'op-ed',
			{
				text: 'https://example.org/gazette/lights',
				hyperlink: 'https://example.org/gazette/lights'
			}
		]);
		expect(text(ws.getCell('E3'))).toBe('yes');
		expect(text(ws.getCell('F3'))).toContain('last month');
		expect(text(ws.getCell('G3'))).toBe(NOT_STATED);
		expect(text(ws.getCell('H3'))).toBe('news report');
		expect(text(ws.getCell('I3'))).toBe(NOT_STATED);
		expect(ws.getCell('I3').hyperlink).toBeUndefined();
	});

	it('Legend & method: facts, export time, filters, stance legend with fills, method', () => {
		const ws = sheet(book, 'Legend & method');
		const rows = new Map<string, ExcelJS.Cell>();
		ws.eachRow((row) => rows.set(text(row.getCell(1)), row.getCell(2)));
		expect(text(rows.get('Question')!)).toBe(mini.meta.question);
		expect(text(rows.get('Exported')!)).toBe('2025-03-04T05:06:07.000Z');
		expect(rows.get('Claims in view')!.value).toBe(5);
		expect(text(rows.get('Filters')!)).toBe('None: every claim in the scenario.');
		expect(text(rows.get('How the data was coded')!)).toBe(mini.meta.method);
		let legendFills = 0;
		ws.eachRow((row) => {
			const label = text(row.getCell(1));
			for (const stance of ['support', 'conditional', 'oppose'] as const) {
				if (label.startsWith(STANCE_LOOK[stance].word)) {
					expect(fillOf(row.getCell(1))).toBe(argb(CELL_FILL[stance]));
					legendFills++;
				}
			}
		});
		expect(legendFills).toBe(3);
	});

	it('has no formula anywhere, and every link is http(s)', async () => {
		await expectNoFormula(book, bytes);
		const links = allCells(book).filter((c) => c.hyperlink);
		expect(links.length).toBeGreaterThan(0);
		for (const cell of links) expect(cell.hyperlink).toMatch(/^https?:\/\//);
	});

	it('writes text cells with the Text number format, so editing keeps them text', () => {
		const ws = sheet(book, 'Claims');
		expect(ws.getCell('J3').numFmt).toBe('@');
	});
});

describe('XLSX follows the view', () => {
	it('keeps the order of options and commentators, the claims in view and the visible columns', async () => {
		const { book } = await reread(
			screenInput(
				mini,
				{
					...NO_FILTERS,
					stances: ['oppose', 'conditional'],
					options: ['dimming', 'led-retrofit'],
					commentators: ['resident', 'ana-nunez']
				},
				{ sort: [{ col: 'option', dir: 'asc' }], columns: ['claim_id', 'stance', 'quote'] }
			)
		);
		const matrix = sheet(book, 'Matrix');
		expect(matrix.getRow(1).values).toEqual([
			undefined,
			'Option',
			'Ana Núñez (Town Gazette)',
			'An unnamed resident (Council notes)'
		]);
		// Ana supports the LED retrofit, but the stance filter hides it: not "Not addressed".
		expect(text(matrix.getCell('B3'))).toBe('Filtered out');
		expect(text(matrix.getCell('C3'))).toBe('Not addressed');
		expect(text(matrix.getCell('A2'))).toBe('Dimming after midnight');
		expect(text(matrix.getCell('B2'))).toBe('Opposes ▼: =Darker streets,\nmore fear');
		expect(text(matrix.getCell('C2'))).toBe('Opposes ▼: Feels unsafe walking home | at night.');
		expect(matrix.autoFilter).toBe('A1:C3');
		const claims = sheet(book, 'Claims');
		expect(claims.getRow(1).values).toEqual([undefined, 'Claim id', 'Stance', 'Quote']);
		expect(claims.rowCount).toBe(3);
		// No passage column: the quote itself links to the passage.
		expect(claims.getCell('C2').hyperlink).toMatch(/#:~:text=Dimming/);
		const legend = sheet(book, 'Legend & method');
		const values: string[] = [];
		legend.eachRow((row) => values.push(text(row.getCell(2))));
		expect(values).toContain('Stances: oppose, conditional');
		expect(values).not.toContain('2025-03-04T05:06:07.000Z');
	});

	it('is what the registry and the CLI serialize', async () => {
		const out = await EXPORT_FORMATS.xlsx.serialize({ scenario: mini });
		expect(out).toBeInstanceOf(Uint8Array);
		expect(EXPORT_FORMATS.xlsx.binary).toBe(true);
	});
});

describe('XLSX from any valid scenario (property)', () => {
	it('re-reads with the same matrix text and no formula', async () => {
		await fc.assert(
			fc.asyncProperty(arbitraryScenario, async (scenario) => {
				const { book, bytes } = await reread({ scenario });
				await expectNoFormula(book, bytes);
				const ws = sheet(book, 'Matrix');
				expect(ws.rowCount).toBe(scenario.options.length + 1);
				scenario.options.forEach((option, o) =>
					expect(text(ws.getCell(o + 2, 1))).toBe(option.label)
				);
				const claims = sheet(book, 'Claims');
				scenario.claims.forEach((claim, r) =>
					expect(text(claims.getCell(r + 2, 11))).toBe(claim.quote.exact)
				);
			}),
			{ numRuns: 25 }
		);
	});
});
