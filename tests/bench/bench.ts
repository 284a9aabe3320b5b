/**
 * `npm run bench`: our app against the bare libraries, in one run (issue 6). Node part: loader,
 * analysis, exports. Browser part: JS shipped, first rows, sort, filter, chart, on the built app
 * (SG_BUILD_TAG=bench) and a bare page. Prints a table, writes bench-results/bench.json.
 * Flags: --node-only, --browser-only, --runs N, --sizes small,medium,large (Node part),
 * --browser-size large (browser part), --no-build, --strict (exit 1 when a goal is missed),
 * --class-only / --no-class (class mode load: 300 students on the class server, 127.0.0.1).
 * --editor-only (with --browser-only: only the editor's rows, tests/bench/editor-bench.ts).
 * Worst inputs (deep nesting, a million keys, 20,000 errors) through the CLI, each in a child
 * process with its peak memory (worst-case.ts); --worst-only runs just those.
 * Lighthouse mobile on `/` and `/join` against the bare page, in turn (lighthouse-compare.ts):
 * --no-lighthouse skips it, --lighthouse-only (with --browser-only) runs only it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { syntheticScenario, SIZES, type SizeName } from './synthetic';
import { browserBench } from './browser-bench';
import { classLoadBench } from './class-load';
import { editorBench, editorData } from './editor-bench';
import { CONFIG } from './config';
import { nodeBench } from './node-bench';
import { printTable, writeJson, type Row } from './report';
import { serve } from './serve';
import { worstCaseBench } from './worst-case';
import { lighthouseBench } from './lighthouse-compare';
import { loadScenario } from '../../src/lib/scenario/load';
import { readFileSync } from 'node:fs';

const APP_DIR = 'build-bench';
const BARE_DIR = 'tmp/bench-bare';
const REFERENCE = 'scenarios/ukraine-war-2025.yaml';
/** Lighthouse runs per page and side: each takes 10-30 s under its throttling. */
const LIGHTHOUSE_RUNS = 3;

function build(log: (line: string) => void): boolean {
	const vite = 'node_modules/vite/bin/vite.js';
	log('build: our app (SG_BUILD_TAG=bench)');
	const app = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
		stdio: 'inherit',
		env: { ...process.env, SG_BUILD_TAG: 'bench' }
	});
	log('build: bare page (tests/bench/bare)');
	const bare = spawnSync(
		process.execPath,
		[vite, 'build', '--config', 'tests/bench/bare/vite.config.ts'],
		{ stdio: 'inherit' }
	);
	return app.status === 0 && bare.status === 0;
}

/**
 * A one-word search term that is in none of the first claims (so row 0 changes whatever the
 * default order) but in some later ones: one of the generator's rare proper nouns, the kind of
 * word people search for. One word, because ag-grid's quick filter and the app's search treat a
 * single word alike.
 */
function filterTerm(size: SizeName): string {
	const scenario = syntheticScenario(size);
	const names = new Map(scenario.commentators.map((c) => [c.id, c.name]));
	const rowText = (i: number) => {
		const claim = scenario.claims[i]!;
		return (JSON.stringify(claim) + names.get(claim.commentator)).toLowerCase();
	};
	const head = Array.from({ length: Math.min(20, scenario.claims.length) }, (_, i) => rowText(i));
	const later = scenario.claims.slice(20).map((c) => c.quote.exact);
	const words = new Set(later.flatMap((quote) => quote.split(/[^A-Za-z]+/)));
	const rare = [...words].filter((w) => /^[A-Z][a-z]{5,}$/.test(w));
	for (const word of rare.sort()) {
		if (!head.some((text) => text.includes(word.toLowerCase()))) return word;
	}
	return 'zzz-no-match';
}

export async function bench(argv: string[]): Promise<number> {
	const flag = (name: string) => argv.includes(`--${name}`);
	const option = (name: string) => {
		const i = argv.indexOf(`--${name}`);
		return i >= 0 ? argv[i + 1] : undefined;
	};
	const runs = Number(option('runs') ?? CONFIG.runs);
	CONFIG.runs = runs;
	const browserSize = option('browser-size');
	if (browserSize && browserSize in SIZES) CONFIG.browserSize = browserSize as SizeName;
	const sizes = (option('sizes') ?? 'small,medium,large')
		.split(',')
		.filter((s): s is SizeName => s in SIZES);
	const log = (line: string) => console.log(line);
	const rows: Row[] = [];
	const started = Date.now();

	const classOnly = flag('class-only');
	if (!flag('browser-only') && !classOnly && !flag('worst-only'))
		rows.push(...(await nodeBench(sizes, runs, log)));
	if ((!flag('browser-only') && !classOnly) || flag('worst-only'))
		rows.push(...worstCaseBench(log));
	if (!flag('no-class') && !flag('browser-only') && !flag('worst-only'))
		rows.push(...(await classLoadBench(log)));

	if (!flag('node-only') && !classOnly) {
		if (!flag('no-build') && !build(log)) {
			console.error('bench: a build failed; the browser part is skipped');
			return 1;
		}
		if (!existsSync(APP_DIR) || !existsSync(BARE_DIR)) {
			console.error(`bench: ${APP_DIR}/ or ${BARE_DIR}/ is missing; run without --no-build`);
			return 1;
		}
		const size = CONFIG.browserSize;
		const scenario = syntheticScenario(size);
		const name = `${size}.json`;
		// The bundled scenario as JSON, for the bare page beside our first screen in Lighthouse.
		const reference = loadScenario(readFileSync(REFERENCE, 'utf8'), REFERENCE);
		if (!reference.ok) throw new Error(`${REFERENCE} does not load`);
		const served = await serve({
			app: APP_DIR,
			bare: BARE_DIR,
			data: new Map([
				[name, JSON.stringify(scenario)],
				['reference.json', JSON.stringify(reference.scenario)],
				...editorData()
			])
		});
		log(`browser: serving ${APP_DIR}/ and ${BARE_DIR}/ at ${served.url}`);
		try {
			const lighthouseOnly = flag('lighthouse-only');
			if (!flag('editor-only') && !lighthouseOnly)
				rows.push(
					...(await browserBench(
						served.url,
						`${served.url}/bench-data/${name}`,
						scenario.claims.length,
						scenario.meta.title,
						filterTerm(size),
						log
					))
				);
			if (!lighthouseOnly) rows.push(...(await editorBench(served.url, log)));
			if (!flag('no-lighthouse') && !flag('editor-only'))
				rows.push(
					...(await lighthouseBench(
						served.url,
						`${served.url}/bench-data/reference.json`,
						LIGHTHOUSE_RUNS,
						log
					))
				);
		} finally {
			await served.close();
		}
	}

	console.log(
		`\nStancegrid benchmark: medians of ${runs} runs (${((Date.now() - started) / 1000).toFixed(0)} s)\n`
	);
	console.log(printTable(rows));
	const path = writeJson(rows, { runs, sizes, browserSize: CONFIG.browserSize });
	console.log(`\nwrote ${path}`);
	const failed = rows.filter((row) => row.pass === false).length;
	return flag('strict') && failed > 0 ? 1 : 0;
}
