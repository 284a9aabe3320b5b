/**
 * One workspace behind every page: the brief and the reading view show the workspace's filtered
 * scenario and say which filters are on; a scenario opened from a file survives a reload and
 * Back from another page; the matrix exported from any tab, and in Transpose, is the grid on
 * screen, cell for cell.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseDelimited } from '../unit/delimited-reader';
import { loadScenario } from '../../src/lib/scenario/load';
import { applyFilters, NO_FILTERS } from '../../src/lib/view/filters';
import { launchChromium, newPage, pageErrors, screenshot } from './chromium';

const FILE = 'scenarios/ukraine-war-2025.yaml';
const loaded = loadScenario(readFileSync(FILE, 'utf8'), FILE);
if (!loaded.ok) throw new Error(`${FILE} does not load`);
const scenario = loaded.scenario;
const MINI = 'tests/fixtures/scenarios/mini.yaml';
const miniLoaded = loadScenario(readFileSync(MINI, 'utf8'), MINI);
if (!miniLoaded.ok) throw new Error(`${MINI} does not load`);
const mini = miniLoaded.scenario;

// A filter with claims that are filtered out but addressed: opposing stances only.
const QUERY = '?stance=oppose';
const opposing = applyFilters(scenario, { ...NO_FILTERS, stances: ['oppose'] });

async function open(page: Page, path: string): Promise<void> {
	await page.goto(inject('baseURL') + path);
}

/** The grid's cells as text, row by row, once ag-grid has drawn every cell and stopped. */
async function visibleGrid(page: Page): Promise<string[][]> {
	await page.locator('.ag-row').first().waitFor();
	let last = '';
	for (let i = 0; i < 60; i++) {
		const now = await readGrid(page);
		const text = JSON.stringify(now);
		// Settled: the same twice, and every cell drawn (ag-grid fills columns in after a resize,
		// so a read can catch cells that exist but are still empty).
		const drawn = now.length > 0 && now.flat().every((cell) => cell !== '');
		if (text === last && drawn && now.flat().some((cell) => /Opposes/.test(cell))) return now;
		last = text;
		await page.waitForTimeout(250);
	}
	throw new Error('the grid did not settle');
}

async function readGrid(page: Page): Promise<string[][]> {
	return page.evaluate(() => {
		const grid = document.querySelector('.ag-root')!;
		const leaf = [...grid.querySelectorAll('.ag-header-row-column .ag-header-cell')];
		const ids = leaf.map((h) => h.getAttribute('col-id')!);
		const rows = new Map<string, Map<string, string>>();
		for (const cell of grid.querySelectorAll('.ag-row .ag-cell')) {
			const row = cell.closest('.ag-row')!.getAttribute('row-index')!;
			if (!rows.has(row)) rows.set(row, new Map());
			rows.get(row)!.set(cell.getAttribute('col-id')!, (cell.textContent ?? '').trim());
		}
		return [...rows.entries()]
			.sort((a, b) => Number(a[0]) - Number(b[0]))
			.map(([, cells]) => ids.map((id) => cells.get(id) ?? ''));
	});
}

describe('one workspace behind every page', () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await launchChromium();
	});
	afterAll(async () => {
		await browser?.close();
	});

	it('Print brief and the reading view show the filtered workspace and state the filters', async () => {
		const page = await newPage(browser, { viewport: { width: 1366, height: 900 } });
		await open(page, '/' + QUERY);
		await page.locator('.ag-row').first().waitFor();
		await page.getByRole('link', { name: 'Print brief' }).click();
		await page.waitForURL(/\/brief\?/);
		expect(new URL(page.url()).searchParams.get('stance')).toBe('oppose');
		await expect.poll(() => page.locator('.meta').textContent()).toContain('Stances: oppose');
		await expect(page.locator('.citations li').count()).resolves.toBe(opposing.length);
		await expect(page.locator('.matrix .entry').count()).resolves.toBe(opposing.length);
		await expect(page.locator('.matrix').textContent()).resolves.not.toContain('Supports');
		await screenshot(page, 'brief-filtered');

		await page.goBack();
		await page.locator('.ag-row').first().waitFor();
		await page.getByRole('link', { name: 'Reading view' }).click();
		await page.waitForURL(/\/read\?/);
		await expect
			.poll(() => page.locator('.filters').textContent())
			.toContain('Filters: Stances: oppose.');
		await expect(page.locator('li.claim').count()).resolves.toBe(opposing.length);
		await expect(page.locator('li.claim.stance-support').count()).resolves.toBe(0);
		// Reloaded on its own, the page reads the same state from its address.
		await page.reload();
		await expect.poll(() => page.locator('li.claim').count()).toBe(opposing.length);
		await screenshot(page, 'read-filtered');
		expect(pageErrors.get(page)).toEqual([]);
		await page.context().close();
	});

	it('a scenario opened from a file survives a reload and Back from another page', async () => {
		const page = await newPage(browser);
		await open(page, '/');
		await page.locator('.ag-row').first().waitFor();
		await page.locator('input[type="file"]').setInputFiles({
			name: 'mini.yaml',
			mimeType: 'application/yaml',
			buffer: readFileSync(MINI)
		});
		await expect.poll(() => page.locator('h1').textContent()).toBe(mini.meta.title);
		await expect.poll(() => page.url(), { timeout: 15_000 }).toContain('lib=');
		await page.reload();
		await expect
			.poll(() => page.locator('h1').textContent(), { timeout: 15_000 })
			.toBe(mini.meta.title);
		await page.getByRole('link', { name: 'How the numbers work' }).click();
		await page.waitForURL(/\/method/);
		await page.goBack();
		await expect
			.poll(() => page.locator('h1').textContent(), { timeout: 15_000 })
			.toBe(mini.meta.title);
		// The switcher lists it under what this browser keeps, and can remove it.
		const kept = page.locator('optgroup[label="Kept in this browser"] option');
		await expect(kept.first().textContent()).resolves.toContain(mini.meta.title);
		await page.getByRole('button', { name: 'Remove from this browser' }).click();
		await expect.poll(() => kept.count(), { timeout: 15_000 }).toBe(0);
		await expect(page.locator('h1').textContent()).resolves.toBe(mini.meta.title);
		expect(pageErrors.get(page)).toEqual([]);
		await page.context().close();
	});

	it.each([
		['matrix', '&view=matrix'],
		['claims', '&view=claims'],
		['dimensions', '&view=dimensions'],
		['transpose', '&view=transpose&sort=-military-pressure']
	])('the matrix exported from the %s tab is the grid on screen', async (tab, query) => {
		const page = await newPage(browser, { viewport: { width: 1366, height: 900 } });
		// The grid to compare with: the matrix (or, from Transpose, the transpose) as shown.
		const gridQuery = tab === 'transpose' ? query : '&view=matrix';
		// Text in cells (the layout stays one column per person): each claim's stance in words,
		// where the compact cells show one symbol and a count per stance.
		const layout = QUERY + '&cells=full';
		await open(page, '/' + layout + gridQuery);
		// Every column in view: ag-grid draws only what is near the viewport.
		await page.setViewportSize({ width: 9000, height: 3000 });
		const grid = await visibleGrid(page);
		await open(page, '/' + layout + query);
		await page.locator('.view').first().waitFor();
		await page.getByRole('button', { name: 'Export' }).click();
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.locator('[role="menuitem"][data-item="matrix-csv"]').click()
		]);
		expect(download.suggestedFilename()).toBe(
			`${scenario.meta.id}-matrix${tab === 'transpose' ? '-turned' : ''}-filtered.csv`
		);
		const csv = parseDelimited(
			readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '')
		);
		// Row by row, every cell of the file holds what the grid's cell says (words, not layout).
		const words = (t: string) =>
			(t.match(/Supports|Opposes|Conditional|Not addressed|Filtered out|\d+ claims/g) ?? []).filter(
				(w) => !/claims/.test(w)
			);
		expect(csv.length - 1).toBe(grid.length);
		grid.forEach((row, r) => {
			const file = csv[r + 1]!;
			const cells = tab === 'transpose' ? row.slice(2) : row.slice(1);
			expect(file.slice(1).map(words)).toEqual(cells.map(words));
			expect(file.join(' ')).not.toContain('Supports');
		});
		expect(csv.flat().some((cell) => cell === 'Filtered out')).toBe(true);
		expect(pageErrors.get(page)).toEqual([]);
		await page.context().close();
	});
});
