/**
 * Golden files for every text export, from the mini fixture: the whole scenario, and a filtered,
 * reordered view with a subset of columns (what a person sees after filtering the workspace).
 * The files in tests/golden/ were read by eye when written; regenerate with UPDATE_GOLDEN=1 and
 * read the diff before committing it.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { claimsClipboard, matrixClipboard } from '../../src/lib/export/clipboard';
import { EXPORT_FORMATS, type ExportInput } from '../../src/lib/export/formats';
import { loadScenario } from '../../src/lib/scenario/load';
import { NO_FILTERS, type Filters } from '../../src/lib/view/filters';
import { screenInput } from './screen-input';

const FIXTURE = 'tests/fixtures/scenarios/mini.yaml';
const loaded = loadScenario(readFileSync(FIXTURE, 'utf8'), FIXTURE);
if (!loaded.ok) throw new Error('mini fixture does not load');
const mini = loaded.scenario;

const filters: Filters = {
	...NO_FILTERS,
	stances: ['oppose', 'conditional'],
	options: ['dimming', 'led-retrofit']
};
const view = screenInput(mini, filters, {
	sort: [{ col: 'option', dir: 'asc' }],
	columns: ['claim_id', 'commentator', 'stance', 'consequence', 'quote', 'passage_url']
});
const VIEWS: Record<string, ExportInput> = {
	mini: { scenario: mini },
	'mini-view': { ...view, claims: [...view.claims!].reverse() },
	// The same filters in Transpose, sorted by a commentator column: the matrix turned.
	'mini-turned': screenInput(mini, filters, {
		transposed: true,
		sort: [{ col: 'dimming', dir: 'desc' }]
	})
};

function golden(name: string, actual: string) {
	const path = `tests/golden/${name}`;
	if (process.env.UPDATE_GOLDEN === '1') writeFileSync(path, actual);
	if (!existsSync(path))
		throw new Error(`${path} is missing: run with UPDATE_GOLDEN=1 and read it`);
	expect(actual).toBe(readFileSync(path, 'utf8'));
}

const TEXT_FORMATS = [
	['csv', 'long.csv'],
	['matrix-csv', 'matrix.csv'],
	['md', 'md'],
	['csl', 'csl.json'],
	['bib', 'bib'],
	['ris', 'ris']
] as const;

describe.each(Object.entries(VIEWS))('golden files: %s', (name, input) => {
	it.each(TEXT_FORMATS)('%s', async (format, extension) => {
		const out = await EXPORT_FORMATS[format].serialize(input);
		expect(typeof out).toBe('string');
		golden(`${name}.${extension}`, out as string);
	});

	it('clipboard: matrix and claims, TSV and HTML', () => {
		const matrix = matrixClipboard(input);
		const claims = claimsClipboard(input);
		golden(`${name}.matrix.tsv`, matrix.text);
		golden(`${name}.matrix.html`, matrix.html + '\n');
		golden(`${name}.claims.tsv`, claims.text);
		golden(`${name}.claims.html`, claims.html + '\n');
	});
});

describe('the golden long CSV is the published one', () => {
	it('matches tests/golden/mini.long.csv written by the foundation', async () => {
		// The same file csv.test.ts checks: one long table, whichever door it leaves by.
		expect(await EXPORT_FORMATS.csv.serialize({ scenario: mini })).toBe(
			readFileSync('tests/golden/mini.long.csv', 'utf8')
		);
	});
});
