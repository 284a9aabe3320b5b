/** One row per metric, printed as a table and written as JSON (bench-results/bench.json). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';

export interface Row {
	metric: string;
	unit: 'ms' | 'bytes' | 'count';
	/** null when not measured; `note` then says why. */
	ours: number | null;
	bare: number | null;
	/** e.g. "<= 1.2x bare" or "< 300 ms"; empty when the row is for information. */
	goal: string;
	pass: boolean | null;
	note?: string;
	/** Every run, for anyone who wants more than the median. */
	samples?: { ours?: number[]; bare?: number[] };
}

export function median(values: readonly number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = sorted.length >> 1;
	return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function ratio(row: Row): number | null {
	return row.ours !== null && row.bare !== null && row.bare > 0 ? row.ours / row.bare : null;
}

/** A row with a goal relative to bare (`ours <= limit * bare`). */
export function ratioRow(
	metric: string,
	unit: Row['unit'],
	ours: number[] | number | null,
	bare: number[] | number | null,
	limit: number | null,
	note?: string
): Row {
	const value = (v: number[] | number | null) =>
		v === null ? null : typeof v === 'number' ? v : v.length ? median(v) : null;
	const row: Row = {
		metric,
		unit,
		ours: value(ours),
		bare: value(bare),
		goal: limit === null ? '' : `<= ${limit}x bare`,
		pass: null,
		...(note ? { note } : {}),
		samples: {
			...(Array.isArray(ours) ? { ours } : {}),
			...(Array.isArray(bare) ? { bare } : {})
		}
	};
	const r = ratio(row);
	if (limit !== null && r !== null) row.pass = r <= limit;
	return row;
}

/** A row with an absolute goal (`ours < limit ms`). */
export function limitRow(
	metric: string,
	ours: number[] | null,
	bare: number[] | null,
	limitMs: number | null,
	note?: string
): Row {
	const row = ratioRow(metric, 'ms', ours, bare, null, note);
	if (limitMs !== null) {
		row.goal = `< ${limitMs} ms`;
		row.pass = row.ours === null ? null : row.ours < limitMs;
	}
	return row;
}

export function naRow(metric: string, unit: Row['unit'], goal: string, note: string): Row {
	return { metric, unit, ours: null, bare: null, goal, pass: null, note };
}

function show(value: number | null, unit: Row['unit']): string {
	if (value === null) return 'n/a';
	if (unit === 'bytes') return `${(value / 1024).toFixed(1)} KiB`;
	if (unit === 'count') return String(value);
	return value < 10 ? `${value.toFixed(2)} ms` : `${value.toFixed(0)} ms`;
}

export function printTable(rows: readonly Row[]): string {
	const header = ['metric', 'ours', 'bare', 'ratio', 'goal', 'result'];
	const body = rows.map((row) => {
		const r = ratio(row);
		return [
			row.metric,
			show(row.ours, row.unit),
			show(row.bare, row.unit),
			r === null ? '' : `${r.toFixed(2)}x`,
			row.goal,
			row.pass === null ? (row.goal ? 'n/a' : '') : row.pass ? 'pass' : 'FAIL'
		];
	});
	const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
	const line = (cells: string[]) =>
		cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
	const notes = rows
		.filter((row) => row.note)
		.map((row) => `  - ${row.metric}: ${row.note}`)
		.join('\n');
	return [
		line(header),
		widths.map((w) => '-'.repeat(w)).join('  '),
		...body.map(line),
		...(notes ? ['', 'Notes:', notes] : [])
	].join('\n');
}

export function writeJson(rows: readonly Row[], extra: Record<string, unknown>): string {
	mkdirSync('bench-results', { recursive: true });
	const path = 'bench-results/bench.json';
	writeFileSync(
		path,
		JSON.stringify(
			{
				date: new Date().toISOString(),
				node: process.version,
				cpus: cpus().length,
				cpu: cpus()[0]?.model ?? 'unknown',
				memoryGiB: Math.round(totalmem() / 2 ** 30),
				...extra,
				rows: rows.map((row) => ({ ...row, ratio: ratio(row) }))
			},
			null,
			2
		) + '\n'
	);
	return path;
}
