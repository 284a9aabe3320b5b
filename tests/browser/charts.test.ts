import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { main } from '../../src/cli/main';
import { type AnalysisJson } from '../../src/lib/analysis/analyze';
import { optionStats } from '../../src/lib/analysis/option-stats';
import { rankingModel } from '../../src/lib/charts/ranking';
import { breakdownModel } from '../../src/lib/charts/stance-breakdown';
import { pointFilter, timelineModel } from '../../src/lib/charts/timeline';
import { loadScenario } from '../../src/lib/scenario/load';
import {
	applyFilters,
	describeFilters,
	NO_FILTERS,
	type Filters
} from '../../src/lib/view/filters';
import { launchChromium, newPage, pageErrors, screenshot } from './chromium';

const FILE = 'scenarios/ukraine-war-2025.yaml';
const loaded = loadScenario(readFileSync(FILE, 'utf8'), FILE);
if (!loaded.ok) throw new Error(`${FILE} does not load`);
const scenario = loaded.scenario;
const CHARTS = ['stance-breakdown', 'agreement-heatmap', 'agreement-ranking', 'timeline'] as const;

/** Light-theme colours as the canvas draws them (app.css and the heat palette). */
const SUPPORT_LIGHT: Rgb = [46, 125, 79];
const SUPPORT_DARK: Rgb = [111, 207, 151];
const HEAT_HIGH_LIGHT: Rgb = [31, 95, 168];
const ACCENT_LIGHT: Rgb = [31, 95, 168];
type Rgb = [number, number, number];

async function cliAnalysis(): Promise<AnalysisJson> {
	let out = '';
	const code = await main(['analyze', FILE, '--format', 'json'], {
		out: (t) => (out += typeof t === 'string' ? t : new TextDecoder().decode(t)),
		err: () => {}
	});
	expect(code).toBe(0);
	return JSON.parse(out) as AnalysisJson;
}

function canvasOf(page: Page, chart: string) {
	return page.locator(`[data-chart="${chart}"] canvas`);
}

/** Painted pixels and distinct colours: a blank or failed chart has neither. */
async function paint(page: Page, chart: string) {
	return canvasOf(page, chart).evaluate((canvas: HTMLCanvasElement) => {
		const ctx = canvas.getContext('2d')!;
		const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
		let painted = 0;
		const colours = new Set<number>();
		for (let i = 0; i < data.length; i += 4) {
			if (data[i + 3]! > 0) {
				painted++;
				colours.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
			}
		}
		return { painted, share: painted / (canvas.width * canvas.height), colours: colours.size };
	});
}

/** Page coordinates of canvas pixels with exactly this colour, in reading order. */
async function pixelsOf(page: Page, chart: string, [r, g, b]: Rgb) {
	const canvas = canvasOf(page, chart);
	// Mouse clicks land in the viewport: bring the whole chart into it first.
	await canvas.evaluate((el) => el.scrollIntoView({ block: 'center' }));
	const box = (await canvas.boundingBox())!;
	const found = await canvas.evaluate(
		(el: HTMLCanvasElement, rgb: Rgb) => {
			const ctx = el.getContext('2d')!;
			const { data, width, height } = ctx.getImageData(0, 0, el.width, el.height);
			const out: Array<[number, number]> = [];
			for (let y = 0; y < height; y++) {
				for (let x = 0; x < width; x++) {
					const i = (y * width + x) * 4;
					if (
						data[i] === rgb[0] &&
						data[i + 1] === rgb[1] &&
						data[i + 2] === rgb[2] &&
						data[i + 3] === 255
					)
						out.push([x, y]);
				}
			}
			return { out, scale: el.getBoundingClientRect().width / el.width };
		},
		[r, g, b] as Rgb
	);
	return found.out.map(([x, y]) => ({
		x: box.x + (x + 0.5) * found.scale,
		y: box.y + (y + 0.5) * found.scale,
		px: x,
		py: y
	}));
}

/** Horizontal bands of pixels: one per bar row (and one for a legend swatch above them). */
function bands(pixels: Array<{ x: number; y: number; py: number }>) {
	const rows = [...new Set(pixels.map((p) => p.py))].sort((a, b) => a - b);
	const out: Array<{ top: number; bottom: number }> = [];
	for (const y of rows) {
		const last = out[out.length - 1];
		if (last && y === last.bottom + 1) last.bottom = y;
		else out.push({ top: y, bottom: y });
	}
	return out.map((band) => {
		const inside = pixels.filter((p) => p.py >= band.top && p.py <= band.bottom);
		const xs = inside.map((p) => p.x);
		const ys = inside.map((p) => p.y);
		return {
			...band,
			x: (Math.min(...xs) + Math.max(...xs)) / 2,
			y: (Math.min(...ys) + Math.max(...ys)) / 2
		};
	});
}

async function shownCount(page: Page): Promise<number> {
	return Number(await page.locator('[data-claim-count]').getAttribute('data-claim-count'));
}

async function activeFilters(page: Page): Promise<string[]> {
	return page.locator('.filter-bar .active li').allTextContents();
}

/** Opens /analysis and waits until every chart has drawn (usable from hooks, unlike expect.poll). */
async function openAnalysis(page: Page) {
	await page.goto(inject('baseURL') + '/analysis');
	const deadline = Date.now() + 15_000;
	for (const chart of CHARTS) {
		while ((await paint(page, chart)).colours <= 5) {
			if (Date.now() > deadline) throw new Error(`${chart} did not draw within 15 s`);
			await page.waitForTimeout(100);
		}
	}
}

async function clearFilters(page: Page) {
	await page.getByRole('button', { name: 'Clear filters' }).click();
	await expect.poll(() => shownCount(page)).toBe(scenario.claims.length);
}

function filtersFor(patch: Partial<Filters>): Filters {
	return { ...NO_FILTERS, ...patch };
}

describe('charts on /analysis', () => {
	let browser: Browser;
	let page: Page;
	beforeAll(async () => {
		browser = await launchChromium();
		page = await newPage(browser, {
			reducedMotion: 'reduce',
			viewport: { width: 1280, height: 900 }
		});
		await openAnalysis(page);
	});
	afterAll(async () => {
		await browser?.close();
	});

	it('renders each chart from the reference scenario, with its finding as the heading', async () => {
		for (const chart of CHARTS) {
			const { share, colours } = await paint(page, chart);
			expect(share, chart).toBeGreaterThan(0.03);
			expect(colours, chart).toBeGreaterThan(20);
			const box = page.locator(`[data-chart="${chart}"] [role="img"]`);
			const finding = await page.locator(`[data-chart="${chart}"] [data-finding]`).textContent();
			expect(await box.getAttribute('aria-label')).toContain(finding!);
			const described = await box.getAttribute('aria-describedby');
			expect((await page.locator(`#${described}`).textContent())!.length).toBeGreaterThan(80);
		}
		const stats = optionStats(scenario);
		await expect(
			page.locator('[data-chart="stance-breakdown"] [data-finding]').textContent()
		).resolves.toBe(breakdownModel(stats).title);
		await expect(
			page.locator('[data-chart="agreement-ranking"] [data-finding]').textContent()
		).resolves.toBe(rankingModel(stats).title);
		expect(await shownCount(page)).toBe(scenario.claims.length);
	});

	it('data tables show the same numbers as `stancegrid analyze`', async () => {
		const json = await cliAnalysis();
		for (const summary of await page.locator('[data-chart] details summary').all()) {
			await summary.click();
		}
		// The tables are built when their <details> opens.
		for (const table of ['stance-breakdown', 'agreement-ranking', 'pairs', 'camps']) {
			await page.locator(`[data-table="${table}"]`).waitFor();
		}
		const breakdown = await page
			.locator('[data-table="stance-breakdown"] tbody tr')
			.evaluateAll((rows) =>
				rows.map((row) => {
					const cell = (col: string) =>
						row.querySelector(`[data-col="${col}"]`)!.textContent!.trim();
					return {
						id: row.getAttribute('data-option')!,
						n: Number(cell('n')),
						support: Number(cell('support')),
						conditional: Number(cell('conditional')),
						oppose: Number(cell('oppose')),
						mixed: Number(cell('mixed')),
						not_addressed: Number(cell('not_addressed')),
						agreement: cell('agreement') === '–' ? null : Number(cell('agreement'))
					};
				})
			);
		expect(breakdown).toEqual(json.options.map(({ label: _label, ...rest }) => rest));

		// The ranking lists the options in the CLI's order (most contested first).
		const ranking = await page
			.locator('[data-table="agreement-ranking"] tbody tr')
			.evaluateAll((rows) =>
				rows.map((row) => [
					row.getAttribute('data-option'),
					Number(row.querySelector('[data-col="agreement"]')!.textContent)
				])
			);
		expect(ranking).toEqual(
			json.options.filter((o) => o.agreement !== null).map((o) => [o.id, o.agreement])
		);

		const pairs = await page.locator('[data-table="pairs"] tbody tr').evaluateAll((rows) =>
			rows.map((row) => {
				const text = row.querySelector('[data-col="agreement"]')!.textContent!.trim();
				return {
					a: row.getAttribute('data-a')!,
					b: row.getAttribute('data-b')!,
					n: Number(row.querySelector('[data-col="n"]')!.textContent),
					agreement: text === 'no shared options' ? null : Number(text)
				};
			})
		);
		const key = (p: { a: string; b: string }) => [p.a, p.b].sort().join(' ');
		const table = new Map(pairs.map((p) => [key(p), p]));
		expect(pairs).toHaveLength(json.pairs.length);
		for (const pair of json.pairs) {
			expect(table.get(key(pair)), key(pair)).toMatchObject({
				n: pair.n,
				agreement: pair.agreement
			});
		}
		// The camps table lists the CLI's camps, in order.
		const camps = await page
			.locator('[data-table="camps"] tbody tr td:nth-child(2)')
			.allTextContents();
		expect(camps).toHaveLength(json.camps.length);
		json.camps.forEach((members, i) => {
			for (const id of members) {
				const name = scenario.commentators.find((c) => c.id === id)!.name;
				expect(camps[i]).toContain(name);
			}
		});
		for (const summary of await page.locator('[data-chart] details summary').all()) {
			await summary.click();
		}
	});

	it('clicking a support bar filters the claims to that option and stance, and the charts follow', async () => {
		const model = breakdownModel(optionStats(scenario));
		const withSupport = model.rows.filter((r) => r.support > 0);
		const found = bands(await pixelsOf(page, 'stance-breakdown', SUPPORT_LIGHT));
		// The first band is the legend's swatch; then one band per option with support.
		expect(found).toHaveLength(withSupport.length + 1);
		const target = withSupport[0]!;
		const band = found[1]!;
		await page.mouse.click(band.x, band.y);
		const expected = applyFilters(
			scenario,
			filtersFor({ options: [target.id], stances: ['support'] })
		);
		await expect.poll(() => shownCount(page)).toBe(expected.length);
		expect(expected.length).toBeGreaterThan(0);
		expect(expected.length).toBeLessThan(scenario.claims.length);
		const ids = await page
			.locator('tr[data-claim]')
			.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-claim')));
		expect(ids).toEqual(expected.map((c) => c.id));
		expect(await activeFilters(page)).toEqual(
			describeFilters(scenario, filtersFor({ options: [target.id], stances: ['support'] }))
		);
		// The charts recompute for the claims left.
		await expect(
			page.locator('[data-chart="stance-breakdown"] [data-finding]').textContent()
		).resolves.toBe(breakdownModel(optionStats(scenario, expected)).title);
		await clearFilters(page);
	});

	it('clicking a heatmap cell filters to both commentators', async () => {
		const json = await cliAnalysis();
		const cells = await pixelsOf(page, 'agreement-heatmap', HEAT_HIGH_LIGHT);
		expect(cells.length).toBeGreaterThan(0);
		const first = cells[0]!;
		await page.mouse.click(first.x + 4, first.y + 4);
		await expect.poll(() => shownCount(page)).toBeLessThan(scenario.claims.length);
		const [line] = await activeFilters(page);
		const names = line!.replace(/^Commentators: /, '').split(', ');
		const ids = names.map((name) => scenario.commentators.find((c) => c.name === name)!.id);
		expect(ids).toHaveLength(2);
		// A cell drawn in the darkest blue is a pair with agreement 1.
		const pair = json.pairs.find((p) => ids.includes(p.a) && ids.includes(p.b));
		expect(pair?.agreement).toBe(1);
		expect(await shownCount(page)).toBe(
			applyFilters(scenario, filtersFor({ commentators: ids })).length
		);
		await clearFilters(page);
	});

	it('clicking a ranking bar filters to that option', async () => {
		const model = rankingModel(optionStats(scenario));
		const pixels = await pixelsOf(page, 'agreement-ranking', ACCENT_LIGHT);
		const lowest = pixels.reduce((a, b) => (b.py > a.py ? b : a));
		await page.mouse.click(lowest.x, lowest.y - 3);
		const last = model.rows[model.rows.length - 1]!;
		const expected = applyFilters(scenario, filtersFor({ options: [last.id] }));
		await expect.poll(() => shownCount(page)).toBe(expected.length);
		expect(await activeFilters(page)).toEqual(
			describeFilters(scenario, filtersFor({ options: [last.id] }))
		);
		await clearFilters(page);
	});

	it('clicking a timeline point filters to its option, sources and stance', async () => {
		const model = timelineModel(scenario, scenario.claims);
		const pixels = await pixelsOf(page, 'timeline', SUPPORT_LIGHT);
		// The legend's marker is at the top; the lowest green pixel is on a data point.
		const lowest = pixels.reduce((a, b) => (b.py > a.py ? b : a));
		await page.mouse.click(lowest.x, lowest.y - 3);
		await expect.poll(() => shownCount(page)).toBeLessThan(scenario.claims.length);
		const shown = await activeFilters(page);
		const point = model.points.support.find((p) => {
			const patch = pointFilter(model, p)!;
			return JSON.stringify(describeFilters(scenario, filtersFor(patch))) === JSON.stringify(shown);
		});
		expect(point, shown.join(' | ')).toBeDefined();
		expect(await shownCount(page)).toBe(point!.count);
		await clearFilters(page);
	});

	it('keyboard users can filter from the data table', async () => {
		const details = page.locator('[data-chart="agreement-ranking"] details');
		await details.locator('summary').click();
		const button = details.getByRole('button', { name: /Show the claims on/ }).first();
		await button.focus();
		await page.keyboard.press('Enter');
		await expect.poll(() => shownCount(page)).toBeLessThan(scenario.claims.length);
		await clearFilters(page);
		await details.locator('summary').click();
	});

	it('downloads each chart as a 1600 x 900 PNG on white', async () => {
		for (const chart of CHARTS) {
			const [download] = await Promise.all([
				page.waitForEvent('download'),
				page.locator(`[data-chart="${chart}"] [data-download-png]`).click()
			]);
			expect(download.suggestedFilename()).toBe(`stancegrid-${scenario.meta.id}-${chart}.png`);
			const bytes = readFileSync((await download.path())!);
			expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
			expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
			expect(bytes.readUInt32BE(16)).toBe(1600);
			expect(bytes.readUInt32BE(20)).toBe(900);
			// Decode it in the page: a white corner, and a real chart drawn on it.
			const look = await page.evaluate(async (base64) => {
				// Not fetch(data:…): the page's CSP allows connections to 'self' and https: only.
				const blob = new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], {
					type: 'image/png'
				});
				const bitmap = await createImageBitmap(blob);
				const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
				const ctx = canvas.getContext('2d')!;
				ctx.drawImage(bitmap, 0, 0);
				const { data } = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
				let ink = 0;
				for (let i = 0; i < data.length; i += 4) {
					if (data[i]! < 200 || data[i + 1]! < 200 || data[i + 2]! < 200) ink++;
				}
				return { corner: [...data.subarray(0, 4)], ink: ink / (data.length / 4) };
			}, bytes.toString('base64'));
			expect(look.corner, chart).toEqual([255, 255, 255, 255]);
			expect(look.ink, chart).toBeGreaterThan(0.02);
			const png = `test-results/screenshots/charts-export-${chart}.png`;
			await download.saveAs(png);
		}
		// The chart's own status line (the word meanings beside it have live regions too).
		await expect(
			page.locator('[data-chart="agreement-heatmap"] .status[role="status"]').textContent()
		).resolves.toContain('Saved');
	});

	it('looks right in light and dark, re-rendering when the theme changes', async () => {
		for (const chart of CHARTS) {
			await page.locator(`[data-chart="${chart}"]`).scrollIntoViewIfNeeded();
			await page
				.locator(`[data-chart="${chart}"]`)
				.screenshot({ path: `test-results/screenshots/charts-${chart}-light.png` });
		}
		await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'dark'));
		// The wrapper re-reads the CSS colours: the dark support green appears on the canvas.
		await expect
			.poll(async () => (await pixelsOf(page, 'stance-breakdown', SUPPORT_DARK)).length)
			.toBeGreaterThan(100);
		expect(await pixelsOf(page, 'stance-breakdown', SUPPORT_LIGHT)).toHaveLength(0);
		for (const chart of CHARTS) {
			await page.locator(`[data-chart="${chart}"]`).scrollIntoViewIfNeeded();
			await page
				.locator(`[data-chart="${chart}"]`)
				.screenshot({ path: `test-results/screenshots/charts-${chart}-dark.png` });
		}
		await page.evaluate(() => window.scrollTo(0, 0));
		await screenshot(page, 'charts-page-dark');
		await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'light'));
		await expect
			.poll(async () => (await pixelsOf(page, 'stance-breakdown', SUPPORT_LIGHT)).length)
			.toBeGreaterThan(100);
		await screenshot(page, 'charts-page-light');
		expect(pageErrors.get(page)).toEqual([]);
	});
});

describe('accessibility of /analysis and /method', () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await launchChromium();
	});
	afterAll(async () => {
		await browser?.close();
	});

	for (const colorScheme of ['light', 'dark'] as const) {
		it(`/analysis has no axe violations (${colorScheme}, tables open)`, async () => {
			const page = await newPage(browser, { reducedMotion: 'reduce', colorScheme });
			await openAnalysis(page);
			for (const summary of await page.locator('[data-chart] details summary').all()) {
				await summary.click();
			}
			await page.locator('[data-table="pairs"]').waitFor();
			const result = await new AxeBuilder({ page }).analyze();
			expect(
				result.violations.flatMap((v) =>
					v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}: ${n.failureSummary}`)
				)
			).toEqual([]);
			expect(pageErrors.get(page)).toEqual([]);
		});

		it(`/method has no axe violations and cites van der Eijk (${colorScheme})`, async () => {
			const page = await newPage(browser, { colorScheme });
			await page.goto(inject('baseURL') + '/method');
			await expect(page.locator('h1').textContent()).resolves.toBe('How the numbers work');
			await expect(page.locator('.reference').textContent()).resolves.toContain(
				'Quality and Quantity'
			);
			const result = await new AxeBuilder({ page }).analyze();
			expect(result.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
			await screenshot(page, `method-${colorScheme}`);
			expect(pageErrors.get(page)).toEqual([]);
		});
	}
});
