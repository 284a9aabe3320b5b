/**
 * Likelihood, confidence and basis: optional claim fields, only where a source states them. The
 * loader reads them (and names a wrong value), and every export carries them; a claim without
 * them says "not stated", never a guess.
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { main } from '../../src/cli/main';
import { claimTexts } from '../../src/lib/export/claim-texts';
import { longCsv } from '../../src/lib/export/long-csv';
import { resolveView } from '../../src/lib/export/view';
import { workbook } from '../../src/lib/export/xlsx';
import { formatLoadError, loadScenario } from '../../src/lib/scenario/load';
import { scenarioToJson, scenarioToYaml } from '../../src/lib/scenario/serialize';
import type { Scenario } from '../../src/lib/scenario/schema';
import { parseCsv } from './delimited-reader';

const MINI = 'tests/fixtures/scenarios/mini.yaml';

/** The mini fixture with the first claim's likelihood, confidence and basis as given. */
function miniWith(fields: Record<string, unknown>): string {
	const raw = parse(readFileSync(MINI, 'utf8')) as { claims: Record<string, unknown>[] };
	Object.assign(raw.claims[0]!, fields);
	return JSON.stringify(raw);
}

function load(text: string): Scenario {
	const result = loadScenario(text, 'stated.json');
	if (!result.ok) throw new Error(result.errors.map(formatLoadError).join('\n'));
	return result.scenario;
}

const stated = load(
	miniWith({ likelihood: 'very likely', confidence: 'moderate', basis: 'historical comparison' })
);

describe('likelihood, confidence and basis', () => {
	it('are read when given and absent when not', () => {
		expect(stated.claims[0]).toMatchObject({
			likelihood: 'very likely',
			confidence: 'moderate',
			basis: 'historical comparison'
		});
		expect(stated.claims[1]).not.toHaveProperty('likelihood');
	});

	it('refuse a value outside the scale, naming the field and the words allowed', () => {
		const result = loadScenario(miniWith({ likelihood: 'probable', confidence: 'sure' }), 'x.json');
		expect(result.ok).toBe(false);
		const messages = result.ok ? [] : result.errors.map(formatLoadError);
		expect(messages.join('\n')).toContain(
			'claims[0].likelihood: expected a likelihood in the words of ICD 203: one of almost no chance, very unlikely, unlikely, roughly even chance, likely, very likely, almost certain'
		);
		expect(messages.join('\n')).toContain('claims[0].confidence: expected a stated confidence');
	});

	it('go into the long CSV, "not stated" where the source does not say', () => {
		const rows = parseCsv(longCsv(stated).slice(1));
		const header = rows[0]!;
		const at = (row: number, column: string) => rows[row]![header.indexOf(column)];
		expect(at(1, 'likelihood')).toBe('very likely');
		expect(at(1, 'confidence')).toBe('moderate');
		expect(at(1, 'basis')).toBe('historical comparison');
		expect([at(2, 'likelihood'), at(2, 'confidence'), at(2, 'basis')]).toEqual([
			'not stated',
			'not stated',
			'not stated'
		]);
	});

	it('go into the workbook, the texts for people, and the scenario as JSON and YAML', async () => {
		const book = new ExcelJS.Workbook();
		await book.xlsx.load((await workbook({ scenario: stated })) as unknown as ArrayBuffer);
		const claims = book.getWorksheet('Claims')!;
		const titles = (claims.getRow(1).values as unknown[]).slice(1);
		const column = titles.indexOf('Likelihood') + 1;
		expect(column).toBeGreaterThan(0);
		expect(claims.getRow(2).getCell(column).value).toBe('very likely');
		expect(claims.getRow(3).getCell(column).value).toBe('not stated');

		const texts = claimTexts(resolveView({ scenario: stated }));
		expect(texts.text.basis(stated.claims[0]!)).toBe('historical comparison');

		expect(load(scenarioToJson(stated))).toEqual(stated);
		const back = loadScenario(scenarioToYaml(stated), 'back.yaml');
		expect(back.ok && back.scenario).toEqual(stated);
	});

	it('come out of the command line export', async () => {
		let out = '';
		const code = await main(['export', MINI, '--format', 'csv'], {
			out: (t) => (out += typeof t === 'string' ? t : ''),
			err: () => {}
		});
		expect(code).toBe(0);
		expect(out.split('\r\n')[0]).toMatch(/,likelihood,confidence,basis$/);
	});
});
