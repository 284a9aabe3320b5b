import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvField, neutralizeFormula, toCsv } from '../../src/lib/export/csv';
import { LONG_COLUMNS } from '../../src/lib/scenario/claim-columns';
import { longCsv } from '../../src/lib/export/long-csv';
import { loadScenario } from '../../src/lib/scenario/load';
import { parseCsv } from './delimited-reader';

const FIXTURE = 'tests/fixtures/scenarios/mini.yaml';
const loaded = loadScenario(readFileSync(FIXTURE, 'utf8'), FIXTURE);
if (!loaded.ok) throw new Error('fixture does not load');
const mini = loaded.scenario;

describe('RFC 4180 quoting', () => {
	it('quotes commas, quotes and line breaks, and only those', () => {
		expect(csvField('plain')).toBe('plain');
		expect(csvField('a,b')).toBe('"a,b"');
		expect(csvField('say "hi"')).toBe('"say ""hi"""');
		expect(csvField('two\nlines')).toBe('"two\nlines"');
		expect(csvField('cr\rhere')).toBe('"cr\rhere"');
		expect(csvField(null)).toBe('');
		expect(csvField(-3)).toBe('-3');
		expect(csvField(true)).toBe('true');
	});

	it('starts with a BOM and ends rows with CRLF', () => {
		expect(toCsv(['a', 'b'], [['1', '2']])).toBe('\ufeffa,b\r\n1,2\r\n');
		expect(toCsv(['a'], [], { bom: false })).toBe('a\r\n');
	});

	it('reads back exactly what was written (property)', () => {
		fc.assert(
			fc.property(
				fc.array(fc.array(fc.string(), { minLength: 1, maxLength: 5 }), { maxLength: 8 }),
				(rows) => {
					// Text the guard leaves alone: no formula start at the front or after `;` or a tab,
					// no control characters (which become U+FFFD).
					const safe = rows.map((r) =>
						r.map((v) =>
							v
								.replace(/^[=+\-@\t\r]/, 'x')
								.replace(/([;\t])[=+\-@\t\r]/g, '$1x')
								// eslint-disable-next-line no-control-regex
								.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, 'x')
						)
					);
					const header = safe[0]?.map((_, i) => `c${i}`) ?? ['c0'];
					const body = safe.filter((r) => r.length === header.length);
					const back = parseCsv(toCsv(header, body, { bom: false }));
					expect(back).toEqual([header, ...body]);
				}
			)
		);
	});
});

describe('formula-injection guard', () => {
	it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1', '=HYPERLINK("http://x","y")'])(
		'neutralises %j',
		(payload) => {
			expect(neutralizeFormula(payload)).toMatch(/^'/);
			const [, row] = parseCsv(toCsv(['h'], [[payload]], { bom: false }));
			expect(row![0]!.startsWith("'")).toBe(true);
		}
	);

	it('leaves ordinary text alone', () => {
		for (const text of ['a=b', 'email@example.org', '20%', 'x-y'])
			expect(neutralizeFormula(text)).toBe(text);
	});

	it('guards headers too', () => {
		expect(toCsv(['=cmd'], [], { bom: false })).toBe("'=cmd\r\n");
	});
});

describe('long CSV', () => {
	it('matches the golden file', () => {
		expect(longCsv(mini)).toBe(readFileSync('tests/golden/mini.long.csv', 'utf8'));
	});

	it('starts with the published header and holds one row per claim', () => {
		const rows = parseCsv(longCsv(mini).slice(1));
		expect(rows[0]!.slice(0, 11).join(',')).toBe(
			'option_id,option,commentator_id,commentator,source_id,outlet,date,stance,dimension,consequence,quote'
		);
		expect(rows).toHaveLength(mini.claims.length + 1);
		expect(rows.slice(1).map((r) => r[LONG_COLUMNS.indexOf('claim_id')])).toEqual(
			mini.claims.map((c) => c.id)
		);
	});

	it('neutralises formula-like scenario text', () => {
		const csv = longCsv(mini);
		expect(csv).toContain(`"'=Darker streets,\nmore fear"`);
		expect(csv).toContain(`'@Saves money at once.`);
	});

	it('links a passage only for http(s) sources', () => {
		const rows = parseCsv(longCsv(mini).slice(1));
		const url = LONG_COLUMNS.indexOf('passage_url');
		expect(rows[1]![url]).toMatch(/^https:\/\/example\.org\/gazette\/lights#:~:text=/);
		expect(rows[3]![url]).toBe('');
	});
});
