/**
 * The workbook's Decision sheet: the /decision page's table from the same analysis
 * (`decisionReport`), for the weights handed in, with n beside every total, the weights used and
 * the sentences of meaning; the filtered view's claims when filters apply; never a formula. The
 * whole sheet as text is a golden file, read by eye when written (UPDATE_GOLDEN=1).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { decisionReport } from '../../src/lib/analysis/analysis-report';
import type { Weights } from '../../src/lib/analysis/decision-weights';
import type { ExportInput } from '../../src/lib/export/format-info';
import { workbook } from '../../src/lib/export/xlsx';
import { loadScenario } from '../../src/lib/scenario/load';
import type { Scenario } from '../../src/lib/scenario/schema';
import { NO_FILTERS } from '../../src/lib/view/filters';
import { screenInput } from './screen-input';

function load(file: string): Scenario {
	const result = loadScenario(readFileSync(file, 'utf8'), file);
	if (!result.ok) throw new Error(`${file} does not load`);
	return result.scenario;
}
const mini = load('tests/fixtures/scenarios/mini.yaml');
const reference = load('scenarios/ukraine-war-2025.yaml');

async function decisionSheet(input: ExportInput): Promise<ExcelJS.Worksheet> {
	const book = new ExcelJS.Workbook();
	await book.xlsx.load((await workbook(input)) as unknown as ArrayBuffer);
	const sheet = book.getWorksheet('Decision');
	if (!sheet) throw new Error('no Decision sheet');
	return sheet;
}

const valueText = (cell: ExcelJS.Cell): string =>
	cell.value === null || cell.value === undefined ? '' : String(cell.value);

/** Every row as tab-separated cell values, numbers as stored. */
function dump(sheet: ExcelJS.Worksheet): string {
	const lines: string[] = [];
	for (let r = 1; r <= sheet.rowCount; r++) {
		const row = sheet.getRow(r);
		const cells: string[] = [];
		for (let c = 1; c <= row.cellCount; c++) cells.push(valueText(row.getCell(c)));
		lines.push(cells.join('\t').trimEnd());
	}
	return lines.join('\n') + '\n';
}

/** The options table: option label -> [total, n, unclear, not addressed]. */
function optionRows(sheet: ExcelJS.Worksheet, count: number) {
	const rows: Array<[string, unknown, unknown, unknown, unknown]> = [];
	for (let r = 2; r < 2 + count; r++) {
		const row = sheet.getRow(r);
		rows.push([
			valueText(row.getCell(1)),
			row.getCell(2).value,
			row.getCell(3).value,
			row.getCell(4).value,
			row.getCell(5).value
		]);
	}
	return rows;
}

describe('XLSX Decision sheet', () => {
	it('holds the decision table of the reference scenario for the given weights, best first, n beside every total', async () => {
		for (const weights of [{}, { escalation: 3, 'cost-to-west': 0 }] as Weights[]) {
			const sheet = await decisionSheet({ scenario: reference, weights });
			const expected = decisionReport(reference, weights);
			const byId = new Map(expected.options.map((o) => [o.option, o]));
			expect(optionRows(sheet, expected.ranking.length)).toEqual(
				expected.ranking.map((id) => {
					const o = byId.get(id)!;
					return [o.label, o.total ?? 'unclear', o.n, o.unclear, o.not_addressed];
				})
			);
			// The weights used, each beside its dimension, as the table applied them.
			const texts = dump(sheet);
			for (const d of reference.dimensions)
				expect(texts).toContain(`${d.label}\t${expected.weights[d.id]}\t${d.goal}`);
			// Scores keep their sign in Excel's display.
			expect(sheet.getRow(2).getCell(2).numFmt).toBe('+0.00;-0.00;0.00');
		}
	});

	it('different weights give different numbers (the sheet follows the weights handed in)', async () => {
		const flat = dump(await decisionSheet({ scenario: reference }));
		const weighted = dump(
			await decisionSheet({ scenario: reference, weights: { 'cost-to-west': 5 } })
		);
		expect(weighted).not.toBe(flat);
		expect(weighted).toContain('w=cost-to-west=5');
		expect(flat).toContain('Every goal weighs the same: the unweighted table.');
	});

	it('a filtered view counts only the claims in view, and says so', async () => {
		const input = screenInput(mini, { ...NO_FILTERS, stances: ['support'] });
		const sheet = await decisionSheet({ ...input, weights: { cost: 2 } });
		const expected = decisionReport(mini, { cost: 2 }, input.claims);
		expect(optionRows(sheet, expected.ranking.length).map((r) => [r[0], r[2]])).toEqual(
			expected.ranking.map((id) => {
				const o = expected.options.find((x) => x.option === id)!;
				return [o.label, o.n];
			})
		);
		expect(dump(sheet)).toContain(
			`Scope: Only the ${input.claims!.length} claims in view, with the filters listed on the Legend & method sheet`
		);
	});

	it('no cell is a formula, and text that looks like one stays text', async () => {
		const hostile: Scenario = {
			...mini,
			options: mini.options.map((o, i) => (i === 0 ? { ...o, label: '=HYPERLINK("x","y")' } : o)),
			commentators: mini.commentators.map((c, i) => (i === 0 ? { ...c, name: '+cmd|calc' } : c))
		};
		const sheet = await decisionSheet({ scenario: hostile });
		let seen = 0;
		sheet.eachRow((row) =>
			row.eachCell((cell) => {
				expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
				if (typeof cell.value === 'string' && /^[=+]/.test(cell.value)) {
					seen++;
					expect(cell.numFmt).toBe('@');
				}
			})
		);
		expect(seen).toBeGreaterThan(0);
	});

	it('golden: the mini fixture with cost weighted 2', async () => {
		const actual = dump(await decisionSheet({ scenario: mini, weights: { cost: 2 } }));
		const path = 'tests/golden/mini.decision-sheet.tsv';
		if (process.env.UPDATE_GOLDEN === '1') writeFileSync(path, actual);
		if (!existsSync(path))
			throw new Error(`${path} is missing: run with UPDATE_GOLDEN=1 and read it`);
		expect(actual).toBe(readFileSync(path, 'utf8'));
	});
});
