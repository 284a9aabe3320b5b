import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { longCsv } from '../../src/lib/export/long-csv';
import { loadScenario } from '../../src/lib/scenario/load';

const MINI = 'tests/fixtures/scenarios/mini.yaml';

async function cli(...args: string[]) {
	let out = '';
	let err = '';
	const code = await main(args, {
		out: (t) => (out += typeof t === 'string' ? t : new TextDecoder().decode(t)),
		err: (t) => (err += t)
	});
	return { code, out, err };
}

describe('stancegrid CLI', () => {
	it('validate: exit 0 and a one-line summary', async () => {
		const { code, out, err } = await cli('validate', MINI);
		expect(code).toBe(0);
		expect(err).toBe('');
		expect(out).toBe(
			`${MINI}: valid scenario "mini-test": 3 options, 3 commentators, 2 sources, 5 claims, 2 dimensions\n`
		);
	});

	it('validate: exit 1 and every error as file:line:col path: message', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'sg-'));
		const file = join(dir, 'bad.yaml');
		writeFileSync(
			file,
			readFileSync(MINI, 'utf8')
				.replace('stance: oppose', 'stance: maybe')
				.replace('kind: unnamed', 'kind: pundit')
		);
		const { code, out, err } = await cli('validate', file);
		expect(code).toBe(1);
		expect(out).toBe('');
		const lines = err.trim().split('\n');
		expect(lines).toEqual([
			`${file}:60:11 commentators[2].kind: expected a commentator kind: one of analyst, official, journalist, outlet, unnamed; got "pundit"`,
			`${file}:81:13 claims[1].stance: expected a stance: one of support, conditional, oppose; got "maybe"`,
			`${file}: 2 problem(s); nothing was loaded`
		]);
	});

	it('validate: a missing file is exit 1 with the reason', async () => {
		const { code, err } = await cli('validate', 'no/such/file.yaml');
		expect(code).toBe(1);
		expect(err).toBe('no/such/file.yaml: cannot read the file (ENOENT)\n');
	});

	it('export --format csv prints the long CSV with every claim', async () => {
		const { code, out } = await cli('export', MINI, '--format', 'csv');
		expect(code).toBe(0);
		const loaded = loadScenario(readFileSync(MINI, 'utf8'), MINI);
		if (!loaded.ok) throw new Error('fixture');
		expect(out).toBe(longCsv(loaded.scenario));
	});

	it('export --format json --out writes a file that validates', async () => {
		const out = join(mkdtempSync(join(tmpdir(), 'sg-')), 'mini.json');
		const result = await cli('export', MINI, '--format', 'json', '--out', out);
		expect(result.code).toBe(0);
		expect((await cli('validate', out)).code).toBe(0);
	});

	it('rejects an unknown format and a missing file argument with exit 2', async () => {
		expect((await cli('export', MINI, '--format', 'pdf')).code).toBe(2);
		expect((await cli('validate')).code).toBe(2);
		expect((await cli('frobnicate', MINI)).code).toBe(2);
	});

	it('runs as an installed bin (what npx stancegrid runs)', () => {
		const out = execFileSync(process.execPath, ['src/cli/stancegrid.js', 'validate', MINI], {
			encoding: 'utf8'
		});
		expect(out).toContain('valid scenario "mini-test"');
		const bad = spawnSync(process.execPath, ['src/cli/stancegrid.js', 'validate', 'package.json'], {
			encoding: 'utf8'
		});
		expect(bad.status).toBe(1);
		expect(bad.stderr).toContain('package.json:2:2 name: unknown field "name"');
	});
});
