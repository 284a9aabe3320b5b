/**
 * The worst inputs (tests/bench/worst-inputs.ts) through the command line, each in a child
 * process: time and peak memory against the budget (issue 16: under 5 s and 1 GiB, with the
 * documented message).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Row } from './report';
import { WORST } from './worst-inputs';

const BUDGET_MS = 5000;
const BUDGET_BYTES = 1024 ** 3;

export function worstCaseBench(log: (line: string) => void): Row[] {
	const dir = mkdtempSync(join(tmpdir(), 'sg-worst-'));
	const rows: Row[] = [];
	try {
		for (const worst of WORST) {
			const file = join(dir, worst.file);
			writeFileSync(file, worst.build());
			log(`worst case: ${worst.name}`);
			const child = spawnSync(
				process.execPath,
				['--import', 'tsx', 'tests/bench/worst-child.ts', file],
				{ encoding: 'utf8', timeout: 120_000 }
			);
			rmSync(file);
			let result: { ms: number; peakBytes: number; code: number; first: string } | null = null;
			try {
				result = JSON.parse(child.stdout.trim().split('\n').pop() ?? '');
			} catch {
				result = null;
			}
			if (!result) {
				const why = child.error ? String(child.error) : child.stderr.split('\n')[0];
				rows.push({
					metric: `worst: ${worst.name}`,
					unit: 'ms',
					ours: null,
					bare: null,
					goal: `< ${BUDGET_MS} ms`,
					pass: false,
					note: `no result (${why})`
				});
				continue;
			}
			const message = result.code === 1 && result.first.includes(worst.expect);
			rows.push(
				{
					metric: `worst: ${worst.name}, time`,
					unit: 'ms',
					ours: Math.round(result.ms),
					bare: null,
					goal: `< ${BUDGET_MS} ms`,
					pass: result.ms < BUDGET_MS && message,
					note: message
						? result.first.replace(/^[^ ]*: /, '').slice(0, 70)
						: `unexpected: ${result.first.slice(0, 70)}`
				},
				{
					metric: `worst: ${worst.name}, peak memory`,
					unit: 'bytes',
					ours: result.peakBytes,
					bare: null,
					goal: '< 1 GiB',
					pass: result.peakBytes < BUDGET_BYTES
				}
			);
		}
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
	return rows;
}
