/**
 * The layering rule holds the pure core apart from the shell: this checks that eslint refuses a
 * module that imports Svelte, Kit, the state, components, the grid or the charts when it sits in
 * scenario/, analysis/, export/ or view/ (or Svelte in the CLI), and accepts the real files.
 */
import { readFileSync } from 'node:fs';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });
const violating = readFileSync('tests/fixtures/layering/violations.ts.txt', 'utf8');

/** The lines whose import the rule refuses. */
async function restricted(text: string, filePath: string): Promise<number[]> {
	const [result] = await eslint.lintText(text, { filePath });
	const lines = result!.messages
		.filter((m) => m.ruleId === 'no-restricted-imports')
		.map((m) => m.line);
	return [...new Set(lines)];
}

describe(
	'the pure core imports nothing from the shell (eslint no-restricted-imports)',
	{ timeout: 120_000 },
	() => {
		it.each(['scenario', 'analysis', 'export', 'view'])(
			'refuses each shell import in %s/',
			async (folder) => {
				// svelte, $app, ag-grid, chart.js, state, a component, grid: lines 3 to 9, each refused.
				expect(await restricted(violating, `src/lib/${folder}/violations.ts`)).toEqual([
					3, 4, 5, 6, 7, 8, 9
				]);
			}
		);

		it('refuses Svelte in the command line', async () => {
			const text = "import { mount } from 'svelte';\nexport { mount };\n";
			expect(await restricted(text, 'src/cli/x.ts')).toEqual([1]);
		});

		it('lets the shell import the core, and the core import the core', async () => {
			expect(await restricted(violating, 'src/lib/grid/violations.ts')).toEqual([]);
			const core = "import { applyFilters } from './filters';\nexport { applyFilters };\n";
			expect(await restricted(core, 'src/lib/view/x.ts')).toEqual([]);
		});
	}
);
