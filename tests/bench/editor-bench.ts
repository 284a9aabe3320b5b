/**
 * The editor's speed bars (issue 12), on the built site, against a bare page in the same run
 * (tests/bench/bare/editor.html: the same interactions with no app code): the editor's code stays
 * out of the workspace's first load; typing in a form and selecting a passage in a 20,000-word
 * article each answer in under 50 ms (from the key or mouse event to the frame after it); the
 * autosave of a 1,000-claim scenario, with the live check a keystroke starts, never holds the main
 * thread for 50 ms (the longest gap a ping loop sees while they run).
 */
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../browser/chromium';
import { CONFIG } from './config';
import { limitRow, median, type Row } from './report';
import { seededRandom, syntheticScenario } from './synthetic';

const WORDS =
	'the council said that buses would run late and traffic could fall if the charge went ahead but shops feared losing trade while experts argued about evidence from other towns'.split(
		' '
	);

/** About `count` words of article text, in sentences and paragraphs, seeded. */
export function longArticle(count: number): string {
	const random = seededRandom(7);
	const out: string[] = [];
	for (let i = 0; i < count; i++) {
		let w = WORDS[Math.floor(random() * WORDS.length)]!;
		if (i % 14 === 0) w = w[0]!.toUpperCase() + w.slice(1);
		out.push(w + (i % 14 === 13 ? (i % 70 === 69 ? '.\n\n' : '.') : ''));
	}
	return out.join(' ').replace(/ \n\n /g, '\n\n') + '.';
}

const CLAIMS = 1000;
const WORD_COUNT = 20_000;
const SCENARIO_FILE = 'editor-scenario.json';
const ARTICLE_FILE = 'editor-article.txt';

/** What the editor bench serves at /bench-data/ (both sides read the same bytes). */
export function editorData(): Map<string, string> {
	const scenario = syntheticScenario({ options: 20, commentators: 40, claims: CLAIMS });
	return new Map([
		[SCENARIO_FILE, JSON.stringify(scenario)],
		[ARTICLE_FILE, longArticle(WORD_COUNT)]
	]);
}

/** Our editor on a library entry holding the 1,000-claim scenario and the article. */
export async function editorWith(browser: Browser, base: string): Promise<Page> {
	const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
	const page = await context.newPage();
	await page.goto(base + '/edit');
	await page.getByLabel('Title').fill('Bench');
	await page.getByLabel('The question it answers').fill('How fast is the editor?');
	await page.getByRole('button', { name: 'Create and start editing' }).click();
	await page.waitForURL(/\/edit\?key=/);
	await page
		.getByRole('status')
		.filter({ hasText: /^Saved/ })
		.waitFor();
	const key = new URL(page.url()).searchParams.get('key')!;
	// The draft goes into the library as the editor keeps it, then the page opens it.
	await page.evaluate(
		async ({ key, scenarioUrl, articleUrl }) => {
			const [text, article] = await Promise.all(
				[scenarioUrl, articleUrl].map((u) => fetch(u).then((r) => r.text()))
			);
			const source = (JSON.parse(text!) as { sources: { id: string }[] }).sources[0]!.id;
			const db = await new Promise<IDBDatabase>((resolve, reject) => {
				const r = indexedDB.open('stancegrid-library', 1);
				r.onsuccess = () => resolve(r.result);
				r.onerror = () => reject(r.error);
			});
			const tx = db.transaction('scenarios', 'readwrite');
			const store = tx.objectStore('scenarios');
			const record = await new Promise<Record<string, unknown>>((resolve) => {
				const g = store.get(key);
				g.onsuccess = () => resolve(g.result as Record<string, unknown>);
			});
			store.put({ ...record, text, articles: { [source]: article } });
			await new Promise((resolve) => (tx.oncomplete = resolve));
			db.close();
		},
		{
			key,
			scenarioUrl: `${base}/bench-data/${SCENARIO_FILE}`,
			articleUrl: `${base}/bench-data/${ARTICLE_FILE}`
		}
	);
	await page.reload();
	await page.getByRole('heading', { level: 1 }).waitFor();
	return page;
}

async function bareEditor(browser: Browser, base: string): Promise<Page> {
	const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
	const page = await context.newPage();
	const data = (name: string) => encodeURIComponent(`/bench-data/${name}`);
	await page.goto(
		`${base}/bare/editor.html?src=${data(SCENARIO_FILE)}&article=${data(ARTICLE_FILE)}`
	);
	await page.locator('body[data-ready="true"]').waitFor();
	return page;
}

/**
 * Milliseconds from each `type` event on `within` to the frame after it, recorded in the page.
 * Written as text: tsx's keepNames would put `__name()` calls into a serialised function.
 */
async function watchLatency(page: Page, type: string, within: string): Promise<void> {
	await page.evaluate(`(() => {
		window.__lat = [];
		if (window.__latOff) window.__latOff();
		const on = (event) => {
			const el = event.target instanceof Element ? event.target : event.target?.parentElement;
			if (!el || !el.closest(${JSON.stringify(within)})) return;
			const t0 = performance.now();
			requestAnimationFrame(() => setTimeout(() => window.__lat.push(performance.now() - t0)));
		};
		document.addEventListener(${JSON.stringify(type)}, on, true);
		window.__latOff = () => document.removeEventListener(${JSON.stringify(type)}, on, true);
	})()`);
}

const latencies = async (page: Page) => {
	await page.waitForTimeout(200);
	return (await page.evaluate('window.__lat')) as number[];
};

/** Starts a ping loop that records every gap between its turns (the main thread's holds). */
const startPings = (page: Page) =>
	page.evaluate(`(() => {
		window.__gaps = [];
		window.__stop = false;
		let last = performance.now();
		const channel = new MessageChannel();
		channel.port1.onmessage = () => {
			const now = performance.now();
			window.__gaps.push(now - last);
			last = now;
			if (!window.__stop) setTimeout(() => channel.port2.postMessage(0), 1);
		};
		channel.port2.postMessage(0);
	})()`);

const stopPings = async (page: Page) => {
	await page.waitForTimeout(300);
	return (await page.evaluate('(window.__stop = true, window.__gaps)')) as number[];
};

/** Selects 80 characters at a tenth `i` of the way through the pane's text and lets go. */
const selectAt = (page: Page, pane: string, i: number) =>
	page.evaluate(`(() => {
		const node = document.querySelector(${JSON.stringify(pane)});
		const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
		const texts = [];
		for (let n = walker.nextNode(); n; n = walker.nextNode()) texts.push(n);
		const t = texts.reduce((a, b) => (b.length > a.length ? b : a));
		const at = Math.floor(((${i} + 1) / 10) * (t.length - 100));
		const range = document.createRange();
		range.setStart(t, at);
		range.setEnd(t, at + 80);
		const sel = window.getSelection();
		sel.removeAllRanges();
		sel.addRange(range);
		node.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
	})()`);

/** Script URLs and gzip bytes a page loads. */
async function scripts(browser: Browser, url: string): Promise<Map<string, number>> {
	const context = await browser.newContext();
	const page = await context.newPage();
	await page.goto(url, { waitUntil: 'networkidle' });
	const entries = (await page.evaluate(`performance
		.getEntriesByType('resource')
		.filter((e) => /\\.m?js(\\?|$)/.test(e.name))
		.map((e) => [e.name, e.encodedBodySize])`)) as [string, number][];
	await context.close();
	return new Map(entries);
}

/**
 * What only the editor's code holds: its journal's key, its section navigation, and ag-grid's
 * editing core (which once rode in the chunk the workspace shares with the editor).
 */
const EDITOR_MARKS = [
	/stancegrid:editor-journal:/,
	/Editor sections/,
	/moduleName:\s*["'`]EditCore["'`]/
];

export async function firstLoad(browser: Browser, base: string): Promise<Row[]> {
	const workspace = await scripts(browser, base + '/');
	const editor = await scripts(browser, base + '/edit');
	let editorOnly = 0;
	for (const [url, bytes] of editor) if (!workspace.has(url)) editorOnly += bytes;
	let leaked = 0;
	for (const [url, bytes] of workspace) {
		const body = await (await fetch(url)).text();
		if (EDITOR_MARKS.some((mark) => mark.test(body))) leaked += bytes;
	}
	const total = [...workspace.values()].reduce((a, b) => a + b, 0);
	return [
		{
			metric: "workspace first-load JS (gzip), for the editor's share below",
			unit: 'bytes',
			ours: total,
			bare: null,
			goal: '',
			pass: null,
			note: `${workspace.size} scripts at /`
		},
		{
			metric: 'editor code in the workspace first load (gzip)',
			unit: 'bytes',
			ours: leaked,
			bare: null,
			goal: '< 3% of first load',
			pass: leaked < 0.03 * total,
			note: `editor-only scripts, fetched at /edit: ${(editorOnly / 1024).toFixed(1)} KiB gzip (parsers load on use, not even then)`
		}
	];
}

const OURS_PANE = '[role="textbox"][aria-label^="Text of "]';
const BARE_PANE = '#pane';
const KEYS = 'Typed for the benchmark';

async function typing(ours: Page, bare: Page): Promise<{ ours: number[]; bare: number[] }> {
	await ours.getByRole('button', { name: 'Scenario', exact: true }).click();
	await ours.getByLabel('Coded by').click();
	await watchLatency(ours, 'keydown', '#f-meta-coded_by');
	await ours.keyboard.type(KEYS, { delay: 120 });
	const o = await latencies(ours);
	await bare.locator('#typing').click();
	await watchLatency(bare, 'keydown', '#typing');
	await bare.keyboard.type(KEYS, { delay: 120 });
	return { ours: o, bare: await latencies(bare) };
}

async function autosave(ours: Page, bare: Page): Promise<{ ours: number[]; bare: number[] }> {
	const o: number[] = [];
	const b: number[] = [];
	const status = ours.getByRole('status').filter({ hasText: /^Saved in this browser|^Saving/ });
	const version = async () => Number(/version (\d+)/.exec((await status.textContent()) ?? '')?.[1]);
	await ours
		.getByRole('status')
		.filter({ hasText: /^Saved in this browser/ })
		.waitFor();
	for (let i = 0; i < CONFIG.runs; i++) {
		const before = await version();
		// The keystroke itself is the typing row; from just after it: the live check and the save.
		await ours.getByLabel('Coded by').press('!');
		await startPings(ours);
		await ours
			.getByRole('status')
			.filter({ hasText: `Saved in this browser (version ${before + 1})` })
			.waitFor();
		o.push(Math.max(...(await stopPings(ours))));
		await startPings(bare);
		await bare.evaluate('window.__benchSave()');
		b.push(Math.max(...(await stopPings(bare))));
	}
	return { ours: o, bare: b };
}

async function selecting(ours: Page, bare: Page): Promise<{ ours: number[]; bare: number[] }> {
	await ours.getByRole('button', { name: 'Read & code', exact: true }).click();
	await ours.locator(OURS_PANE).waitFor();
	await watchLatency(ours, 'mouseup', OURS_PANE);
	await watchLatency(bare, 'mouseup', BARE_PANE);
	for (let i = 0; i < 9; i++) {
		await selectAt(ours, OURS_PANE, i);
		await ours
			.getByRole('heading', { name: 'New claim from the selection' })
			.waitFor({ timeout: 5000 })
			.catch(async () => {
				const alerts = await ours.getByRole('alert').allTextContents();
				throw new Error(`no claim form: ${alerts.join(' | ')}`);
			});
		await ours.getByRole('button', { name: 'Cancel' }).click();
		await selectAt(bare, BARE_PANE, i);
		await bare.getByRole('heading', { name: 'New claim from the selection' }).waitFor();
	}
	return { ours: await latencies(ours), bare: await latencies(bare) };
}

const worst = (xs: number[]) => (xs.length ? Math.max(...xs) : NaN);
const spread = (xs: { ours: number[]; bare: number[] }) =>
	`ours max ${worst(xs.ours).toFixed(1)} ms of ${xs.ours.length}; bare median ${median(xs.bare).toFixed(1)} ms, max ${worst(xs.bare).toFixed(1)} ms`;

export async function editorBench(base: string, log: (line: string) => void): Promise<Row[]> {
	const browser = await launchChromium();
	try {
		log('browser: editor code and the workspace first load');
		const load = await firstLoad(browser, base);
		log(
			`browser: editor, ${WORD_COUNT.toLocaleString('en')}-word article, ${CLAIMS.toLocaleString('en')} claims, and the bare editor page`
		);
		const ours = await editorWith(browser, base);
		const bare = await bareEditor(browser, base);
		const typed = await typing(ours, bare);
		log(`editor: typing, ${spread(typed)}`);
		const saved = await autosave(ours, bare);
		log(`editor: autosave, ${spread(saved)}`);
		const selected = await selecting(ours, bare);
		log(`editor: selecting, ${spread(selected)}`);
		const n = `${WORD_COUNT.toLocaleString('en')}-word article, ${CLAIMS.toLocaleString('en')} claims`;
		return [
			...load,
			limitRow(
				`editor: typing in a form, per key (${n})`,
				typed.ours,
				typed.bare,
				50,
				spread(typed)
			),
			limitRow(
				`editor: selecting a passage (${WORD_COUNT.toLocaleString('en')}-word article)`,
				selected.ours,
				selected.bare,
				50,
				spread(selected)
			),
			limitRow(
				`editor: autosave and live check, longest main-thread hold (${CLAIMS.toLocaleString('en')} claims)`,
				saved.ours,
				saved.bare,
				50,
				spread(saved)
			)
		];
	} finally {
		await browser.close();
	}
}
