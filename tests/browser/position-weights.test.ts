/**
 * Weights in My position: the same `w` address parameter and rules as the decision table, the
 * verdict from the same analysis, a refused weight named, the link to the table carrying the
 * weights, keyboard reachable, axe clean light and dark at 1366 and 390 px.
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { decide } from '../../src/lib/analysis/decision';
import { decisionSentence, namesOf } from '../../src/lib/present/analysis-words';
import { loadScenario } from '../../src/lib/scenario/load';
import { launchChromium, newPage, pageErrors, screenshot } from './chromium';

const FILE = 'scenarios/ukraine-war-2025.yaml';
const loaded = loadScenario(readFileSync(FILE, 'utf8'), FILE);
if (!loaded.ok) throw new Error(`${FILE} does not load`);
const scenario = loaded.scenario;
const names = namesOf(scenario);

let browser: Browser;
beforeAll(async () => {
	browser = await launchChromium();
});
afterAll(async () => {
	await browser?.close();
});

async function openPosition(query: string, options: BrowserContextOptions = {}): Promise<Page> {
	const page = await newPage(browser, options);
	await page.goto(`${inject('baseURL')}/?view=position&${query}`);
	await page.locator('[data-position-weights]').waitFor();
	return page;
}

const verdict = (page: Page) => page.locator('[data-position-verdict]').textContent();

describe('weights in My position', () => {
	it('reads the weights in the address and shows the decision table’s verdict for them', async () => {
		const page = await openPosition('w=negotiations%3D2%2Calliance-unity%3D0');
		const field = page.locator('[data-position-weights] input[data-dimension="negotiations"]');
		await expect.poll(() => field.inputValue()).toBe('2');
		const expected = decide(scenario, { negotiations: 2, 'alliance-unity': 0 });
		await expect.poll(() => verdict(page)).toBe(decisionSentence(names, expected));
		await expect(page.locator('[data-position-mine]').textContent()).resolves.toContain(
			`You have not taken a stance on “${names.option(expected.top!)}” yet`
		);
		expect(pageErrors.get(page)).toEqual([]);
		await page.context().close();
	});

	it('a weight typed from the keyboard goes into the address and on to the decision table', async () => {
		const page = await openPosition('theme=light');
		await expect.poll(() => verdict(page)).toBe(decisionSentence(names, decide(scenario, {})));
		const field = page.locator('[data-position-weights] input[data-dimension="escalation"]');
		await field.focus();
		await field.fill('5');
		await page.keyboard.press('Tab');
		await page.waitForURL(/w=escalation%3D5/);
		expect(page.url()).toContain('view=position');
		await expect
			.poll(() => verdict(page))
			.toBe(decisionSentence(names, decide(scenario, { escalation: 5 })));
		// A refused weight is named and changes nothing.
		await field.fill('-3');
		await page.keyboard.press('Tab');
		await expect(
			page.locator('[data-position-weights] [role="alert"]').textContent()
		).resolves.toBe('Weight for Escalation risk: expected a number from 0 to 1000.');
		expect(page.url()).toMatch(/w=escalation%3D5(&|$)/);
		// The link to the decision table carries the weights.
		await page.getByRole('link', { name: 'Open the decision table with these weights' }).click();
		await page.waitForURL(/\/decision\?/);
		await expect
			.poll(() => page.locator('input[data-dimension="escalation"]').inputValue())
			.toBe('5');
		expect(pageErrors.get(page)).toEqual([]);
		await page.context().close();
	});
});

describe.each(['light', 'dark'] as const)('weights in My position, axe (%s)', (colorScheme) => {
	it.each([1366, 390])(
		'%i px: no violations, nothing wider than the page',
		async (width) => {
			const page = await openPosition(`theme=${colorScheme}&w=escalation%3D3`, {
				colorScheme,
				viewport: { width, height: 900 }
			});
			await page.locator('[data-position-weights]').scrollIntoViewIfNeeded();
			const result = await new AxeBuilder({ page }).include('[data-position-weights]').analyze();
			expect(result.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
			const overflow = await page.evaluate(
				() => document.documentElement.scrollWidth - document.documentElement.clientWidth
			);
			expect(overflow).toBeLessThanOrEqual(0);
			await screenshot(page, `position-weights-${width}-${colorScheme}`);
			await page.context().close();
		},
		120_000
	);
});
