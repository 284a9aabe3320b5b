/**
 * Excel's own limits, kept by the workbook: links of at most 2,079 characters and 65,530 per
 * sheet (past either Excel repairs the file and drops links), said in the Legend; and the Matrix
 * sheet printed landscape, one page wide (issue 11 item 5).
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { workbook } from '../../src/lib/export/xlsx';
import {
	LinkBudget,
	linkNotes,
	MAX_LINK_LENGTH,
	MAX_LINKS_PER_SHEET
} from '../../src/lib/export/xlsx-links';
import { loadScenario } from '../../src/lib/scenario/load';
import type { Scenario } from '../../src/lib/scenario/schema';

const mini = (() => {
	const file = 'tests/fixtures/scenarios/mini.yaml';
	const result = loadScenario(readFileSync(file, 'utf8'), file);
	if (!result.ok) throw new Error('mini does not load');
	return result.scenario;
})();

async function reread(scenario: Scenario) {
	const bytes = await workbook({ scenario });
	const book = new ExcelJS.Workbook();
	await book.xlsx.load(bytes as unknown as ArrayBuffer);
	return { book, bytes };
}

function texts(sheet: ExcelJS.Worksheet): string[] {
	const out: string[] = [];
	sheet.eachRow((row) => row.eachCell((cell) => out.push(cell.text)));
	return out;
}

describe('XLSX link limits', () => {
	it('a passage address past 2,079 characters is written as text, and the Legend says so', async () => {
		// A 1,990-character address (the format allows 2,000) plus its text fragment.
		const long: Scenario = structuredClone(mini);
		long.sources[0]!.url = `https://example.org/${'a'.repeat(1970)}`;
		const { book } = await reread(long);
		const claims = book.getWorksheet('Claims')!;
		const header = claims.getRow(1).values as unknown[];
		const at = header.indexOf('Passage');
		expect(at).toBeGreaterThan(0);
		const cells = claims.getColumn(at).values.slice(2) as unknown[];
		const tooLong = cells.filter((v) => typeof v === 'string' && v.length > MAX_LINK_LENGTH);
		expect(tooLong.length).toBeGreaterThan(0);
		for (const v of cells)
			if (v && typeof v === 'object' && 'hyperlink' in v)
				expect(String(v.hyperlink).length).toBeLessThanOrEqual(MAX_LINK_LENGTH);
		const legend = texts(book.getWorksheet('Legend & method')!);
		expect(legend).toContain(
			`Claims: ${tooLong.length} address${tooLong.length === 1 ? '' : 'es'} longer than 2,079 characters written as text.`
		);
	});

	it('links past 65,530 on a sheet are text; the count is in the notes', () => {
		const budget = new LinkBudget('Claims');
		let links = 0;
		for (let i = 0; i < MAX_LINKS_PER_SHEET + 5; i++) if (budget.allow('https://x.org/')) links++;
		expect(links).toBe(MAX_LINKS_PER_SHEET);
		expect(linkNotes([budget])).toEqual([
			'Excel takes links of at most 2,079 characters and at most 65,530 links per sheet; anything past either is written as text (the address stays readable and can be copied).',
			'Claims: 5 links past the first 65,530 written as text.'
		]);
	});
});

describe('XLSX printing', () => {
	it('the Matrix sheet prints landscape, one page wide, as many pages tall as needed', async () => {
		const { bytes } = await reread(mini);
		const zip = await JSZip.loadAsync(bytes);
		const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
		expect(xml).toMatch(/<pageSetUpPr fitToPage="1"\/>/);
		expect(xml).toMatch(/<pageSetup[^>]*orientation="landscape"/);
		expect(xml).toMatch(/<pageSetup[^>]*fitToWidth="1"/);
		expect(xml).toMatch(/<pageSetup[^>]*fitToHeight="0"/);
	});
});
