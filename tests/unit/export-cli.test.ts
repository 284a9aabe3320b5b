/** `stancegrid export` for every format, through the same entry point as `npx stancegrid`. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { EXPORT_FORMATS, exportFileName, isExportFormat } from '../../src/lib/export/formats';
import { loadScenario } from '../../src/lib/scenario/load';

const MINI = 'tests/fixtures/scenarios/mini.yaml';
const loaded = loadScenario(readFileSync(MINI, 'utf8'), MINI);
if (!loaded.ok) throw new Error('fixture');
const mini = loaded.scenario;

async function cli(...args: string[]) {
	let out = '';
	let err = '';
	const code = await main(args, {
		out: (t) => (out += typeof t === 'string' ? t : new TextDecoder().decode(t)),
		err: (t) => (err += t)
	});
	return { code, out, err };
}

describe('the export registry', () => {
	it('has every format the brief names, each labelled in plain words', () => {
		expect(Object.keys(EXPORT_FORMATS).sort()).toEqual(
			['bib', 'csl', 'csv', 'json', 'matrix-csv', 'md', 'ris', 'xlsx', 'yaml'].sort()
		);
		for (const format of Object.values(EXPORT_FORMATS)) {
			expect(format.label.length).toBeGreaterThan(3);
			expect(format.description.length).toBeGreaterThan(10);
			expect(format.mime).toMatch(/^[a-z]+\/[\w.+-]+/);
		}
		expect(isExportFormat('toString')).toBe(false);
	});

	it('names files by scenario and content, safely', () => {
		expect(exportFileName('ukraine-war-2025', 'matrix-csv')).toBe('ukraine-war-2025-matrix.csv');
		expect(exportFileName('ukraine-war-2025', 'xlsx')).toBe('ukraine-war-2025.xlsx');
		expect(exportFileName('mini', 'csl')).toBe('mini-sources.csl.json');
		expect(exportFileName('../../etc/passwd', 'json')).toBe('etc-passwd.json');
		expect(exportFileName('', 'md')).toBe('stancegrid-matrix.md');
	});
});

describe('stancegrid export', () => {
	it.each(['csv', 'matrix-csv', 'md', 'csl', 'bib', 'ris', 'json', 'yaml'] as const)(
		'--format %s prints what the app downloads',
		async (format) => {
			const { code, out, err } = await cli('export', MINI, '--format', format);
			expect(err).toBe('');
			expect(code).toBe(0);
			expect(out).toBe(await EXPORT_FORMATS[format].serialize({ scenario: mini }));
		}
	);

	it('--format xlsx without --out: exit 2 and a clear message, before any work', async () => {
		const { code, out, err } = await cli('export', 'no/such/file.yaml', '--format', 'xlsx');
		expect(code).toBe(2);
		expect(out).toBe('');
		expect(err).toMatch(
			/^export: --format xlsx writes a binary file; give --out PATH, e\.g\. --out scenario\.xlsx\nUsage: stancegrid export /
		);
	});

	it('--format xlsx --out writes a workbook Excel can read, stamped with the export time', async () => {
		const path = join(mkdtempSync(join(tmpdir(), 'sg-')), 'mini.xlsx');
		const before = Date.now();
		const { code, err } = await cli('export', MINI, '--format', 'xlsx', '--out', path);
		expect(code).toBe(0);
		expect(err).toBe(`wrote ${path}\n`);
		const book = new ExcelJS.Workbook();
		await book.xlsx.readFile(path);
		expect(book.worksheets.map((w) => w.name)).toEqual([
			'Matrix',
			'Claims',
			'Sources',
			'Decision',
			'Legend & method'
		]);
		let exported = '';
		book.getWorksheet('Legend & method')!.eachRow((row) => {
			if (row.getCell(1).value === 'Exported') exported = String(row.getCell(2).value);
		});
		expect(Date.parse(exported)).toBeGreaterThanOrEqual(before - 1000);
	});

	it('--weights sets the Decision sheet of a workbook, and is refused, named, when bad or off xlsx', async () => {
		const path = join(mkdtempSync(join(tmpdir(), 'sg-')), 'weighted.xlsx');
		const ok = await cli('export', MINI, '--format', 'xlsx', '--weights', 'cost=2', '--out', path);
		expect(ok.code).toBe(0);
		const book = new ExcelJS.Workbook();
		await book.xlsx.readFile(path);
		const rows: string[] = [];
		book.getWorksheet('Decision')!.eachRow((row) => rows.push(String(row.getCell(1).value)));
		expect(rows).toContain('The same weights in a Stancegrid address: w=cost=2');

		const bad = await cli(
			'export',
			MINI,
			'--format',
			'xlsx',
			'--weights',
			'speed=2',
			'--out',
			path
		);
		expect(bad.code).toBe(2);
		expect(bad.err).toMatch(
			/^export: --weights: weight for "speed": the scenario has no such dimension \(it has: safety, cost\)/
		);
		const notXlsx = await cli('export', MINI, '--format', 'csv', '--weights', 'cost=2');
		expect(notXlsx.code).toBe(2);
		expect(notXlsx.out).toBe('');
		expect(notXlsx.err).toMatch(/^export: --weights applies only to --format xlsx/);
	});

	it('help lists every format with its description', async () => {
		const { code, out } = await cli('help');
		expect(code).toBe(0);
		for (const [name, format] of Object.entries(EXPORT_FORMATS))
			expect(out).toContain(`${name.padEnd(11)}${format.label}: ${format.description}`);
	});

	it('an unknown format names the valid ones', async () => {
		const { code, err } = await cli('export', MINI, '--format', 'docx');
		expect(code).toBe(2);
		expect(err).toContain('csv, matrix-csv, xlsx, md, csl, bib, ris, json, yaml');
	});
});
