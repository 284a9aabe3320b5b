/**
 * The Node half of the benchmark: our loader, analysis and exporters against the raw library
 * call that does the same job on the same synthetic scenario (JSON.parse + valibot alone; a bare
 * CSV loop without the formula guard; bare ExcelJS writing the same cells).
 */
import ExcelJS from 'exceljs';
import * as v from 'valibot';
import { analyze } from '../../src/lib/analysis/analyze';
import { robustness } from '../../src/lib/analysis/robustness';
import { syntheticScenario, type SizeName } from './synthetic';
import { EXPORT_FORMATS, type ExportFormat } from '../../src/lib/export/formats';
import { longCsv } from '../../src/lib/export/long-csv';
import { loadScenario } from '../../src/lib/scenario/load';
import { passageUrl } from '../../src/lib/scenario/passage-link';
import { ScenarioSchema, type Scenario } from '../../src/lib/scenario/schema';
import { scenarioToYaml } from '../../src/lib/scenario/serialize';
import { GOALS } from './config';
import { limitRow, median, naRow, ratioRow, type Row } from './report';

/** Shortest timed sample: below this, timer resolution, JIT and GC noise swamp a call (at 25 ms
 * the small workbook ratio moved between 1.16x and 1.30x from one run to the next). */
const MIN_SAMPLE_MS = 100;

/** Calls per sample so that one sample lasts at least MIN_SAMPLE_MS (after a warm-up call). */
async function batchFor(job: () => unknown): Promise<number> {
	const start = performance.now();
	await job();
	const once = performance.now() - start;
	return Math.min(1000, Math.max(1, Math.ceil(MIN_SAMPLE_MS / Math.max(once, 0.01))));
}

async function sample(batch: number, job: () => unknown): Promise<number> {
	const begin = performance.now();
	for (let k = 0; k < batch; k++) await job();
	return (performance.now() - begin) / batch;
}

async function time(runs: number, job: () => unknown): Promise<number[]> {
	const batch = await batchFor(job);
	const samples: number[] = [];
	for (let i = 0; i < runs; i++) samples.push(await sample(batch, job));
	return samples;
}

/**
 * Ours and bare sampled in turn, so that the garbage one side leaves and the heap it grows are
 * shared out evenly instead of landing on whichever ran second.
 */
async function timeBoth(
	runs: number,
	ours: () => unknown,
	bare: () => unknown
): Promise<[number[], number[]]> {
	const batches = [await batchFor(ours), await batchFor(bare)] as const;
	const samples: [number[], number[]] = [[], []];
	for (let i = 0; i < runs; i++) {
		samples[0].push(await sample(batches[0], ours));
		samples[1].push(await sample(batches[1], bare));
	}
	return samples;
}

/** The long CSV the plain way: same columns and values, RFC 4180 quoting, no formula guard. */
function bareCsv(scenario: Scenario): string {
	const options = new Map(scenario.options.map((o) => [o.id, o]));
	const people = new Map(scenario.commentators.map((c) => [c.id, c]));
	const sources = new Map(scenario.sources.map((s) => [s.id, s]));
	const field = (value: string | boolean) => {
		const text = String(value);
		return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
	};
	const lines = [
		'option_id,option,commentator_id,commentator,source_id,outlet,date,stance,dimension,consequence,quote,direction,claim_id,title,date_inferred,passage_url'
	];
	for (const claim of scenario.claims) {
		const option = options.get(claim.option)!;
		const source = sources.get(claim.source)!;
		lines.push(
			[
				option.id,
				option.label,
				claim.commentator,
				people.get(claim.commentator)!.name,
				source.id,
				source.outlet,
				source.date,
				claim.stance,
				claim.effects.map((e) => e.dimension).join(';'),
				claim.consequence,
				claim.quote.exact,
				claim.effects.map((e) => e.direction).join(';'),
				claim.id,
				source.title,
				source.date_inferred,
				passageUrl(source.url, claim.quote) ?? ''
			]
				.map(field)
				.join(',')
		);
	}
	return '\ufeff' + lines.join('\r\n') + '\r\n';
}

interface BookCopy {
	properties: Pick<ExcelJS.Workbook, 'creator' | 'title' | 'created' | 'modified'>;
	sheets: SheetCopy[];
}

interface SheetCopy {
	name: string;
	views: ExcelJS.Worksheet['views'];
	pageSetup: Partial<ExcelJS.PageSetup>;
	autoFilter: ExcelJS.Worksheet['autoFilter'];
	widths: (number | undefined)[];
	rows: {
		height: number | undefined;
		cells: { value: ExcelJS.CellValue; style: Partial<ExcelJS.Style> }[];
	}[];
}

/**
 * Our workbook read back: its properties, and every sheet's cells with their values and styles,
 * column widths, row heights, frozen panes, filters and page setup (print titles included).
 * Handing exactly this to bare ExcelJS times the library's own cost of writing the same
 * workbook; the ratio is what our translation adds on top.
 */
async function copyOf(xlsx: Uint8Array): Promise<BookCopy> {
	const book = new ExcelJS.Workbook();
	await book.xlsx.load(xlsx as unknown as ArrayBuffer);
	const { creator, title, created, modified } = book;
	const sheets = book.worksheets.map((sheet) => {
		const rows: SheetCopy['rows'] = [];
		for (let r = 1; r <= sheet.rowCount; r++) {
			const row = sheet.getRow(r);
			const cells: SheetCopy['rows'][number]['cells'] = [];
			for (let c = 1; c <= row.cellCount; c++) {
				const cell = row.getCell(c);
				cells.push({ value: cell.value, style: cell.style });
			}
			rows.push({ height: row.height, cells });
		}
		return {
			name: sheet.name,
			views: sheet.views,
			pageSetup: { ...sheet.pageSetup },
			autoFilter: sheet.autoFilter,
			widths: Array.from({ length: sheet.columnCount }, (_, i) => sheet.getColumn(i + 1).width),
			rows
		};
	});
	return { properties: { creator, title, created, modified }, sheets };
}

async function bareXlsx(copy: BookCopy): Promise<Uint8Array> {
	const book = new ExcelJS.Workbook();
	Object.assign(book, copy.properties);
	for (const sheetCopy of copy.sheets) {
		const { name, views, pageSetup, widths, rows, autoFilter } = sheetCopy;
		const sheet = book.addWorksheet(name, { views, pageSetup });
		widths.forEach((width, i) => {
			if (width !== undefined) sheet.getColumn(i + 1).width = width;
		});
		rows.forEach(({ height, cells }, r) => {
			const row = sheet.getRow(r + 1);
			if (height !== undefined) row.height = height;
			cells.forEach(({ value, style }, c) => {
				const cell = row.getCell(c + 1);
				cell.value = value;
				cell.style = style;
			});
		});
		if (autoFilter) sheet.autoFilter = autoFilter;
	}
	// The same writer options as ours (src/lib/export/xlsx.ts): light compression.
	const bytes = await book.xlsx.writeBuffer({
		zip: { compression: 'DEFLATE', compressionOptions: { level: 1 } }
	});
	return new Uint8Array(bytes);
}

function xlsxFormat(): ExportFormat | undefined {
	const formats = EXPORT_FORMATS as Record<string, ExportFormat>;
	return formats.xlsx;
}

export async function nodeBench(
	sizes: readonly SizeName[],
	runs: number,
	log: (line: string) => void
): Promise<Row[]> {
	const rows: Row[] = [];
	for (const size of sizes) {
		const scenario = syntheticScenario(size);
		const json = JSON.stringify(scenario);
		const n = `${size}, ${scenario.claims.length.toLocaleString('en')} claims`;
		log(`node: ${n} (${(json.length / 1048576).toFixed(1)} MiB of JSON)`);

		const [ours, bare] = await timeBoth(
			runs,
			() => {
				const result = loadScenario(json, 'bench.json');
				if (!result.ok) throw new Error(`synthetic ${size} does not load`);
			},
			() => {
				const result = v.safeParse(ScenarioSchema, JSON.parse(json));
				if (!result.success) throw new Error(`synthetic ${size} does not validate`);
			}
		);
		rows.push(
			ratioRow(
				`parse+validate JSON (${n})`,
				'ms',
				ours,
				bare,
				null,
				size === 'small'
					? 'bare = JSON.parse + valibot safeParse; ours adds the binary and size checks and the reference checks'
					: undefined
			)
		);

		if (size !== 'large') {
			const yaml = scenarioToYaml(scenario);
			rows.push(
				ratioRow(
					`parse+validate YAML (${n})`,
					'ms',
					await time(runs, () => loadScenario(yaml, 'bench.yaml')),
					null,
					null
				)
			);
		}

		const analysis = await time(runs, () => analyze(scenario));
		rows.push(ratioRow(`analysis (${n})`, 'ms', analysis, null, null));

		// Leaving each source and each commentator out recomputes the findings once per left-out
		// one (625 times at 500 commentators and 125 sources): tens of seconds a call there, so
		// fewer samples at that size. Against the plain analysis of the same scenario, same run.
		const robustRuns = size === 'large' ? Math.min(runs, 2) : runs;
		const [robust, plain] = await timeBoth(
			robustRuns,
			() => robustness(scenario),
			() => analyze(scenario)
		);
		rows.push(
			ratioRow(
				`robustness analysis (${n}, ${scenario.commentators.length} commentators, ${scenario.sources.length} sources)`,
				'ms',
				robust,
				plain,
				null,
				`bare = the plain analysis in the same run; robustness recomputes the most contested option, each option's sign of A and the camps with each of the ${scenario.sources.length + scenario.commentators.length} sources and commentators left out${robustRuns < runs ? `; ${robustRuns} runs at this size` : ''}`
			)
		);

		const whole = await time(runs, () => {
			const result = loadScenario(json, 'bench.json');
			if (result.ok) analyze(result.scenario);
		});
		rows.push(
			size === 'large'
				? limitRow(
						`parse+validate+analysis (${n})`,
						whole,
						null,
						GOALS.parseValidateAnalyzeLarge.ms
					)
				: ratioRow(`parse+validate+analysis (${n})`, 'ms', whole, null, null)
		);

		if (longCsv(scenario).length !== bareCsv(scenario).replace(/\ufeff/, '').length + 1) {
			log('  note: bare CSV differs in length from ours (guard apostrophes): expected, small');
		}
		// Both to UTF-8 bytes, as a download does: a string built by concatenation is flattened
		// only when first used, and joining gives a flat one, so strings alone would not compare.
		const utf8 = new TextEncoder();
		const [csvOurs, csvBare] = await timeBoth(
			runs,
			() => utf8.encode(longCsv(scenario)),
			() => utf8.encode(bareCsv(scenario))
		);
		rows.push(ratioRow(`CSV export (${n})`, 'ms', csvOurs, csvBare, GOALS.exportCsv.ratio));

		const xlsx = xlsxFormat();
		if (!xlsx) {
			rows.push(
				naRow(
					`XLSX export (${n})`,
					'ms',
					`<= ${GOALS.exportXlsx.ratio}x bare`,
					'skipped: no "xlsx" in EXPORT_FORMATS yet'
				)
			);
		} else {
			const sample = await xlsx.serialize({ scenario });
			const copy = await copyOf(
				typeof sample === 'string' ? new TextEncoder().encode(sample) : sample
			);
			const xlsxRuns = size === 'large' ? Math.max(3, Math.ceil(runs / 2)) : runs;
			const [xlsxOurs, xlsxBare] = await timeBoth(
				xlsxRuns,
				() => xlsx.serialize({ scenario }),
				() => bareXlsx(copy)
			);
			rows.push(
				ratioRow(
					`XLSX export (${n})`,
					'ms',
					xlsxOurs,
					xlsxBare,
					GOALS.exportXlsx.ratio,
					size === 'small'
						? 'bare = ExcelJS writing the same workbook read back from ours (properties, values, styles, widths, heights, panes, filters, page setup), same compression'
						: undefined
				)
			);
		}
		log(`  done: whole pipeline median ${median(whole).toFixed(0)} ms`);
	}
	return rows;
}
