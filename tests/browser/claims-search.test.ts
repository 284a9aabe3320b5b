/**
 * Quick search in the claims table: the grid keeps all its rows and filters them (issue 6), so
 * check that it shows exactly the claims `applyFilters` finds, that an export of the view holds
 * those same claims, and that clearing the search brings every row back.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadScenario } from '../../src/lib/scenario/load';
import type { Scenario } from '../../src/lib/scenario/schema';
import { applyFilters, NO_FILTERS } from '../../src/lib/view/filters';
import { launchChromium, newPage, pageErrors, screenshot } from './chromium';

function load(file: string): Scenario {
	const result = loadScenario(readFileSync(file, 'utf8'), file);
	if (!result.ok) throw new Error(`${file} does not load`);
	return result.scenario;
}

const scenario = load('scenarios/ukraine-war-2025.yaml');

/** Data rows in the grid, rendered or not: ag-grid counts them in ARIA. */
async function rowCount(page: Page): Promise<number> {
	const total = Number(await page.locator('[role="grid"]').getAttribute('aria-rowcount'));
	return total - (await page.locator('.ag-header-row').count());
}

describe('claims table quick search', () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await launchChromium();
	});
	afterAll(async () => {
		await browser?.close();
	});

	it('shows, announces, links and exports exactly the matching claims', async () => {
		const page = await newPage(browser, { acceptDownloads: true });
		// The claim id column is shown so the exported file names each claim.
		await page.goto(`${inject('baseURL')}/?view=claims&cols=claim_id&cols=stance&cols=quote`);
		await page.locator('.ag-row').first().waitFor();
		const word = 'Tomahawk';
		const want = applyFilters(scenario, { ...NO_FILTERS, query: word }).map((c) => c.id);
		expect(want.length).toBeGreaterThan(0);
		expect(want.length).toBeLessThan(scenario.claims.length);

		await page.getByRole('searchbox', { name: 'Search claims' }).fill(word.toLowerCase());
		await expect.poll(() => rowCount(page)).toBe(want.length);
		const shown = await page
			.locator('.ag-grid-scrolling-container .ag-row')
			.evaluateAll((rows) => rows.map((r) => r.getAttribute('row-id')));
		expect(shown.length).toBeGreaterThan(0);
		for (const id of shown) expect(want).toContain(id);
		await expect(page.locator('p.summary').textContent()).resolves.toContain(
			`${want.length} claims`
		);
		await expect
			.poll(() => page.getByRole('status').allTextContents())
			.toContain(`${want.length} of ${scenario.claims.length} claims shown`);
		await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(word.toLowerCase());
		await screenshot(page, 'claims-search');

		await page.getByRole('button', { name: /^Export/ }).click();
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.locator('[role="menuitem"][data-item="csv"]').click()
		]);
		const csv = readFileSync((await download.path())!, 'utf8');
		// Ids are slugs; the claim id is a whole field, last or not.
		const exported = scenario.claims
			.map((c) => c.id)
			.filter((id) => new RegExp(`,${id}(,|\\r\\n)`).test(csv));
		expect(exported.sort()).toEqual([...want].sort());

		await page.getByRole('searchbox', { name: 'Search claims' }).fill('');
		await expect.poll(() => rowCount(page)).toBe(scenario.claims.length);
		await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBeNull();
		expect(pageErrors.get(page)).toEqual([]);
	});
});
