/**
 * Hostile scenario text in every export: formula payloads must not become live formulas (CSV,
 * TSV, XLSX), and HTML, script and Markdown payloads must not become markup (HTML, Markdown) or
 * break out of their field (BibTeX, RIS, CSL-JSON). The fixture holds payloads in every text
 * field; leading tabs and carriage returns, which the loader trims, are added in memory.
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { bibEscape } from '../../src/lib/export/citations';
import { claimsClipboard, matrixClipboard, toTsv } from '../../src/lib/export/clipboard';
import {
	escapeHtml,
	escapeMarkdown,
	markdownHref,
	safeHref,
	xmlSafe
} from '../../src/lib/export/escape';
import { EXPORT_FORMATS, type ExportInput } from '../../src/lib/export/formats';
import { loadScenario } from '../../src/lib/scenario/load';
import type { Scenario } from '../../src/lib/scenario/schema';
import { pairs } from '../../src/lib/view/matrix-view';
import { parseDelimited } from './delimited-reader';

const FILE = 'tests/fixtures/scenarios/hostile-export.yaml';
const loaded = loadScenario(readFileSync(FILE, 'utf8'), FILE);
if (!loaded.ok) throw new Error(`${FILE} does not load`);
const hostile: Scenario = loaded.scenario;

/** The same scenario with whitespace-led payloads the loader would have trimmed. */
const untrimmed: Scenario = structuredClone(hostile);
untrimmed.claims[0]!.consequence = '\t=1+1';
untrimmed.claims[1]!.consequence = '\r=2+2';
untrimmed.options[0]!.label = '\t@SUM(A1)';
untrimmed.commentators[0]!.name = '\r-3+3';

const INPUTS: [string, ExportInput][] = [
	['hostile', { scenario: hostile, filters: ['Search: "=cmd|\' /C calc\'!A0 <script>"'] }],
	['untrimmed', { scenario: untrimmed }]
];

const FORMULA_START = /^[=+\-@\t\r]/;

function expectNoLiveFormula(rows: string[][]) {
	for (const row of rows) for (const field of row) expect(field, field).not.toMatch(FORMULA_START);
}

/** The tag names in an HTML string: only the exporter's own may appear. */
const OWN_TAGS = new Set(['table', 'thead', 'tbody', 'tr', 'th', 'td', 'br', 'a']);
function tagNames(html: string): string[] {
	return [...html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9-]*)/g)].map((m) => m[1]!.toLowerCase());
}

describe.each(INPUTS)('%s scenario', (_, input) => {
	it('CSV (long and matrix): no field starts a formula', async () => {
		for (const format of ['csv', 'matrix-csv'] as const) {
			const csv = (await EXPORT_FORMATS[format].serialize(input)) as string;
			expect(csv.startsWith('\ufeff')).toBe(true);
			expectNoLiveFormula(parseDelimited(csv.slice(1), ','));
		}
	});

	it('TSV (clipboard): no field starts a formula, one row per line', () => {
		for (const table of [matrixClipboard(input), claimsClipboard(input)]) {
			const rows = parseDelimited(table.text, '\t');
			expect(rows).toHaveLength(table.rows + 1);
			expect(new Set(rows.map((r) => r.length)).size).toBe(1);
			expectNoLiveFormula(rows);
		}
	});

	it('HTML (clipboard): only the exporter’s own tags, every link http(s)', () => {
		for (const table of [matrixClipboard(input), claimsClipboard(input)]) {
			for (const tag of tagNames(table.html)) expect(OWN_TAGS.has(tag), tag).toBe(true);
			// Inside every tag, only the exporter's own attributes: no event handlers can slip in.
			for (const [tag] of table.html.matchAll(/<[a-z][^>]*>/g)) {
				const names = [...tag.matchAll(/\s([a-z-]+)=/g)].map((m) => m[1]);
				for (const name of names) expect(['style', 'scope', 'href']).toContain(name);
			}
			for (const [, href] of table.html.matchAll(/href="([^"]*)"/g))
				expect(href).toMatch(/^https?:\/\//);
			// Attribute values never contain a raw quote that could end them early.
			for (const [, value] of table.html.matchAll(/="([^"]*)"/g)) expect(value).not.toMatch(/[<>]/);
		}
	});

	it('Markdown: no HTML, no links or images but the passage links, no emphasis', async () => {
		const md = (await EXPORT_FORMATS.md.serialize(input)) as string;
		// Take out the exporter's own constructs; what is left is escaped scenario text.
		const rest = md
			.replace(/\[\^\d+\]:?/g, '')
			.replace(/ \[Open passage\]\(https?:\/\/[^\s()<>]+\)/g, '')
			.replace(/^# /m, '')
			.replace(/^\|(?: --- \|)+$/m, '')
			.replace(/ \| /g, ' ')
			.replace(/^\| | \|$/gm, '');
		// Every character that could open markup is escaped (preceded by a backslash)...
		for (const m of rest.matchAll(/[<>[\]*_`|~$&@!#]/g)) {
			const before = rest.slice(0, m.index);
			const slashes = before.length - before.replace(/\\+$/, '').length;
			expect(
				slashes % 2,
				`unescaped ${m[0]} at ${m.index}: ${rest.slice(m.index - 20, m.index + 20)}`
			).toBe(1);
		}
		// ...and autolink patterns are broken.
		expect(rest).not.toMatch(/(?<!\\):\/\//);
		expect(rest).not.toMatch(/www\.(?!\\)/i);
		// A row is one line: the table has a header, a rule and one line per option.
		const table = md.split('\n').filter((l) => l.startsWith('|'));
		expect(table).toHaveLength(input.scenario.options.length + 2);
		for (const line of table) {
			const cells = line.slice(1, -1).split(/(?<!\\)\|/);
			// One column per commentator as quoted by each source, as the grid shows them.
			expect(cells).toHaveLength(pairs(input.scenario, input.scenario.claims, true).length + 1);
		}
	});

	it('XLSX: every payload is a plain string cell, verbatim, and no <f> anywhere', async () => {
		const bytes = (await EXPORT_FORMATS.xlsx.serialize(input)) as Uint8Array;
		const book = new ExcelJS.Workbook();
		await book.xlsx.load(bytes as unknown as ArrayBuffer);
		const strings: string[] = [];
		book.eachSheet((ws) =>
			ws.eachRow((row) =>
				row.eachCell((cell) => {
					expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
					expect(cell.formula).toBeUndefined();
					if (cell.type === ExcelJS.ValueType.Hyperlink)
						expect(cell.hyperlink).toMatch(/^https?:\/\//);
					if (typeof cell.value === 'string') strings.push(cell.value);
				})
			)
		);
		// The payloads are kept as written (plain strings, not apostrophe-prefixed copies).
		expect(strings).toContain(input.scenario.options[0]!.label);
		expect(strings).toContain(input.scenario.meta.title);
		const zip = await JSZip.loadAsync(bytes);
		for (const name of Object.keys(zip.files).filter((f) => f.startsWith('xl/worksheets/sheet')))
			expect(await zip.file(name)!.async('string')).not.toMatch(/<f[\s>]/);
	});

	it('BibTeX: braces balance in every entry, and no field escapes its entry', async () => {
		const bib = (await EXPORT_FORMATS.bib.serialize(input)) as string;
		const entries = bib.split(/\n(?=@)/).filter((e) => e.startsWith('@'));
		expect(entries).toHaveLength(input.scenario.sources.length);
		for (const entry of entries) {
			let depth = 0;
			const unescaped = entry.replace(/\\[{}]/g, '');
			for (const c of unescaped) {
				if (c === '{') depth++;
				if (c === '}') depth--;
				expect(depth).toBeGreaterThanOrEqual(0);
			}
			expect(depth).toBe(0);
			expect(entry.match(/^\s+title = /gm)).toHaveLength(1);
		}
	});

	it('RIS: one record per source, every line a tag line', async () => {
		const ris = (await EXPORT_FORMATS.ris.serialize(input)) as string;
		const lines = ris.split('\r\n').filter((l) => l !== '');
		for (const line of lines) expect(line).toMatch(/^[A-Z][A-Z0-9] {2}- /);
		expect(lines.filter((l) => l.startsWith('TY  - '))).toHaveLength(input.scenario.sources.length);
		expect(lines.filter((l) => l.startsWith('ER  - '))).toHaveLength(input.scenario.sources.length);
	});

	it('CSL-JSON: parses, and addresses are http(s) or absent', async () => {
		const items = JSON.parse((await EXPORT_FORMATS.csl.serialize(input)) as string) as {
			URL?: string;
		}[];
		expect(items).toHaveLength(input.scenario.sources.length);
		for (const item of items) if (item.URL) expect(item.URL).toMatch(/^https?:\/\//);
	});
});

describe('escaping helpers', () => {
	it('escapeHtml escapes the five HTML specials and nothing else', () => {
		expect(escapeHtml(`<a href="x" onclick='y'>&amp;</a> é`)).toBe(
			'&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt; é'
		);
	});

	it('escapeMarkdown round-trips: removing the escapes gives the text back (on one line)', () => {
		for (const text of ['[a](b) *c* _d_ `e` <f> | g \\ h ~i~ $j$ &k; @l !m #n', 'plain text.']) {
			const escaped = escapeMarkdown(text);
			expect(escaped.replace(/\\(.)/g, '$1')).toBe(text);
		}
		expect(escapeMarkdown('two\nlines\r\nhere')).toBe('two lines here');
		expect(escapeMarkdown('see https://x.org and www.y.org')).toBe(
			'see https\\://x.org and www\\.y.org'
		);
	});

	it('safeHref keeps http(s) only and normalises it', () => {
		expect(safeHref('javascript:alert(1)')).toBeNull();
		expect(safeHref('not stated')).toBeNull();
		expect(safeHref('data:text/html,<script>')).toBeNull();
		expect(safeHref('https://x.org/a b"c<d>')).toBe('https://x.org/a%20b%22c%3Cd%3E');
		expect(markdownHref('https://x.org/(a)')).toBe('https://x.org/%28a%29');
	});

	it('xmlSafe replaces what XML 1.0 cannot hold', () => {
		expect(xmlSafe('a\u0001b\u0008c\td\ne\u000bf\ud800g😀\uffff')).toBe(
			'a\ufffdb\ufffdc\td\ne\ufffdf\ufffdg😀\ufffd'
		);
	});

	it('an XML-illegal character in a scenario still gives a readable workbook', async () => {
		const scenario = structuredClone(hostile);
		scenario.claims[0]!.consequence = 'bell\u0007 and \ud800 lone surrogate';
		const bytes = (await EXPORT_FORMATS.xlsx.serialize({ scenario })) as Uint8Array;
		const book = new ExcelJS.Workbook();
		await book.xlsx.load(bytes as unknown as ArrayBuffer);
		expect(book.getWorksheet('Claims')!.getCell('J2').value).toBe(
			'bell\ufffd and \ufffd lone surrogate'
		);
	});

	it('bibEscape escapes LaTeX specials', () => {
		expect(bibEscape('{a} 50% #1 $x & y_z ~ ^ \\')).toBe(
			'\\{a\\} 50\\% \\#1 \\$x \\& y\\_z \\textasciitilde{} \\textasciicircum{} \\textbackslash{}'
		);
	});

	it('toTsv quotes a field with a double quote and guards formulas', () => {
		expect(
			toTsv(
				['a', 'b'],
				[
					['"x" y', '=1'],
					['-2', 'tab\there']
				]
			)
		).toBe('a\tb\r\n"""x"" y"\t\'=1\r\n\'-2\ttab here\r\n');
	});
});
