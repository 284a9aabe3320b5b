/**
 * Properties over any valid scenario (the shared generator): the scenario exports (JSON, YAML)
 * load back to the same value through the app's own loader, and the table exports keep their
 * shape and their guards whatever the text holds.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { claimsClipboard, matrixClipboard } from '../../src/lib/export/clipboard';
import { EXPORT_FORMATS } from '../../src/lib/export/formats';
import { formatLoadError, loadScenario } from '../../src/lib/scenario/load';
import { pairs } from '../../src/lib/view/matrix-view';
import { arbitraryScenario } from './arbitrary-scenario';

async function exportText(format: keyof typeof EXPORT_FORMATS, scenario: never) {
	const out = await EXPORT_FORMATS[format].serialize({ scenario });
	if (typeof out !== 'string') throw new Error(`${format} is not text`);
	return out;
}

function reload(text: string, file: string) {
	const result = loadScenario(text, file);
	if (!result.ok) throw new Error(result.errors.map(formatLoadError).join('\n'));
	return result.scenario;
}

describe('scenario exports are lossless (export, then import)', () => {
	it.each([
		['json', 'x.json'],
		['yaml', 'x.yaml']
	] as const)('%s', async (format, file) => {
		await fc.assert(
			fc.asyncProperty(arbitraryScenario, async (scenario) => {
				const text = await exportText(format, scenario as never);
				expect(reload(text, file)).toEqual(scenario);
			}),
			{ numRuns: 120 }
		);
	});

	it('ignores the view: filters never drop data from a scenario export', async () => {
		await fc.assert(
			fc.asyncProperty(arbitraryScenario, async (scenario) => {
				const text = await EXPORT_FORMATS.yaml.serialize({
					scenario,
					claims: []
				});
				expect(reload(text as string, 'x.yaml')).toEqual(scenario);
			}),
			{ numRuns: 30 }
		);
	});
});

describe('table exports keep their shape for any text', () => {
	it('matrix TSV: header + one line per option, one field per commentator column, guarded', () => {
		fc.assert(
			fc.property(arbitraryScenario, (scenario) => {
				const { text, html } = matrixClipboard({ scenario });
				const lines = text.split('\r\n').slice(0, -1);
				expect(lines).toHaveLength(scenario.options.length + 1);
				for (const line of lines) {
					expect(line.split('\t')).toHaveLength(pairs(scenario, scenario.claims, true).length + 1);
					for (const field of line.split('\t')) expect(field).not.toMatch(/^"?[=+\-@]/);
				}
				expect(html.match(/<tr>/g)).toHaveLength(scenario.options.length + 1);
			}),
			{ numRuns: 100 }
		);
	});

	it('claims HTML: one row per claim and no tag but the exporter’s own', () => {
		fc.assert(
			fc.property(arbitraryScenario, (scenario) => {
				const { html, rows } = claimsClipboard({ scenario });
				expect(rows).toBe(scenario.claims.length);
				const tags = new Set([...html.matchAll(/<\/?([a-z]+)/g)].map((m) => m[1]));
				for (const tag of tags)
					expect(['table', 'thead', 'tbody', 'tr', 'th', 'td', 'a']).toContain(tag);
			}),
			{ numRuns: 100 }
		);
	});

	it('Markdown: one table line per option whatever the text', async () => {
		await fc.assert(
			fc.asyncProperty(arbitraryScenario, async (scenario) => {
				const md = await exportText('md', scenario as never);
				// Header, rule, then one line per option.
				const table = md.split('\n').filter((l) => l.startsWith('| '));
				expect(table).toHaveLength(scenario.options.length + 2);
				for (const line of table)
					expect(line.slice(1, -1).split(/(?<!\\)\|/)).toHaveLength(
						pairs(scenario, scenario.claims, true).length + 1
					);
			}),
			{ numRuns: 100 }
		);
	});

	it('citations: one entry per source; CSL-JSON parses', async () => {
		await fc.assert(
			fc.asyncProperty(arbitraryScenario, async (scenario) => {
				const csl = JSON.parse(await exportText('csl', scenario as never)) as unknown[];
				expect(csl).toHaveLength(scenario.sources.length);
				const ris = await exportText('ris', scenario as never);
				expect(ris.match(/^TY {2}- /gm)).toHaveLength(scenario.sources.length);
				const bib = await exportText('bib', scenario as never);
				expect(bib.match(/^@(article|misc)\{/gm)).toHaveLength(scenario.sources.length);
			}),
			{ numRuns: 60 }
		);
	});
});
