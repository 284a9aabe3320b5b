/**
 * The browser half of the benchmark: our built app against the bare page (same ag-grid modules
 * and chart.js, same data, no app code) in headless Chromium. Every load is a fresh context, so
 * caches never flatter a figure. A measurement whose page piece is missing reports why instead
 * of failing (see config.ts).
 */
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../browser/chromium';
import { CONFIG, GOALS, type PageConfig } from './config';
import { limitRow, naRow, ratioRow, type Row } from './report';

type Measured = { values: number[] } | { na: string };

interface Side {
	name: 'ours' | 'bare';
	/** The synthetic scenario's title, to tell its rows from a bundled scenario's. */
	title: string;
	base: string;
	page: PageConfig;
}

async function fresh(browser: Browser): Promise<Page> {
	const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
	return context.newPage();
}

/**
 * Page-side helpers, installed before any page script. Written as plain JavaScript text: tsx
 * compiles this file with esbuild's keepNames, whose `__name()` calls would not exist in the page
 * if these were functions serialised by Playwright.
 *
 * `__benchWatch` records when `row` first shows (at the next animation frame, i.e. about when it
 * is painted) and when a `canvas` first holds pixels. `__benchInteract` clicks a header or types
 * into a search box and times until the first grid row's text changes (and the next frame).
 */
const PAGE_HELPERS = `
window.__benchWatch = (row, canvas, titleSelector, title) => {
	const probe = document.createElement('canvas');
	probe.width = probe.height = 32;
	const tick = () => {
		if (titleSelector && !((document.querySelector(titleSelector) || {}).textContent || '').includes(title)) {
			requestAnimationFrame(tick);
			return;
		}
		if (window.__benchRow === undefined) {
			const el = document.querySelector(row);
			if (el && el.getBoundingClientRect().height > 0) window.__benchRow = performance.now();
		}
		if (window.__benchChart === undefined) {
			for (const c of document.querySelectorAll(canvas)) {
				if (!c.width || !c.height) continue;
				const ctx = probe.getContext('2d', { willReadFrequently: true });
				ctx.clearRect(0, 0, 32, 32);
				ctx.drawImage(c, 0, 0, 32, 32);
				const pixels = ctx.getImageData(0, 0, 32, 32).data;
				for (let i = 3; i < pixels.length; i += 4) {
					if (pixels[i] > 0) { window.__benchChart = performance.now(); break; }
				}
				if (window.__benchChart !== undefined) break;
			}
		}
		if (window.__benchRow === undefined || window.__benchChart === undefined) requestAnimationFrame(tick);
	};
	requestAnimationFrame(tick);
};
window.__benchInteract = async ({ kind, row, header, input, term }) => {
	// The grid may still be settling after its first rows: wait up to 5 s for the control.
	const wanted = kind === 'sort' ? header : input;
	let target = null;
	for (let waited = 0; !target && waited < 5000; waited += 50) {
		target = document.querySelector(wanted);
		if (!target) await new Promise((r) => setTimeout(r, 50));
	}
	if (!target) return 'selector ' + wanted + ' not found';
	// With row animation the old first row lingers while it fades or slides, so "changed" means
	// any element at row index 0 now shows a different row.
	const texts = () => [...document.querySelectorAll(row)].map((el) => el.textContent || '');
	const setFilter = (value) => {
		target.value = value;
		target.dispatchEvent(new Event('input', { bubbles: true }));
	};
	if (kind === 'filter') {
		setFilter('');
		await new Promise((r) => setTimeout(r, 600));
	}
	await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50)));
	const before = texts()[0] ?? '';
	const changed = new Promise((resolve, reject) => {
		const timer = setTimeout(() => { observer.disconnect(); reject(new Error('no change')); }, 5000);
		const observer = new MutationObserver(() => {
			if (!texts().some((t) => t !== before)) return;
			observer.disconnect();
			clearTimeout(timer);
			requestAnimationFrame(() => resolve(performance.now()));
		});
		observer.observe(document.body, { subtree: true, childList: true, characterData: true });
	});
	const start = performance.now();
	if (kind === 'sort') target.click();
	else setFilter(term);
	try {
		return (await changed) - start;
	} catch {
		return 'the first row did not change within 5 s';
	}
};
`;

async function install(page: Page, side: Side, row: string, canvas: string): Promise<void> {
	const args = [row, canvas, side.page.scenarioTitle, side.title].map((a) => JSON.stringify(a));
	await page.addInitScript({
		content: `${PAGE_HELPERS}\nwindow.__benchWatch(${args.join(', ')});`
	});
}

async function waitForMark(
	page: Page,
	mark: '__benchRow' | '__benchChart'
): Promise<number | null> {
	// Polled from Node: a string predicate in waitForFunction is eval in the page, which our CSP
	// rightly refuses. The time itself is taken in the page, so polling does not blur it.
	const deadline = Date.now() + CONFIG.timeoutMs;
	while (Date.now() < deadline) {
		const at = (await page.evaluate(`window.${mark}`).catch(() => undefined)) as number | undefined;
		if (typeof at === 'number') return at;
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
	return null;
}

/** gzip bytes of every script the page fetched (the server gzips, as hosts do). */
async function scriptBytes(page: Page): Promise<number> {
	return (await page.evaluate(`performance
		.getEntriesByType('resource')
		.filter((e) => /\\.m?js(\\?|$)/.test(e.name))
		.reduce((sum, e) => sum + e.encodedBodySize, 0)`)) as number;
}

/** One fresh load: when the first row showed (null if it never did) and the script bytes. */
async function firstLoadOnce(
	browser: Browser,
	side: Side,
	data: string
): Promise<{ at: number | null; bytes: number }> {
	const page = await fresh(browser);
	await install(page, side, side.page.firstRow, '#no-canvas-here');
	await page.goto(side.base + side.page.claimsUrl(data), { waitUntil: 'load' });
	const at = await waitForMark(page, '__benchRow');
	await page.waitForLoadState('networkidle').catch(() => undefined);
	const bytes = await scriptBytes(page);
	await page.context().close();
	return { at, bytes };
}

/**
 * Both sides' first loads, taken in turn (ours, bare, ours, ...) so that whatever drifts during
 * the run (the server's first gzip of the data, the machine's other work) is shared out evenly.
 */
async function firstLoads(
	browser: Browser,
	sides: Side[],
	data: string
): Promise<Record<string, { rows: Measured; bytes: Measured }>> {
	const rows = new Map<string, number[] | string>();
	const bytes = new Map<string, number[]>();
	for (const side of sides) {
		rows.set(side.name, []);
		bytes.set(side.name, []);
	}
	for (let i = 0; i < CONFIG.runs; i++) {
		for (const side of sides) {
			const got = rows.get(side.name)!;
			if (typeof got === 'string') continue;
			const { at, bytes: js } = await firstLoadOnce(browser, side, data);
			bytes.get(side.name)!.push(js);
			if (at === null)
				rows.set(
					side.name,
					`selector ${side.page.firstRow} not found within ${CONFIG.timeoutMs} ms`
				);
			else got.push(at);
		}
	}
	return Object.fromEntries(
		sides.map((side) => {
			const got = rows.get(side.name)!;
			return [
				side.name,
				{
					rows: typeof got === 'string' ? { na: got } : { values: got },
					bytes: { values: bytes.get(side.name)! }
				}
			];
		})
	);
}

/** Clicks the sort header or types the search term; times until the first row changes. */
async function interaction(
	page: Page,
	kind: 'sort' | 'filter',
	config: PageConfig,
	term: string
): Promise<number | string> {
	const args = {
		kind,
		row: config.firstRow,
		header: config.sortHeader,
		input: config.quickFilter,
		term
	};
	return (await page.evaluate(`window.__benchInteract(${JSON.stringify(args)})`)) as
		number | string;
}

async function interactions(
	browser: Browser,
	side: Side,
	data: string,
	term: string
): Promise<{ sort: Measured; filter: Measured }> {
	const page = await fresh(browser);
	await install(page, side, side.page.firstRow, '#no-canvas-here');
	await page.goto(side.base + side.page.claimsUrl(data));
	const shown = await waitForMark(page, '__benchRow');
	const result: { sort: Measured; filter: Measured } = {
		sort: { na: `selector ${side.page.firstRow} not found` },
		filter: { na: `selector ${side.page.firstRow} not found` }
	};
	if (shown !== null) {
		for (const kind of ['sort', 'filter'] as const) {
			const values: number[] = [];
			let problem: string | null = null;
			// Sorting cycles ascending, descending, none: every click changes the first row.
			for (let i = 0; i <= CONFIG.runs && problem === null; i++) {
				const value = await interaction(page, kind, side.page, term);
				if (typeof value === 'string') problem = value;
				else if (i > 0) values.push(value); // the first is a warm-up
			}
			result[kind] = problem !== null && values.length === 0 ? { na: problem } : { values };
		}
	}
	await page.context().close();
	return result;
}

async function chart(browser: Browser, side: Side, data: string): Promise<Measured> {
	const values: number[] = [];
	for (let i = 0; i < CONFIG.runs; i++) {
		const page = await fresh(browser);
		await install(page, side, '#no-row-here', side.page.chartCanvas);
		await page.goto(side.base + side.page.chartsUrl(data));
		const at = await waitForMark(page, '__benchChart');
		await page.context().close();
		if (at === null)
			return { na: `no drawn ${side.page.chartCanvas} within ${CONFIG.timeoutMs} ms` };
		values.push(at);
	}
	return { values };
}

function rowOf(
	metric: string,
	unit: Row['unit'],
	ours: Measured,
	bare: Measured,
	goal: { ratio: number } | { ms: number } | null
): Row {
	const value = (m: Measured) => ('values' in m ? m.values : null);
	const notes = [
		'na' in ours ? `ours: n/a (${ours.na})` : '',
		'na' in bare ? `bare: n/a (${bare.na})` : ''
	]
		.filter(Boolean)
		.join('; ');
	if (value(ours) === null && value(bare) === null) {
		return naRow(
			metric,
			unit,
			goal === null ? '' : 'ratio' in goal ? `<= ${goal.ratio}x bare` : `< ${goal.ms} ms`,
			notes
		);
	}
	if (goal && 'ms' in goal)
		return limitRow(metric, value(ours), value(bare), goal.ms, notes || undefined);
	return ratioRow(
		metric,
		unit,
		value(ours),
		value(bare),
		goal ? goal.ratio : null,
		notes || undefined
	);
}

export async function browserBench(
	base: string,
	dataPath: string,
	claims: number,
	title: string,
	term: string,
	log: (line: string) => void
): Promise<Row[]> {
	const browser = await launchChromium();
	const n = `${claims.toLocaleString('en')} claims`;
	try {
		const sides: Side[] = [
			{ name: 'ours', title, base, page: CONFIG.app },
			{ name: 'bare', title, base, page: CONFIG.bare }
		];
		log(`browser: first load x${CONFIG.runs}, ours and bare in turn`);
		const load = await firstLoads(browser, sides, dataPath);
		const act: Record<string, Awaited<ReturnType<typeof interactions>>> = {};
		const charts: Record<string, Measured> = {};
		for (const side of sides) {
			log(`browser: ${side.name}: sort and filter`);
			act[side.name] = await interactions(browser, side, dataPath, term);
			log(`browser: ${side.name}: chart x${CONFIG.runs}`);
			charts[side.name] = await chart(browser, side, dataPath);
		}
		return [
			rowOf('first-load JS (gzip)', 'bytes', load.ours!.bytes, load.bare!.bytes, GOALS.firstLoadJs),
			rowOf(`first grid rows (${n})`, 'ms', load.ours!.rows, load.bare!.rows, GOALS.firstRows),
			rowOf(`sort (${n})`, 'ms', act.ours!.sort, act.bare!.sort, GOALS.sort),
			rowOf(`quick filter (${n})`, 'ms', act.ours!.filter, act.bare!.filter, GOALS.filter),
			rowOf(`chart drawn, from navigation (${n})`, 'ms', charts.ours!, charts.bare!, null)
		];
	} finally {
		await browser.close();
	}
}
