/**
 * The editor's speed bars (issue 12), on the built site: its code stays out of the workspace's
 * first load; typing in a form and selecting a passage in a 20,000-word article each answer in
 * under 50 ms (from the key or mouse event to the frame after it); an autosave of a 1,000-claim
 * scenario never holds the main thread for 50 ms (the longest gap a ping loop sees while it runs).
 */
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../browser/chromium';
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

async function editorWith(browser: Browser, base: string, claims: number, article: string) {
	const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
	await page.goto(base + '/edit');
	await page.getByLabel('Title').fill('Bench');
	await page.getByLabel('The question it answers').fill('How fast is the editor?');
	await page.getByRole('button', { name: 'Create and start editing' }).click();
	await page.waitForURL(/\/edit\?key=/);
	const key = new URL(page.url()).searchParams.get('key')!;
	const scenario = syntheticScenario({ options: 20, commentators: 40, claims });
	const text = JSON.stringify(scenario);
	const source = scenario.sources[0]!.id;
	// The draft goes into the library as the editor keeps it, then the page opens it.
	await page.evaluate(
		async ({ key, text, source, article }) => {
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
		{ key, text, source, article }
	);
	await page.reload();
	await page.getByRole('heading', { level: 1 }).waitFor();
	return page;
}

/** Milliseconds from each key or mouse event to the frame after it, recorded in the page. */
async function watchLatency(page: Page, type: string): Promise<void> {
	await page.evaluate((type) => {
		const w = window as unknown as { __lat: number[] };
		w.__lat = [];
		document.addEventListener(
			type,
			() => {
				const t0 = performance.now();
				requestAnimationFrame(() => setTimeout(() => w.__lat.push(performance.now() - t0)));
			},
			true
		);
	}, type);
}

const latencies = (page: Page) =>
	page.evaluate(() => (window as unknown as { __lat: number[] }).__lat);

/** Script URLs and gzip bytes a page loads. */
async function scripts(browser: Browser, url: string): Promise<Map<string, number>> {
	const page = await browser.newPage();
	await page.goto(url, { waitUntil: 'networkidle' });
	const entries = (await page.evaluate(`performance
		.getEntriesByType('resource')
		.filter((e) => /\\.m?js(\\?|$)/.test(e.name))
		.map((e) => [e.name, e.encodedBodySize])`)) as [string, number][];
	await page.close();
	return new Map(entries);
}

/** A string only the editor's code holds (its journal's storage key). */
const EDITOR_MARK = 'stancegrid:editor-journal:';

async function firstLoad(browser: Browser, base: string): Promise<Row[]> {
	const workspace = await scripts(browser, base + '/');
	const editor = await scripts(browser, base + '/edit');
	let editorOnly = 0;
	for (const [url, bytes] of editor) if (!workspace.has(url)) editorOnly += bytes;
	let leaked = 0;
	for (const [url, bytes] of workspace) {
		const body = await (await fetch(url)).text();
		if (body.includes(EDITOR_MARK)) leaked += bytes;
	}
	const total = [...workspace.values()].reduce((a, b) => a + b, 0);
	return [
		{
			metric: "workspace first-load JS (gzip), for the editor's share below",
			unit: 'bytes',
			ours: total,
			bare: null,
			goal: '',
			pass: null
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

export async function editorBench(base: string, log: (line: string) => void): Promise<Row[]> {
	const browser = await launchChromium();
	try {
		log('browser: editor code and the workspace first load');
		const load = await firstLoad(browser, base);
		const article = longArticle(20_000);
		log(
			`browser: editor, ${article.split(/\s+/).length.toLocaleString('en')}-word article, 1,000 claims`
		);
		const page = await editorWith(browser, base, 1000, article);

		// Typing in a form field: each keystroke re-renders, records an undo step and journals.
		await page.getByRole('button', { name: 'Scenario', exact: true }).click();
		await watchLatency(page, 'keydown');
		await page.getByLabel('Coded by').click();
		await page.keyboard.type('Typed for the benchmark', { delay: 120 });
		const typing = await latencies(page);

		// Autosave: a ping loop measures the longest time the main thread is held while it runs.
		await page.evaluate(() => {
			const w = window as unknown as { __gaps: number[]; __stop: boolean };
			w.__gaps = [];
			w.__stop = false;
			let last = performance.now();
			const channel = new MessageChannel();
			channel.port1.onmessage = () => {
				const now = performance.now();
				w.__gaps.push(now - last);
				last = now;
				if (!w.__stop) setTimeout(() => channel.port2.postMessage(0), 1);
			};
			channel.port2.postMessage(0);
		});
		await page.keyboard.type('!');
		await page
			.getByRole('status')
			.filter({ hasText: /^Saved in this browser/ })
			.waitFor();
		await page.waitForTimeout(300);
		const gaps = await page.evaluate(() => {
			const w = window as unknown as { __gaps: number[]; __stop: boolean };
			w.__stop = true;
			return w.__gaps;
		});

		// Selecting a passage in the reading pane: mouseup to the claim form drawn.
		await page.getByRole('button', { name: 'Read & code', exact: true }).click();
		const pane = page.getByRole('textbox', { name: /^Text of / });
		await pane.waitFor();
		await watchLatency(page, 'mouseup');
		for (let i = 0; i < 9; i++) {
			await pane.evaluate((node, i) => {
				const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
				const texts: Text[] = [];
				for (let n = walker.nextNode(); n; n = walker.nextNode()) texts.push(n as Text);
				const t = texts[0]!;
				const at = Math.floor(((i + 1) / 10) * (t.length - 100));
				const range = document.createRange();
				range.setStart(t, at);
				range.setEnd(t, at + 80);
				const sel = window.getSelection()!;
				sel.removeAllRanges();
				sel.addRange(range);
				node.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
			}, i);
			await page
				.getByRole('heading', { name: 'New claim from the selection' })
				.waitFor({ timeout: 5000 })
				.catch(async () => {
					throw new Error(
						`no claim form: ${(await page.getByRole('alert').allTextContents()).join(' | ')}`
					);
				});
			await page.getByRole('button', { name: 'Cancel' }).click();
		}
		const selecting = await latencies(page);
		await page.close();
		const worst = (xs: number[]) => (xs.length ? Math.max(...xs) : null);
		log(
			`editor: typing median ${median(typing).toFixed(1)} ms, max ${worst(typing)?.toFixed(1)} ms`
		);
		log(
			`editor: selecting median ${median(selecting).toFixed(1)} ms, max ${worst(selecting)?.toFixed(1)} ms`
		);
		log(`editor: autosave longest main-thread hold ${worst(gaps)?.toFixed(1)} ms`);
		const note = (xs: number[]) => `max ${worst(xs)?.toFixed(1)} ms of ${xs.length}`;
		return [
			...load,
			limitRow(
				'editor: typing in a form, per key (20,000-word article, 1,000 claims)',
				typing,
				null,
				50,
				note(typing)
			),
			limitRow(
				'editor: selecting a passage (20,000-word article)',
				selecting,
				null,
				50,
				note(selecting)
			),
			limitRow(
				'editor: autosave, longest main-thread hold (1,000 claims)',
				[worst(gaps) ?? 0],
				null,
				50
			)
		];
	} finally {
		await browser.close();
	}
}
