/**
 * A student's first ten minutes (issue 13), in the built site: every view is reachable at 320,
 * 390, 768, 1280x720 and 1366x768 with nothing cut off or wider than the screen; the phone shows
 * the matrix as cards; the introduction shows once, is skipped by keyboard and never returns;
 * search finds what a student means and marks it; presentation mode works by keyboard alone; the
 * grid's place is held by a skeleton while it loads. Screenshots go to
 * test-results/screenshots/first-*.png for a person to look at.
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

const VIEWPORTS: Record<string, BrowserContextOptions> = {
	'320': { viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true },
	'390': { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
	'768': { viewport: { width: 768, height: 1024 }, hasTouch: true },
	'1280x720': { viewport: { width: 1280, height: 720 } },
	'1366x768': { viewport: { width: 1366, height: 768 } }
};
const VIEWS: [id: string, label: string][] = [
	['matrix', 'Matrix'],
	['claims', 'Claims'],
	['transpose', 'Transpose'],
	['dimensions', 'By dimension'],
	['charts', 'Charts'],
	['position', 'My position']
];

async function axe(page: Page): Promise<string[]> {
	const result = await new AxeBuilder({ page }).analyze();
	return result.violations.map(
		(v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(' | ')})`
	);
}

/**
 * Visible things that stick out of the screen: the page must not scroll sideways, and no
 * control may be cut off. Only the grid's own body scrolls sideways, inside its frame.
 */
async function overflow(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const width = document.documentElement.clientWidth;
		const out: string[] = [];
		if (document.documentElement.scrollWidth > width)
			out.push(`page is ${document.documentElement.scrollWidth} px wide`);
		for (const el of document.querySelectorAll<HTMLElement>('body *')) {
			if (el.closest('.ag-root-wrapper, .visually-hidden, [popover]')) continue;
			const box = el.getBoundingClientRect();
			if (box.width === 0 || box.height === 0) continue;
			const style = getComputedStyle(el);
			if (style.visibility === 'hidden' || style.position === 'fixed') continue;
			if (box.right > width + 1 || box.left < -1)
				out.push(
					`${el.tagName.toLowerCase()}.${el.className} at ${Math.round(box.left)}–${Math.round(box.right)}`
				);
		}
		return out.slice(0, 10);
	});
}

/** Goes to a view the way a person would on this screen: a tab, or the View menu on a phone. */
async function openView(page: Page, id: string, label: string): Promise<void> {
	const tab = page.getByRole('tab', { name: label, exact: true });
	if (await tab.isVisible()) await tab.click();
	else await page.getByLabel('View', { exact: true }).selectOption(id);
	if (id === 'charts') await page.locator('[data-chart] canvas').first().waitFor();
	else if (id === 'position') await page.locator('#position-heading').waitFor();
	else await page.locator('.ag-row, .cards[aria-busy="false"] .card').first().waitFor();
	await page.waitForTimeout(id === 'charts' ? 700 : 250);
}

// Each test drives several pages and axe runs; on a loaded two-core machine that takes minutes.
describe("a student's first ten minutes", { timeout: 180_000 }, () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await launchChromium();
	});
	afterAll(async () => {
		await browser?.close();
	});

	for (const [name, context] of Object.entries(VIEWPORTS)) {
		it(`${name}: every view is reachable, nothing cut off or wider than the screen`, async () => {
			const page = await newPage(browser, context);
			await page.goto(`${inject('baseURL')}/?theme=light`);
			await page.locator('.ag-row, .cards[aria-busy="false"] .card').first().waitFor();
			const phone = context.viewport!.width <= 640;
			// On a phone the tabs give way to a View menu, and the matrix to cards.
			await expect(page.getByRole('tab', { name: 'Charts' }).isVisible()).resolves.toBe(!phone);
			// Cards are built a slice at a time after the first one (issue 17): all of them soon.
			await expect
				.poll(() => page.locator('.cards .card').count())
				.toBe(phone ? scenario.options.length : 0);
			// The top bar's actions are one Menu away on a phone, and in sight otherwise.
			const menu = page.getByRole('button', { name: 'Menu' });
			if (phone) {
				await expect(page.getByRole('button', { name: 'Open file…' }).isVisible()).resolves.toBe(
					false
				);
				await menu.click();
			}
			for (const control of ['Open file…', 'Open from address…', 'Large type'])
				await expect(page.getByRole('button', { name: control }).isVisible()).resolves.toBe(true);
			expect(await overflow(page)).toEqual([]);
			await screenshot(page, `first-${name}-menu`);
			if (phone) await menu.click();

			for (const [id, label] of VIEWS) {
				await openView(page, id, label);
				const url = new URL(page.url());
				expect(url.searchParams.get('view') ?? 'matrix').toBe(id);
				expect(await overflow(page), `${id} at ${name}`).toEqual([]);
				await screenshot(page, `first-${name}-${id}`);
			}
			expect(pageErrors.get(page)).toEqual([]);
			await page.context().close();
		});
	}

	it('phone cards: each commentator’s stance, consequence and quote with its passage link', async () => {
		for (const theme of ['light', 'dark']) {
			const page = await newPage(browser, VIEWPORTS['390']);
			await page.goto(`${inject('baseURL')}/?theme=${theme}`);
			const card = page.locator('.cards .card[data-option="sanctions-tariffs"]');
			await card.waitFor();
			const claims = scenario.claims.filter((c) => c.option === 'sanctions-tariffs');
			await expect.poll(() => card.locator('[data-claim]').count()).toBe(claims.length);
			const first = claims[0]!;
			const item = card.locator(`[data-claim="${first.id}"]`);
			await expect(item.innerText()).resolves.toContain(first.consequence);
			await item.locator('summary').click();
			await expect(item.locator('blockquote').innerText()).resolves.toBe(`“${first.quote.exact}”`);
			const href = await item.getByRole('link', { name: /Open passage/ }).getAttribute('href');
			expect(href).toContain('#:~:text=');
			await screenshot(page, `first-cards-${theme}`);
			expect(await axe(page)).toEqual([]);
			expect(await overflow(page)).toEqual([]);
			expect(pageErrors.get(page)).toEqual([]);
			await page.context().close();
		}
	});

	it('the introduction shows once, is skipped by keyboard, and never returns', async () => {
		const page = await newPage(browser, VIEWPORTS['1366x768'], { intro: true });
		await page.goto(`${inject('baseURL')}/?theme=light`);
		const intro = page.getByRole('dialog', { name: 'Each row is an option' });
		await intro.waitFor();
		// It has focus, so a keyboard or screen-reader user meets it first.
		await expect(
			page.evaluate(() => document.activeElement?.closest('.intro') !== null)
		).resolves.toBe(true);
		await screenshot(page, 'first-intro-light');
		expect(await axe(page)).toEqual([]);
		// Three steps by keyboard: Tab to Next, Enter; the steps name what a person sees.
		await page.keyboard.press('Tab');
		await page.keyboard.press('Tab');
		await expect(page.evaluate(() => document.activeElement?.textContent?.trim())).resolves.toBe(
			'Next'
		);
		await page.keyboard.press('Enter');
		await page.getByRole('heading', { name: 'Each column is who said it' }).waitFor();
		await page.getByRole('button', { name: 'Next' }).press('Enter');
		await page.getByRole('heading', { name: 'Click a cell for the quote' }).waitFor();
		await expect(page.getByRole('button', { name: 'Start exploring' }).isVisible()).resolves.toBe(
			true
		);
		// Escape skips from any step.
		await page.keyboard.press('Escape');
		await expect(page.locator('.intro').count()).resolves.toBe(0);
		await expect(page.evaluate(() => localStorage.getItem('stancegrid.intro'))).resolves.toBe(
			'seen'
		);
		await page.reload();
		await page.locator('.ag-row').first().waitFor();
		await page.waitForTimeout(800);
		await expect(page.locator('.intro').count()).resolves.toBe(0);
		expect(pageErrors.get(page)).toEqual([]);
		await page.context().close();
	});

	it('the introduction in dark, on a phone; "Skip introduction" by keyboard', async () => {
		const page = await newPage(browser, VIEWPORTS['390'], { intro: true });
		await page.goto(`${inject('baseURL')}/?theme=dark`);
		await page.locator('.intro').waitFor();
		await page.getByRole('button', { name: 'Next' }).click();
		await page.getByRole('heading', { name: 'Each column is who said it' }).waitFor();
		await screenshot(page, 'first-intro-phone-dark');
		expect(await axe(page)).toEqual([]);
		await page.getByRole('button', { name: 'Skip introduction' }).focus();
		await page.keyboard.press('Enter');
		await expect(page.locator('.intro').count()).resolves.toBe(0);
		await page.reload();
		await page.locator('.cards[aria-busy="false"] .card').first().waitFor();
		await page.waitForTimeout(800);
		await expect(page.locator('.intro').count()).resolves.toBe(0);
		await page.context().close();
	});

	it('storage that throws: no introduction, no error, the page works', async () => {
		const page = await newPage(browser, VIEWPORTS['1366x768'], { intro: true });
		await page.addInitScript(() => {
			Object.defineProperty(window, 'localStorage', {
				get() {
					throw new DOMException('The operation is insecure.', 'SecurityError');
				}
			});
		});
		await page.goto(`${inject('baseURL')}/?theme=light`);
		await page.locator('.ag-row').first().waitFor();
		await page.waitForTimeout(800);
		await expect(page.locator('.intro').count()).resolves.toBe(0);
		await page.getByRole('tab', { name: 'Claims' }).click();
		await page.locator('.ag-row').first().waitFor();
		expect(pageErrors.get(page)).toEqual([]);
		await page.context().close();
	});

	it('search "Tomahawk": only claims about Tomahawks or naming them, with the word marked', async () => {
		const page = await newPage(browser, VIEWPORTS['1366x768']);
		await page.goto(`${inject('baseURL')}/?view=claims&theme=light`);
		await page.locator('.ag-row').first().waitFor();
		await page.getByLabel('Search claims').fill('Tomahawk');
		const label = new Map(scenario.options.map((o) => [o.id, o.label]));
		const expected = scenario.claims.filter((c) =>
			[label.get(c.option)!, c.consequence, c.quote.exact].some((t) => /tomahawk/i.test(t))
		);
		expect(expected.length).toBeLessThan(10);
		await expect
			.poll(() => page.locator('.ag-grid-scrolling-container .ag-row').count())
			.toBe(expected.length);
		await expect(page.locator('.filters .count').innerText()).resolves.toBe(
			`Showing ${expected.length} of ${scenario.claims.length} claims`
		);
		const marks = await page.locator('.ag-row mark.sg-hit').allTextContents();
		expect(marks.length).toBeGreaterThan(0);
		for (const mark of marks) expect(mark.toLowerCase()).toBe('tomahawk');
		await screenshot(page, 'first-search-tomahawk');
		// The matrix marks it too, and so does the evidence panel.
		await page.getByRole('tab', { name: 'Matrix' }).click();
		await page.locator('.ag-row').first().waitFor();
		const quoted = expected.find((c) => /tomahawk/i.test(c.quote.exact))!;
		await page.goto(`${inject('baseURL')}/?q=Tomahawk&sel=claim~${quoted.id}&panel=1&theme=light`);
		await page.getByRole('complementary').waitFor();
		await expect(
			page.getByRole('complementary').locator('blockquote mark.sg-hit').first().textContent()
		).resolves.toMatch(/^tomahawk$/i);
		expect(await axe(page)).toEqual([]);
		expect(pageErrors.get(page)).toEqual([]);
		await page.context().close();
	});

	for (const theme of ['light', 'dark']) {
		it(`presentation mode by keyboard alone, ${theme}: large type, one option at a time, Escape leaves`, async () => {
			const page = await newPage(browser, VIEWPORTS['1280x720']);
			await page.goto(`${inject('baseURL')}/?theme=${theme}`);
			await page.locator('.ag-row').first().waitFor();
			// Tab from the top of the page to "Present".
			let found = false;
			for (let i = 0; i < 80 && !found; i++) {
				await page.keyboard.press('Tab');
				found = await page.evaluate(
					() => document.activeElement?.textContent?.trim() === '▶ Present'
				);
			}
			expect(found).toBe(true);
			await page.keyboard.press('Enter');
			const dialog = page.locator('dialog.present');
			await dialog.waitFor();
			const title = dialog.locator('#present-title');
			await expect(title.textContent()).resolves.toBe(scenario.options[0]!.label);
			// Who supports, who is conditional, who opposes; one quote each.
			const voices = (stance: string) => dialog.locator(`.col.stance-${stance} li`).count();
			const sanctions = scenario.claims.filter((c) => c.option === scenario.options[0]!.id);
			const people = (stance: string) =>
				new Set(sanctions.filter((c) => c.stance === stance).map((c) => c.commentator)).size;
			for (const stance of ['support', 'conditional', 'oppose'])
				await expect(voices(stance)).resolves.toBe(people(stance));
			await expect(dialog.locator('.col li').first().locator('blockquote').count()).resolves.toBe(
				1
			);
			// Readable from the back of the room: no text under 24 px.
			const smallest = await dialog.evaluate((root) => {
				let min = Infinity;
				for (const el of root.querySelectorAll<HTMLElement>('h2, h3, p, blockquote, button, li'))
					if (el.offsetParent !== null)
						min = Math.min(min, parseFloat(getComputedStyle(el).fontSize));
				return min;
			});
			expect(smallest).toBeGreaterThanOrEqual(24);
			// The app's controls are out of sight: the dialog covers the screen.
			const box = await dialog.boundingBox();
			expect(box).toMatchObject({ x: 0, y: 0, width: 1280, height: 720 });
			await screenshot(page, `first-present-${theme}`);
			expect(await axe(page)).toEqual([]);

			await page.keyboard.press('ArrowRight');
			await expect(title.textContent()).resolves.toBe(scenario.options[1]!.label);
			await page.keyboard.press('End');
			await expect(title.textContent()).resolves.toBe(
				scenario.options[scenario.options.length - 1]!.label
			);
			await page.keyboard.press('ArrowRight');
			await expect(title.textContent()).resolves.toBe(
				scenario.options[scenario.options.length - 1]!.label
			);
			await page.keyboard.press('Home');
			await page.keyboard.press('ArrowLeft');
			await expect(title.textContent()).resolves.toBe(scenario.options[0]!.label);
			await page.keyboard.press('ArrowRight');
			await screenshot(page, `first-present-${theme}-2`);
			expect(await axe(page)).toEqual([]);

			await page.keyboard.press('Escape');
			await expect(page.locator('dialog.present').count()).resolves.toBe(0);
			// Focus returns to the button that opened it.
			await expect(page.evaluate(() => document.activeElement?.textContent?.trim())).resolves.toBe(
				'▶ Present'
			);
			expect(pageErrors.get(page)).toEqual([]);
			await page.context().close();
		});
	}

	it('1366x768: the compact matrix shows every option and commentator on one screen', async () => {
		const page = await newPage(browser, VIEWPORTS['1366x768']);
		await page.goto(`${inject('baseURL')}/?theme=light`);
		await page.locator('.ag-row').first().waitFor();
		await page.waitForTimeout(500);
		const inView = await page.evaluate(() => {
			const fits = (el: Element) => {
				const r = el.getBoundingClientRect();
				return r.left >= 0 && r.right <= innerWidth && r.top >= 0 && r.bottom <= innerHeight;
			};
			return {
				headers: [...document.querySelectorAll('.ag-header-cell[col-id^="_all~"]')].filter(fits)
					.length,
				rows: [
					...document.querySelectorAll(
						'.ag-grid-scrolling-container .ag-row .ag-cell[col-id="option"]'
					)
				].filter(fits).length
			};
		});
		expect(inView).toEqual({
			headers: scenario.commentators.length,
			rows: scenario.options.length
		});
		await expect(page.locator('[data-scroll-hint]').count()).resolves.toBe(0);
		// The full text of a symbol-only cell: a tooltip on hover (and the panel on click).
		const claim = scenario.claims[0]!;
		const cell = page.locator(
			`.ag-row[row-id="${claim.option}"] .ag-cell[col-id="_all~${claim.commentator}"]`
		);
		await cell.hover();
		await expect
			.poll(() => page.locator('.ag-tooltip').textContent(), { timeout: 5000 })
			.toContain(claim.consequence);
		await screenshot(page, 'first-compact-1366');
		// Text in cells and a column per source are one click away; then the grid scrolls sideways.
		await page.getByRole('button', { name: 'A column per source' }).click();
		await page.getByRole('button', { name: 'Text in cells' }).click();
		await expect.poll(() => new URL(page.url()).searchParams.get('by')).toBe('source');
		await expect(page.locator('[data-scroll-hint]').count()).resolves.toBe(1);
		await screenshot(page, 'first-full-1366');
		expect(pageErrors.get(page)).toEqual([]);
		await page.context().close();
	});

	it('an option’s row header opens who says what about it, grouped by stance', async () => {
		const page = await newPage(browser, VIEWPORTS['1366x768']);
		await page.goto(`${inject('baseURL')}/?theme=dark`);
		const option = scenario.options[1]!;
		await page.locator(`.ag-row[row-id="${option.id}"] .ag-cell[col-id="option"]`).click();
		const dialog = page.getByRole('dialog', { name: option.label });
		await dialog.waitFor();
		const claims = scenario.claims.filter((c) => c.option === option.id);
		await expect(dialog.locator('[data-claim]').count()).resolves.toBe(claims.length);
		for (const stance of ['support', 'conditional', 'oppose']) {
			const ids = await dialog
				.locator(`.group.stance-${stance} [data-claim]`)
				.evaluateAll((els) => els.map((e) => e.getAttribute('data-claim')));
			expect(ids.sort()).toEqual(
				claims
					.filter((c) => c.stance === stance)
					.map((c) => c.id)
					.sort()
			);
		}
		await expect(dialog.locator('blockquote').first().textContent()).resolves.toMatch(/^“.+”$/s);
		await screenshot(page, 'first-option-claims-dark');
		expect(await axe(page)).toEqual([]);
		await page.keyboard.press('Escape');
		await expect(page.getByRole('dialog').count()).resolves.toBe(0);
		// A word's meaning, where it appears: the legend's "conditional".
		await page.getByRole('button', { name: 'What conditional means' }).first().click();
		await expect(page.locator('.tip:popover-open').textContent()).resolves.toContain(
			'only under stated conditions'
		);
		await expect(
			page.getByRole('status').filter({ hasText: 'Conditional.' }).count()
		).resolves.toBe(1);
		expect(await axe(page)).toEqual([]);
		expect(pageErrors.get(page)).toEqual([]);
		await page.context().close();
	});

	it('while the grid loads, a skeleton holds its place: visible progress, no layout shift', async () => {
		const page = await newPage(browser, VIEWPORTS['1366x768']);
		// The grid library's chunk arrives late, as on a slow phone.
		await page.route('**/_app/immutable/**/*.js', async (route) => {
			const response = await route.fetch();
			const body = await response.text();
			if (body.includes('ag-grid') || body.includes('AG Grid'))
				await new Promise((r) => setTimeout(r, 1500));
			await route.fulfill({ response, body });
		});
		await page.addInitScript(() => {
			(window as unknown as { __cls: number }).__cls = 0;
			new PerformanceObserver((list) => {
				for (const entry of list.getEntries() as (PerformanceEntry & {
					value: number;
					hadRecentInput: boolean;
				})[])
					if (!entry.hadRecentInput) (window as unknown as { __cls: number }).__cls += entry.value;
			}).observe({ type: 'layout-shift', buffered: true });
		});
		await page.goto(`${inject('baseURL')}/?theme=light`);
		const status = page.getByRole('status').filter({ hasText: 'Loading the grid…' });
		await status.waitFor();
		const before = await page.locator('.grid-wrap').boundingBox();
		await screenshot(page, 'first-skeleton');
		await page.locator('.ag-row').first().waitFor();
		await expect(status.count()).resolves.toBe(0);
		const after = await page.locator('.grid-wrap').boundingBox();
		expect(after).toEqual(before);
		const cls = await page.evaluate(() => (window as unknown as { __cls: number }).__cls);
		expect(cls).toBeLessThan(0.02);
		expect(pageErrors.get(page)).toEqual([]);
		await page.context().close();
	});
});
