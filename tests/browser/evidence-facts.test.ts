/**
 * The evidence panel's facts-or-values note: for the selected commentator on an option, the
 * sentence and the disagreeing pairs equal what analysis/facts-values.ts gives in Node, both
 * quotes open from the keyboard, and the panel is axe clean, light and dark, laptop and phone.
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { factsValuesWith } from '../../src/lib/analysis/facts-values';
import { commentatorFactsValuesSentence, namesOf } from '../../src/lib/present/analysis-words';
import { loadScenario } from '../../src/lib/scenario/load';
import { launchChromium, newPage, pageErrors, screenshot } from './chromium';

const FILE = 'scenarios/ukraine-war-2025.yaml';
const loaded = loadScenario(readFileSync(FILE, 'utf8'), FILE);
if (!loaded.ok) throw new Error(`${FILE} does not load`);
const scenario = loaded.scenario;

// Jennifer Kavanagh on sanctions and tariffs: three disagreements about facts, three unclear.
const FACTS = ['sanctions-tariffs', 'dp-kavanagh-2025-09', 'jennifer-kavanagh'] as const;
// Vladimir Putin on direct diplomacy: two disagreements about values.
const VALUES = ['direct-diplomacy', 'dp-kavanagh-2025-09', 'vladimir-putin'] as const;

let browser: Browser;
beforeAll(async () => {
	browser = await launchChromium();
});
afterAll(async () => {
	await browser?.close();
});

async function openCell(
	[option, source, commentator]: readonly [string, string, string],
	options: BrowserContextOptions = {}
): Promise<Page> {
	const page = await newPage(browser, options);
	await page.goto(`${inject('baseURL')}/?sel=cell~${option}~${source}~${commentator}&panel=1`);
	await page.locator('[data-fv-summary]').waitFor();
	return page;
}

describe('evidence panel: facts or values', () => {
	it.each([FACTS, VALUES])('%s: the sentence and pairs are the analysis’s', async (...cell) => {
		const [option, , commentator] = cell;
		const expected = factsValuesWith(scenario, option, commentator)!;
		const page = await openCell(cell);
		await expect(page.locator('[data-fv-summary]').textContent()).resolves.toBe(
			commentatorFactsValuesSentence(namesOf(scenario), expected)
		);
		const pairs = await page
			.locator('[data-fv-pair]')
			.evaluateAll((items) =>
				items.map((li) => `${li.getAttribute('data-fv-pair')}:${li.getAttribute('data-kind')}`)
			);
		expect(pairs).toEqual(
			expected.pairs.map((p) => `${p.a === commentator ? p.b : p.a}:${p.kind}`)
		);
		expect(pageErrors.get(page)).toEqual([]);
		await page.context().close();
	});

	it('opens both quotes of a finding from the keyboard', async () => {
		const [option, , commentator] = VALUES;
		const finding = factsValuesWith(scenario, option, commentator)!.findings[0]!;
		const page = await openCell(VALUES);
		const summary = page.locator('[data-facts-values] details summary').first();
		await summary.focus();
		await page.keyboard.press('Enter');
		const quotes = page.locator('[data-facts-values] details[open] blockquote');
		await expect(quotes.count()).resolves.toBe(2);
		const texts = await quotes.allTextContents();
		expect(texts[0]).toContain(finding.a.quote);
		expect(texts[1]).toContain(finding.b.quote);
		await page.context().close();
	});
});

describe.each(['light', 'dark'] as const)(
	'facts or values in the panel, axe (%s)',
	(colorScheme) => {
		it.each([1366, 390])(
			'%i px: no violations, nothing wider than the page',
			async (width) => {
				const page = await openCell(VALUES, { colorScheme, viewport: { width, height: 900 } });
				await page
					.locator('[data-facts-values] details')
					.evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
				await page.locator('[data-facts-values]').scrollIntoViewIfNeeded();
				const result = await new AxeBuilder({ page }).include('[data-facts-values]').analyze();
				expect(result.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
				const overflow = await page.evaluate(
					() => document.documentElement.scrollWidth - document.documentElement.clientWidth
				);
				expect(overflow).toBeLessThanOrEqual(0);
				await screenshot(page, `evidence-facts-values-${width}-${colorScheme}`);
				await page.context().close();
			},
			120_000
		);
	}
);
