import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadScenario } from '../../src/lib/scenario/load';
import { launchChromium, newPage, pageErrors, screenshot } from './chromium';

const FILE = 'scenarios/ukraine-war-2025.yaml';
const loaded = loadScenario(readFileSync(FILE, 'utf8'), FILE);
if (!loaded.ok) throw new Error(`${FILE} does not load`);
const scenario = loaded.scenario;

describe('first page', () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await launchChromium();
	});
	afterAll(async () => {
		await browser?.close();
	});

	it('lists every option and every commentator of the reference scenario', async () => {
		const page = await newPage(browser);
		await page.goto(inject('baseURL') + '/read');
		await expect(page.locator('h1').textContent()).resolves.toContain(scenario.meta.title);
		for (const option of scenario.options) {
			await expect(page.locator(`#option-${option.id}`).textContent()).resolves.toBe(option.label);
		}
		for (const person of scenario.commentators) {
			const text = await page.locator(`[data-commentator="${person.id}"]`).textContent();
			expect(text).toContain(person.name);
		}
		await expect(page.locator('[data-claim]').count()).resolves.toBe(scenario.claims.length);
		await screenshot(page, 'read-light');
		expect(pageErrors.get(page)).toEqual([]);
	});

	it.each(['light', 'dark'] as const)('has no axe violations in %s', async (scheme) => {
		const page = await newPage(browser, { colorScheme: scheme });
		await page.goto(inject('baseURL') + '/read');
		await page.locator('[data-claim]').first().waitFor();
		const result = await new AxeBuilder({ page }).analyze();
		expect(result.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
		await screenshot(page, `read-${scheme}`);
	});
});
