import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tallyClass } from '../../src/lib/analysis/class-tally';
import type { ClassAnswer } from '../../src/lib/class/protocol';
import {
	classAnswersCsv,
	classResultsWorkbook,
	classSummaryCsv
} from '../../src/lib/export/class-results';
import { loadScenario } from '../../src/lib/scenario/load';
import type { Scenario } from '../../src/lib/scenario/schema';
import { parseDelimited } from './delimited-reader';

const FILE = 'scenarios/ukraine-war-2025.yaml';
const loaded = loadScenario(readFileSync(FILE, 'utf8'), FILE);
if (!loaded.ok) throw new Error('scenario does not load');
// Untrusted scenario text that a spreadsheet would read as a formula.
const scenario: Scenario = {
	...loaded.scenario,
	options: loaded.scenario.options.map((o, i) =>
		i === 0 ? { ...o, label: '=HYPERLINK("http://x")' } : o
	)
};
const A = scenario.options[0]!.id;
const claim = scenario.claims.find((c) => c.option === A)!;
const answers: ClassAnswer[] = Array.from({ length: 6 }, (_, i) => ({
	participant: `p-${i}`,
	name: i === 0 ? 'Secret Name' : null,
	phase: 'after' as const,
	stances: { [A]: i % 2 ? 'support' : 'unsure' },
	quotes: { [A]: claim.id },
	seq: 10 - i
}));

describe('class results export', () => {
	it('writes every answer, students numbered, no names, formulas neutralised', () => {
		const csv = classAnswersCsv(scenario, answers);
		expect(csv).not.toContain('Secret Name');
		const rows = parseDelimited(csv.replace(/^\ufeff/, ''), ',');
		expect(rows[0]).toEqual([
			'student',
			'phase',
			'option_id',
			'option',
			'stance',
			'quote_claim_id',
			'quote_commentator',
			'quote'
		]);
		const body = rows.slice(1).filter((r) => r.length > 1);
		expect(body).toHaveLength(6);
		expect(body.map((r) => r[0])).toEqual(['S001', 'S002', 'S003', 'S004', 'S005', 'S006']);
		expect(body[0]![3]).toBe('\'=HYPERLINK("http://x")');
		expect(body[0]![7]).toBe(
			claim.quote.exact.startsWith('=') ? `'${claim.quote.exact}` : claim.quote.exact
		);
	});

	it('summarises with n and hides small groups', () => {
		const summary = classSummaryCsv(tallyClass(scenario, answers));
		const rows = parseDelimited(summary.replace(/^\ufeff/, ''), ',');
		const after = rows.find((r) => r[0] === A && r[2] === 'after')!;
		expect(after.slice(3, 8)).toEqual(['6', '3', '0', '0', '3']);
		const before = rows.find((r) => r[0] === A && r[2] === 'before')!;
		expect(before[3]).toBe('0');
		expect(before[12]).toContain('fewer than 5');
	});

	it('makes a workbook whose text cells are text', async () => {
		const bytes = await classResultsWorkbook(
			scenario,
			tallyClass(scenario, answers),
			answers,
			new Date(0)
		);
		const ExcelJS = (await import('exceljs')).default;
		const book = new ExcelJS.Workbook();
		await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
		expect(book.worksheets.map((s) => s.name)).toEqual(['Summary', 'Answers']);
		const cell = book.getWorksheet('Answers')!.getRow(2).getCell(4);
		expect(cell.value).toBe('=HYPERLINK("http://x")');
		expect(cell.formula).toBeUndefined();
	});
});
