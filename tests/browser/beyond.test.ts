/**
 * The contradictions and decision screens: their tables equal `stancegrid analyze`'s JSON, the
 * weights live in the address, clicking through filters the grid, and both pages are axe clean
 * and keyboard reachable, light and dark, laptop and phone.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { main } from '../../src/cli/main';
import type { AnalysisReport } from '../../src/lib/analysis/analysis-report';
import { launchChromium, newPage, pageErrors, screenshot } from './chromium';

const FILE = 'scenarios/ukraine-war-2025.yaml';

async function cli(...extra: string[]): Promise<AnalysisReport> {
	let out = '';
	const code = await main(['analyze', FILE, '--format', 'json', ...extra], {
		out: (t) => (out += typeof t === 'string' ? t : new TextDecoder().decode(t)),
		err: () => {}
	});
	expect(code).toBe(0);
	return JSON.parse(out) as AnalysisReport;
}

let browser: Browser;
const baseURL = inject('baseURL');

beforeAll(async () => {
	browser = await launchChromium();
});
afterAll(async () => {
	await browser?.close();
});

async function open(path: string, options = {}): Promise<Page> {
	const page = await newPage(browser, options);
	// The pages are prerendered: a key pressed before they hydrate is lost on a busy machine.
	await page.goto(baseURL + path, { waitUntil: 'networkidle' });
	await page.locator('main h1').waitFor();
	return page;
}

describe('contradictions screen', () => {
	it('lists exactly the contradictions the CLI prints, with both quotes', async () => {
		const json = await cli();
		const page = await open('/contradictions');
		const rows = await page
			.locator('li[data-kind]')
			.evaluateAll((items) =>
				items.map((li) =>
					[
						li.getAttribute('data-kind'),
						li.getAttribute('data-option'),
						li.getAttribute('data-dimension'),
						li.getAttribute('data-a-claim'),
						li.getAttribute('data-b-claim')
					].join('|')
				)
			);
		const expected = [
			...json.contradictions.map((c) =>
				['effect', c.option, c.dimension, c.a.claim, c.b.claim].join('|')
			),
			...json.stance_contradictions.map((c) =>
				['stance', c.option, '', c.a.claim, c.b.claim].join('|')
			)
		];
		expect([...rows].sort()).toEqual([...expected].sort());
		expect(rows.length).toBeGreaterThan(0);
		const first = json.contradictions[0]!;
		const row = page.locator(
			`li[data-a-claim="${first.a.claim}"][data-b-claim="${first.b.claim}"]`
		);
		await expect(row.locator('blockquote').first().textContent()).resolves.toContain(
			first.a.quote.slice(0, 40)
		);
		expect(pageErrors.get(page)).toEqual([]);
		await page.context().close();
	});

	it('narrows by option, and a click opens the grid filtered to the two commentators', async () => {
		const page = await open('/contradictions');
		await page.selectOption('select >> nth=0', 'military-pressure');
		const options = await page
			.locator('li[data-kind]')
			.evaluateAll((items) => [...new Set(items.map((li) => li.getAttribute('data-option')))]);
		expect(options).toEqual(['military-pressure']);
		const link = page.locator('li[data-kind="effect"] a').first();
		await link.focus();
		await page.keyboard.press('Enter');
		await page.waitForURL(/view=claims/);
		const url = new URL(page.url());
		expect(url.searchParams.get('option')).toBe('military-pressure');
		expect(url.searchParams.getAll('who')).toHaveLength(2);
		await page.context().close();
	});
});

describe('decision screen', () => {
	it('shows the table the CLI prints for the weights in the address', async () => {
		const json = await cli('--weights', 'alliance-unity=0,negotiations=2');
		const page = await open('/decision?w=alliance-unity=0,negotiations=2');
		await page.locator('input[data-dimension="alliance-unity"]').waitFor();
		await expect
			.poll(() => page.locator('input[data-dimension="negotiations"]').inputValue())
			.toBe('2');
		const rows = await page
			.locator('table[data-decision] tbody tr')
			.evaluateAll((trs) =>
				trs.map((tr) => [
					tr.getAttribute('data-option'),
					tr.getAttribute('data-total'),
					Number(tr.getAttribute('data-n')),
					Number(tr.getAttribute('data-unclear'))
				])
			);
		expect(rows).toEqual(
			json.decision.ranking.map((id) => {
				const o = json.decision.options.find((x) => x.option === id)!;
				return [id, o.total === null ? '' : String(o.total), o.n, o.unclear];
			})
		);
		await expect(page.locator('[data-verdict]').textContent()).resolves.toContain(
			'Direct diplomacy and summitry'
		);
		expect(pageErrors.get(page)).toEqual([]);
		await page.context().close();
	});

	it('keeps a weight typed in the address, and reaches every weight by keyboard', async () => {
		const page = await open('/decision');
		const input = page.locator('input[data-dimension="alliance-unity"]');
		// Typed again until it takes (a change before hydration is not seen): 2 then 0, so each
		// try is a change whatever the field showed.
		await expect
			.poll(
				async () => {
					for (const value of ['2', '0']) {
						await input.fill(value);
						await page.keyboard.press('Tab');
					}
					return page.url();
				},
				{ timeout: 20_000 }
			)
			.toMatch(/w=alliance-unity(%3D|=)0(?![\d.])/);
		await expect(page.locator('[data-verdict]').textContent()).resolves.toContain(
			'Direct diplomacy and summitry'
		);
		await page.locator('main').evaluate(() => (document.activeElement as HTMLElement)?.blur());
		const reached: string[] = [];
		await page.locator('nav a').first().focus();
		for (let i = 0; i < 12; i++) {
			await page.keyboard.press('Tab');
			const id = await page.evaluate(
				() => document.activeElement?.getAttribute('data-dimension') ?? ''
			);
			if (id) reached.push(id);
		}
		expect(reached).toEqual([
			'negotiations',
			'battlefield',
			'escalation',
			'cost-to-west',
			'alliance-unity',
			'durable-settlement'
		]);
		await page.context().close();
	});
});

describe.each(['light', 'dark'] as const)('axe (%s)', (colorScheme) => {
	for (const [path, width] of [
		['/contradictions', 1366],
		['/decision', 1366],
		['/contradictions', 390],
		['/decision', 390]
	] as const) {
		it(`${path} at ${width} px has no violations`, async () => {
			const page = await open(path, { colorScheme, viewport: { width, height: 900 } });
			// The evidence folds open too, so axe checks the quotes behind the numbers.
			await page
				.locator('details')
				.evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
			const result = await new AxeBuilder({ page }).analyze();
			expect(result.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
			const overflow = await page.evaluate(
				() => document.documentElement.scrollWidth - document.documentElement.clientWidth
			);
			expect(overflow).toBeLessThanOrEqual(0);
			await screenshot(page, `beyond${path.replace('/', '-')}-${width}-${colorScheme}`);
			await page.context().close();
		}, 120_000);
	}
});
