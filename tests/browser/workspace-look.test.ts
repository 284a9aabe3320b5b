/**
 * Every workspace view in every display mode: axe-core finds no violations, and a screenshot is
 * saved (test-results/screenshots/ws-VIEW-MODE.png) for a person to look at.
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadScenario } from '../../src/lib/scenario/load';
import { launchChromium, newPage, pageErrors, screenshot } from './chromium';

const FILE = 'scenarios/ukraine-war-2025.yaml';
const loaded = loadScenario(readFileSync(FILE, 'utf8'), FILE);
if (!loaded.ok) throw new Error(`${FILE} does not load`);
const scenario = loaded.scenario;

const VIEWS = ['matrix', 'claims', 'transpose', 'dimensions', 'charts'] as const;
const MODES: Record<string, { query: string; context: BrowserContextOptions }> = {
	light: { query: 'theme=light', context: { viewport: { width: 1280, height: 720 } } },
	dark: { query: 'theme=dark', context: { viewport: { width: 1280, height: 720 } } },
	large: {
		query: 'theme=light&size=large',
		context: { viewport: { width: 1280, height: 720 } }
	},
	phone: {
		query: 'theme=light',
		context: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }
	}
};

// A cell with several claims, so the panel shows more than one quote.
const busy = (() => {
	const counts = new Map<string, number>();
	for (const c of scenario.claims) {
		const key = `${c.option}~${c.source}~${c.commentator}`;
		counts.set(key, (counts.get(key) ?? 0) + 1);
	}
	return [...counts].sort((a, b) => b[1] - a[1])[0]![0];
})();
const firstClaim = scenario.claims[0]!;

async function axe(page: Page): Promise<string[]> {
	const result = await new AxeBuilder({ page }).analyze();
	return result.violations.map(
		(v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(' | ')})`
	);
}

/** Nothing but the grid itself scrolls sideways: the page is never wider than the screen. */
async function pageFits(page: Page): Promise<boolean> {
	return page.evaluate(
		() => document.documentElement.scrollWidth <= document.documentElement.clientWidth
	);
}

async function ready(page: Page, view: string): Promise<void> {
	if (view === 'charts') await page.locator('[data-chart] canvas').first().waitFor();
	// On a phone the matrix is a list of cards, one per option (no grid).
	else await page.locator('.ag-row, .cards[aria-busy="false"] .card').first().waitFor();
	// Fonts, row heights and chart animation settle.
	await page.waitForTimeout(view === 'charts' ? 900 : 300);
}

// axe over a full grid takes 10-35 s per page on a loaded two-core machine: a minute was too
// tight for the evidence panel and the menus (which check several states in one test).
describe('workspace look and accessibility', { timeout: 150_000 }, () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await launchChromium();
	});
	afterAll(async () => {
		await browser?.close();
	});

	for (const [mode, { query, context }] of Object.entries(MODES)) {
		for (const view of VIEWS) {
			it(`${view} in ${mode}: no axe violations`, async () => {
				const page = await newPage(browser, context);
				await page.goto(`${inject('baseURL')}/?view=${view}&${query}`);
				await ready(page, view);
				await screenshot(page, `ws-${view}-${mode}`);
				expect(await axe(page)).toEqual([]);
				expect(await pageFits(page)).toBe(true);
				expect(pageErrors.get(page)).toEqual([]);
				await page.context().close();
			});
		}

		it(`evidence panel in ${mode}: no axe violations`, async () => {
			const page = await newPage(browser, context);
			await page.goto(`${inject('baseURL')}/?sel=cell~${busy}&panel=1&${query}`);
			await ready(page, 'matrix');
			await page.getByRole('complementary').waitFor();
			await screenshot(page, `ws-panel-${mode}`);
			expect(await axe(page)).toEqual([]);
			await page.goto(
				`${inject('baseURL')}/?view=claims&sel=claim~${firstClaim.id}&panel=1&${query}`
			);
			await ready(page, 'claims');
			await screenshot(page, `ws-panel-claims-${mode}`);
			expect(await axe(page)).toEqual([]);
			expect(await pageFits(page)).toBe(true);
			expect(pageErrors.get(page)).toEqual([]);
			await page.context().close();
		});
	}

	it('menus, dialog and notices: no axe violations, in light and dark', async () => {
		for (const theme of ['light', 'dark']) {
			const page = await newPage(browser, { viewport: { width: 1280, height: 720 } });
			await page.goto(
				`${inject('baseURL')}/?theme=${theme}&stance=maybe&view=claims&source=${scenario.sources[0]!.id}`
			);
			await ready(page, 'claims');
			await page.locator('summary', { hasText: 'Sources' }).click();
			await screenshot(page, `ws-menu-${theme}`);
			expect(await axe(page)).toEqual([]);
			await page.keyboard.press('Escape');
			await page.locator('summary', { hasText: 'Columns' }).click();
			await screenshot(page, `ws-columns-${theme}`);
			expect(await axe(page)).toEqual([]);
			await page.keyboard.press('Escape');
			await page.locator('summary', { hasText: 'Dates' }).click();
			expect(await axe(page)).toEqual([]);
			await page.keyboard.press('Escape');
			await page.locator('input[type=file]').setInputFiles({
				name: 'broken.json',
				mimeType: 'application/json',
				buffer: Buffer.from('{"meta": {"id": 5}, "claims": "x"}')
			});
			await page.getByRole('alert').waitFor();
			await screenshot(page, `ws-notices-${theme}`);
			expect(await axe(page)).toEqual([]);
			await page.getByRole('button', { name: 'Open from address…' }).click();
			await page.getByRole('dialog').waitFor();
			await screenshot(page, `ws-dialog-${theme}`);
			expect(await axe(page)).toEqual([]);
			expect(pageErrors.get(page)).toEqual([]);
			await page.context().close();
		}
	});

	it('follows the system colour scheme when no theme is chosen', async () => {
		const page = await newPage(browser, {
			viewport: { width: 1280, height: 720 },
			colorScheme: 'dark'
		});
		await page.goto(`${inject('baseURL')}/`);
		await ready(page, 'matrix');
		const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
		expect(background).toBe('rgb(20, 24, 29)');
		const grid = await page
			.locator('.ag-root-wrapper')
			.evaluate((el) => getComputedStyle(el).backgroundColor);
		expect(grid).toBe('rgb(20, 24, 29)');
		await screenshot(page, 'ws-matrix-system-dark');
		await page.context().close();
	});
});
