import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { formatLoadError, loadScenario } from '../../src/lib/scenario/load';
import { passageUrl } from '../../src/lib/scenario/passage-link';
import type { Claim, Scenario } from '../../src/lib/scenario/schema';
import { citation } from '../../src/lib/view/evidence';
import { launchChromium, newPage, pageErrors, screenshot } from './chromium';

function load(file: string): Scenario {
	const result = loadScenario(readFileSync(file, 'utf8'), file);
	if (!result.ok) throw new Error(`${file} does not load`);
	return result.scenario;
}

const REFERENCE = 'scenarios/ukraine-war-2025.yaml';
const scenario = load(REFERENCE);
const MINI = 'tests/fixtures/scenarios/mini.yaml';
const mini = load(MINI);

const pair = (claim: Claim) => `${claim.source}~${claim.commentator}`;
/** The default matrix column of a claim: one per person, every source merged (`_all~person`). */
const personColumn = (claim: Claim) => `_all~${claim.commentator}`;
/** A matrix cell by row (option) and column (source~commentator); ag-grid marks rows with row-id. */
const cell = (page: Page, rowId: string, colId: string) =>
	page.locator(`.ag-row[row-id="${rowId}"] .ag-cell[col-id="${colId}"]`);

/** Data rows in the grid, rendered or not: ag-grid virtualises rows but counts them in ARIA. */
async function rowCount(page: Page): Promise<number> {
	const total = Number(await page.locator('[role="grid"]').getAttribute('aria-rowcount'));
	return total - (await page.locator('.ag-header-row').count());
}

async function open(page: Page, query = ''): Promise<void> {
	await page.goto(inject('baseURL') + '/' + query);
	await page.locator('.ag-row').first().waitFor();
}

/** Serves `body` at `address` only once `release` is called: a link caught while it loads. */
async function holdAddress(page: Page, address: string, body: string) {
	let release = () => {};
	const held = new Promise<void>((resolve) => (release = resolve));
	let served = false;
	await page.context().route(address, async (route) => {
		await held;
		await route.fulfill({ status: 200, headers: { 'access-control-allow-origin': '*' }, body });
		served = true;
	});
	return { release, served: () => served };
}

/** The quoted text as the panel shows it: curly quotes around the exact words. */
const shown = (claim: Claim) => `“${claim.quote.exact}”`;

describe('workspace views', () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await launchChromium();
	});
	afterAll(async () => {
		await browser?.close();
	});

	// Wide and tall enough that ag-grid renders every row and column (it virtualises the rest).
	const everything = { viewport: { width: 4800, height: 4200 } };

	it('the matrix has a row for every option and a column for every commentator, grouped by source', async () => {
		const page = await newPage(browser, everything);
		// The per-source layout with text in the cells (the default is one compact column per person).
		await open(page, '?by=source&cells=full');
		for (const option of scenario.options) {
			const head = page.locator(
				`.ag-grid-scrolling-container .ag-row[row-id="${option.id}"] .sg-rowhead-label`
			);
			await expect(head.textContent()).resolves.toBe(option.label);
		}
		for (const person of scenario.commentators) {
			const headers = page.locator(`.ag-header-cell[col-id$="~${person.id}"]`);
			expect(await headers.count()).toBeGreaterThan(0);
			await expect(headers.first().textContent()).resolves.toContain(person.name);
		}
		const groups = await page.locator('.sg-source-outlet').allTextContents();
		expect(groups).toEqual(scenario.sources.map((s) => s.outlet));
		const inferred = scenario.sources.find((s) => s.date_inferred)!;
		await expect(page.locator('.sg-source-date').allTextContents()).resolves.toContain(
			`${inferred.date} (inferred)`
		);
		// Every claim is in its cell: the count of stance words matches the claims per cell.
		for (const claim of scenario.claims) {
			const text = await cell(page, claim.option, pair(claim)).textContent();
			expect(text).toContain(claim.consequence.slice(0, 20));
		}
		expect(pageErrors.get(page)).toEqual([]);
	});

	it('the claims table has a row per claim, the transpose a row per commentator, by-dimension a row per option', async () => {
		const page = await newPage(browser, everything);
		await open(page, '?view=claims');
		await expect(rowCount(page)).resolves.toBe(scenario.claims.length);
		await expect(page.locator('.ag-grid-scrolling-container .ag-row').count()).resolves.toBe(
			scenario.claims.length
		);
		// Cells with their own renderers (option, person, stance) are drawn a frame after the
		// plain-text ones: wait until every option and person is there, naming any missing.
		const missing = async () => {
			const text = (await page.locator('.ag-grid-scrolling-container').textContent()) ?? '';
			return [
				...scenario.options.map((o) => o.label),
				...scenario.commentators.map((c) => c.name)
			].filter((name) => !text.includes(name));
		};
		await expect.poll(missing, { timeout: 15_000 }).toEqual([]);

		await page.getByRole('tab', { name: 'Transpose' }).click();
		await expect(page.locator('.ag-header-cell[col-id="commentator"]').count()).resolves.toBe(1);
		for (const person of scenario.commentators) {
			const row = page.locator(
				`.ag-grid-scrolling-container .ag-row[row-id$="~${person.id}"] .sg-rowhead-label`
			);
			await expect(row.first().textContent()).resolves.toBe(person.name);
		}
		for (const option of scenario.options)
			await expect(
				page.locator(`.ag-header-cell[col-id="${option.id}"]`).textContent()
			).resolves.toContain(option.label);

		await page.getByRole('tab', { name: 'By dimension' }).click();
		await page.locator('.sg-dir').first().waitFor();
		for (const option of scenario.options)
			await expect(
				page.locator(`.ag-row[row-id="${option.id}"] .sg-rowhead-label`).textContent()
			).resolves.toBe(option.label);
		for (const dimension of scenario.dimensions)
			await expect(
				page.locator(`.ag-header-cell[col-id="${dimension.id}"]`).textContent()
			).resolves.toContain(dimension.label);
		const pivot = await page.locator('.ag-grid-scrolling-container').textContent();
		for (const person of scenario.commentators) expect(pivot).toContain(person.name);
		expect(page.url()).toContain('view=dimensions');
		expect(pageErrors.get(page)).toEqual([]);
	});

	it('clicking a cell shows its verbatim quote, who said it, the source, and the passage link', async () => {
		const page = await newPage(browser);
		await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
		await open(page);
		const claim = scenario.claims.find((c) => c.commentator === 'jennifer-kavanagh')!;
		const source = scenario.sources.find((s) => s.id === claim.source)!;
		await cell(page, claim.option, personColumn(claim)).click();
		const panel = page.getByRole('complementary');
		const quotes = await panel.locator('.quote').allTextContents();
		expect(quotes).toContain(shown(claim));
		const article = panel.locator(`[data-claim="${claim.id}"]`);
		await expect(article.locator('mark').textContent()).resolves.toBe(
			claim.quote.exact.replace(/\s+/g, ' ').trim()
		);
		await expect(article.textContent()).resolves.toContain(source.title);
		const link = article.getByRole('link', { name: /Open passage/ });
		await expect(link.getAttribute('href')).resolves.toBe(passageUrl(source.url, claim.quote));
		await expect(link.getAttribute('rel')).resolves.toBe('noopener noreferrer');
		await article.getByRole('button', { name: 'Copy citation' }).click();
		await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(
			citation(scenario, claim)
		);
		// The cell is outlined while its evidence is open.
		await expect(
			cell(page, claim.option, personColumn(claim)).getAttribute('class')
		).resolves.toContain('sg-selected');
		expect(pageErrors.get(page)).toEqual([]);
	});

	it('a source with no address says so instead of linking', async () => {
		const page = await newPage(browser);
		const noAddress = scenario.sources.find((s) => s.url === 'not stated')!;
		const claim = scenario.claims.find((c) => c.source === noAddress.id)!;
		await open(page, `?view=claims&sel=claim~${claim.id}&panel=1`);
		const article = page.getByRole('complementary').locator(`[data-claim="${claim.id}"]`);
		await expect(article.textContent()).resolves.toContain('No address known');
		await expect(article.getByRole('link').count()).resolves.toBe(0);
		await expect(article.textContent()).resolves.toContain('(date inferred)');
	});

	it('keyboard alone reaches a cell, opens it with Enter, and Escape returns focus to it', async () => {
		const page = await newPage(browser, { viewport: { width: 1280, height: 720 } });
		await open(page);
		await page.keyboard.press('Tab');
		await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe(
			'Skip to the grid'
		);
		await page.keyboard.press('Enter');
		const focused = () =>
			page.evaluate(() => {
				const el = document.activeElement as HTMLElement;
				return {
					col: el.getAttribute('col-id'),
					row: el.closest('.ag-row')?.getAttribute('row-id'),
					tag: el.tagName
				};
			});
		await expect(focused()).resolves.toEqual({
			col: 'option',
			row: scenario.options[0]!.id,
			tag: 'DIV'
		});
		// The row header's full description shows for keyboard users (tooltips need a mouse).
		await expect(page.locator('.note').textContent()).resolves.toContain(
			scenario.options[0]!.description
		);
		await page.keyboard.press('ArrowDown');
		await page.keyboard.press('ArrowRight');
		const target = await focused();
		expect(target.row).toBe(scenario.options[1]!.id);
		expect(target.col).toContain('~');
		await page.keyboard.press('Enter');
		const heading = page.getByRole('heading', { level: 2, name: /on “/ });
		await expect(heading.evaluate((h) => h === document.activeElement)).resolves.toBe(true);
		const claims = scenario.claims.filter(
			(c) => c.option === target.row && personColumn(c) === target.col
		);
		const panelText = await page.getByRole('complementary').textContent();
		if (claims.length === 0) expect(panelText).toContain('Not addressed');
		for (const claim of claims) expect(panelText).toContain(shown(claim));
		await page.keyboard.press('Escape');
		await expect(page.getByRole('complementary').count()).resolves.toBe(0);
		await expect(focused()).resolves.toEqual(target);
		expect(pageErrors.get(page)).toEqual([]);
	});

	it('a copied address reproduces the view, filters, sort and selection in a new page', async () => {
		const page = await newPage(browser);
		await open(page);
		await page.getByRole('tab', { name: 'Claims' }).click();
		await page.locator('.stance-chip', { hasText: 'Opposes' }).click();
		const opposed = scenario.claims.filter((c) => c.stance === 'oppose');
		await expect.poll(() => rowCount(page)).toBe(opposed.length);
		await page
			.locator('.ag-header-row-column .ag-header-cell[col-id="date"] .ag-header-cell-label')
			.click();
		await expect.poll(() => page.url()).toContain('sort=date');
		const first = page.locator('.ag-grid-scrolling-container .ag-row[row-index="0"]');
		const claimId = await first.getAttribute('row-id');
		await first.locator('.ag-cell[col-id="consequence"]').click();
		await expect.poll(() => page.url()).toContain('panel=1');
		const url = page.url();
		expect(url).toContain('view=claims');
		expect(url).toContain('stance=oppose');
		expect(url).toContain(`sel=claim~${claimId}`);
		const claim = scenario.claims.find((c) => c.id === claimId)!;

		const again = await newPage(browser);
		await again.goto(url);
		await again.locator('.ag-row').first().waitFor();
		await expect(
			again.getByRole('tab', { name: 'Claims' }).getAttribute('aria-selected')
		).resolves.toBe('true');
		await expect(
			again.locator('.stance-chip', { hasText: 'Opposes' }).locator('input').isChecked()
		).resolves.toBe(true);
		await expect.poll(() => rowCount(again)).toBe(opposed.length);
		await expect(
			again
				.locator('.ag-header-row-column .ag-header-cell[col-id="date"]')
				.getAttribute('aria-sort')
		).resolves.toBe('ascending');
		await expect(
			again.getByRole('complementary').locator('.quote').allTextContents()
		).resolves.toEqual([shown(claim)]);
		await expect(again.url()).toBe(url);
		expect(pageErrors.get(again)).toEqual([]);
	});

	it('a tampered address shows what was ignored, and the workspace still works', async () => {
		const page = await newPage(browser);
		let dialogs = 0;
		page.on('dialog', (d) => {
			dialogs++;
			void d.dismiss();
		});
		await open(
			page,
			'?view=<script>alert(1)</script>&stance=maybe&who=<img src=x onerror=alert(1)>'
		);
		const notice = page.getByRole('status').filter({ hasText: 'could not be used' });
		await notice.waitFor();
		const text = await notice.textContent();
		expect(text).toContain('view=<script>alert(1)</script>');
		expect(text).toContain('stance=maybe');
		expect(text).toContain('who=');
		await expect(
			page.getByRole('tab', { name: 'Matrix' }).getAttribute('aria-selected')
		).resolves.toBe('true');
		await expect(rowCount(page)).resolves.toBe(scenario.options.length);
		await screenshot(page, 'ws-tampered-notice');
		const claim = scenario.claims[0]!;
		await notice.getByRole('button', { name: 'Dismiss' }).click();
		await expect(notice.count()).resolves.toBe(0);
		await open(page, `?sel=cell~${claim.option}~${pair(claim)}&panel=1`);
		await expect(
			page.getByRole('complementary').locator('.quote').allTextContents()
		).resolves.toContain(shown(claim));
		expect(dialogs).toBe(0);
		expect(pageErrors.get(page)).toEqual([]);
	});

	it('ids from another scenario are ignored with a notice', async () => {
		const page = await newPage(browser);
		await open(page, '?source=nowhere&sel=claim~no-such-claim&panel=1&sort=-banana');
		const notice = page.getByRole('status').filter({ hasText: 'could not be used' });
		await notice.waitFor();
		const text = await notice.textContent();
		expect(text).toContain('source=nowhere');
		expect(text).toContain('sel=claim~no-such-claim');
		expect(text).toContain('sort=banana');
		await expect(page.getByRole('complementary').count()).resolves.toBe(0);
	});

	it('a broken file lists every error and keeps the scenario on screen; a valid file replaces it', async () => {
		const page = await newPage(browser);
		await open(page);
		const broken = [
			'meta:',
			'  id: Not A Slug',
			'  title: 42',
			'options: not-a-list',
			'sources: []',
			'claims:',
			'  - id: x',
			'    stance: maybe',
			''
		].join('\n');
		const expected = loadScenario(broken, 'broken.yaml');
		expect(expected.ok).toBe(false);
		const lines = expected.ok ? [] : expected.errors.map(formatLoadError);
		expect(lines.length).toBeGreaterThan(3);
		await page.locator('input[type=file]').setInputFiles({
			name: 'broken.yaml',
			mimeType: 'application/yaml',
			buffer: Buffer.from(broken)
		});
		const alert = page.getByRole('alert');
		await alert.waitFor();
		await expect(alert.locator('li').allTextContents()).resolves.toEqual(lines);
		await expect(alert.textContent()).resolves.toContain('The scenario on screen is unchanged');
		await expect(page.locator('h1').textContent()).resolves.toBe(scenario.meta.title);
		await expect(rowCount(page)).resolves.toBe(scenario.options.length);
		await screenshot(page, 'ws-broken-file');

		await page.locator('input[type=file]').setInputFiles(MINI);
		await expect.poll(() => page.locator('h1').textContent()).toBe(mini.meta.title);
		await expect(page.getByRole('alert').count()).resolves.toBe(0);
		await expect(rowCount(page)).resolves.toBe(mini.options.length);
		// Kept in this browser's library: the link names its record, and a reload finds it again.
		await expect.poll(() => page.url(), { timeout: 15_000 }).toContain('lib=');
		await page.reload();
		await expect
			.poll(() => page.locator('h1').textContent(), { timeout: 15_000 })
			.toBe(mini.meta.title);
		await expect(rowCount(page)).resolves.toBe(mini.options.length);
		// Back to the bundled scenario with the switcher.
		await page.getByRole('combobox', { name: 'Scenario' }).selectOption(scenario.meta.id);
		await expect.poll(() => page.locator('h1').textContent()).toBe(scenario.meta.title);
		expect(pageErrors.get(page)).toEqual([]);
	});

	it('opens a scenario from an address, and the address in the link opens it again', async () => {
		const page = await newPage(browser);
		const address = 'https://scenarios.example.org/class/mini.yaml';
		let requests = 0;
		const serve = async (p: Page) => {
			await p.context().route(address, (route) => {
				requests++;
				return route.fulfill({
					status: 200,
					headers: { 'access-control-allow-origin': '*', 'content-type': 'text/yaml' },
					body: readFileSync(MINI, 'utf8')
				});
			});
			await p
				.context()
				.route('https://scenarios.example.org/missing.yaml', (route) =>
					route.fulfill({ status: 404, headers: { 'access-control-allow-origin': '*' }, body: '' })
				);
		};
		await serve(page);
		await open(page);
		await page.getByRole('button', { name: 'Open from address…' }).click();
		const dialog = page.getByRole('dialog');
		await dialog.getByLabel('Address').fill('https://scenarios.example.org/missing.yaml');
		await dialog.getByRole('button', { name: 'Open' }).click();
		await expect(page.getByRole('alert').textContent()).resolves.toContain('404');
		await expect(page.locator('h1').textContent()).resolves.toBe(scenario.meta.title);

		await page.getByRole('button', { name: 'Open from address…' }).click();
		await dialog.getByLabel('Address').fill(address);
		await dialog.getByRole('button', { name: 'Open' }).click();
		await expect.poll(() => page.locator('h1').textContent()).toBe(mini.meta.title);
		await page.locator('.stance-chip', { hasText: 'Supports' }).click();
		await expect.poll(() => page.url()).toContain('stance=support');
		const url = page.url();
		expect(new URL(url).searchParams.get('src')).toBe(address);

		const again = await newPage(browser);
		await serve(again);
		requests = 0;
		await again.goto(url);
		await expect.poll(() => again.locator('h1').textContent()).toBe(mini.meta.title);
		// Started before the app's code arrived (static/early-link.js) and taken over, not fetched twice.
		expect(requests).toBe(1);
		await expect
			.poll(() => again.locator('.ag-grid-scrolling-container .sg-badge-support').count())
			.toBe(mini.claims.filter((c) => c.stance === 'support').length);
		expect(pageErrors.get(again)).toEqual([]);
	});

	it('a link holds the page still while its scenario loads (no layout shift)', async () => {
		const address = 'https://scenarios.example.org/reference.yaml';
		const page = await newPage(browser);
		await page.addInitScript({
			content: `window.__shift = 0; new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value; }).observe({ type: 'layout-shift', buffered: true });`
		});
		const { release } = await holdAddress(page, address, readFileSync(REFERENCE, 'utf8'));
		await page.goto(inject('baseURL') + `/?src=${encodeURIComponent(address)}`);
		// While it loads the status says what is being opened, where the title will be.
		await expect
			.poll(() => page.getByRole('status').filter({ hasText: 'Opening' }).textContent())
			.toContain(address);
		// The switcher names what is coming, not the bundled scenario the page was prerendered with.
		await expect(
			page.getByRole('combobox', { name: 'Scenario' }).locator('option:checked').textContent()
		).resolves.toBe('The linked scenario (opening)');
		await screenshot(page, 'link-waiting');
		release();
		await page.locator('.ag-row').first().waitFor();
		await expect(page.locator('h1').textContent()).resolves.toBe(scenario.meta.title);
		// The same title as the prerendered default: nothing should have moved at any point.
		await expect(page.evaluate('window.__shift')).resolves.toBeLessThan(0.01);
		expect(pageErrors.get(page)).toEqual([]);
	});

	it('a scenario chosen while a link still loads stays on screen when the link arrives', async () => {
		const address = 'https://scenarios.example.org/slow/mini.yaml';
		const page = await newPage(browser);
		const { release, served } = await holdAddress(page, address, readFileSync(MINI, 'utf8'));
		await page.goto(inject('baseURL') + `/?src=${encodeURIComponent(address)}`);
		const select = page.getByRole('combobox', { name: 'Scenario' });
		await expect
			.poll(() => select.locator('option:checked').textContent())
			.toBe('The linked scenario (opening)');
		await select.selectOption(scenario.meta.id);
		await page.locator('.ag-row').first().waitFor();
		release();
		await expect.poll(served).toBe(true);
		// Give the late answer every chance to be (wrongly) applied.
		await page.waitForTimeout(500);
		await expect(page.locator('h1').textContent()).resolves.toBe(scenario.meta.title);
		expect(new URL(page.url()).searchParams.get('src')).toBeNull();
		await expect(page.getByRole('alert').count()).resolves.toBe(0);
		expect(pageErrors.get(page)).toEqual([]);
	});

	it('a link to a UTF-16 file opens it, decoded by its byte-order mark as a file would be', async () => {
		const address = 'https://scenarios.example.org/utf16.yaml';
		const page = await newPage(browser);
		const utf16 = Buffer.concat([
			Buffer.from([0xff, 0xfe]),
			Buffer.from(readFileSync(MINI, 'utf8'), 'utf16le')
		]);
		await page
			.context()
			.route(address, (route) =>
				route.fulfill({ status: 200, headers: { 'access-control-allow-origin': '*' }, body: utf16 })
			);
		await page.goto(inject('baseURL') + `/?src=${encodeURIComponent(address)}`);
		await expect.poll(() => page.locator('h1').textContent()).toBe(mini.meta.title);
		expect(pageErrors.get(page)).toEqual([]);
	});

	it('option and commentator filters show as chips that can be removed', async () => {
		const page = await newPage(browser);
		const option = scenario.options[1]!;
		const person = scenario.commentators[0]!;
		await open(page, `?option=${option.id}&who=${person.id}`);
		const chips = page.getByRole('list', { name: 'Active filters' });
		await expect(chips.textContent()).resolves.toContain(option.label);
		await expect(chips.textContent()).resolves.toContain(person.name);
		await expect(rowCount(page)).resolves.toBe(1);
		await chips.getByRole('button', { name: new RegExp(`Options: ${option.label}`) }).click();
		await expect.poll(() => page.url()).not.toContain('option=');
		await expect(rowCount(page)).resolves.toBe(scenario.options.length);
		await page.getByRole('button', { name: 'Clear all' }).click();
		await expect.poll(() => page.url()).not.toContain('who=');
	});

	it('the search box, source and kind menus filter every view', async () => {
		const page = await newPage(browser);
		await open(page, '?view=claims');
		const word = 'Tomahawk';
		await page.getByRole('searchbox', { name: 'Search claims' }).fill(word);
		await expect.poll(() => page.url()).toContain(`q=${word}`);
		const matches = await rowCount(page);
		expect(matches).toBeGreaterThan(0);
		expect(matches).toBeLessThan(scenario.claims.length);
		await page.getByRole('searchbox', { name: 'Search claims' }).fill('');
		await page.locator('summary', { hasText: 'Sources' }).click();
		const source = scenario.sources[0]!;
		await page.getByRole('checkbox', { name: new RegExp(source.outlet) }).check();
		await expect.poll(() => page.url()).toContain(`source=${source.id}`);
		await expect
			.poll(() => rowCount(page))
			.toBe(scenario.claims.filter((c) => c.source === source.id).length);
		await page.keyboard.press('Escape');
		await expect(page.locator('details[open]').count()).resolves.toBe(0);
	});

	it('the column chooser hides, shows and pins claims-table columns, and the link keeps them', async () => {
		// Wide, so every visible column is rendered (ag-grid virtualises columns off screen).
		const wide = { viewport: { width: 3600, height: 900 } };
		const page = await newPage(browser, wide);
		await open(page, '?view=claims');
		const header = (col: string) =>
			page.locator(`.ag-header-row-column .ag-header-cell[col-id="${col}"]`);
		await expect(header('quote').count()).resolves.toBe(1);
		await page.locator('summary', { hasText: 'Columns' }).click();
		await page.getByRole('checkbox', { name: 'Show Quote' }).uncheck();
		await expect.poll(() => header('quote').count()).toBe(0);
		await page.getByRole('checkbox', { name: 'Show Claim id' }).check();
		await expect.poll(() => header('claim_id').count()).toBe(1);
		await page.getByRole('checkbox', { name: 'Pin Commentator to the left' }).check();
		await expect
			.poll(() =>
				page
					.locator('.ag-header-row-column .ag-grid-pinned-left-cells [col-id="commentator"]')
					.count()
			)
			.toBe(1);
		const url = new URL(page.url());
		expect(url.searchParams.getAll('cols')).not.toContain('quote');
		expect(url.searchParams.getAll('cols')).toContain('claim_id');
		const again = await newPage(browser, wide);
		await again.goto(url.href);
		await again.locator('.ag-row').first().waitFor();
		await expect(
			again.locator('.ag-header-row-column .ag-header-cell[col-id="claim_id"]').count()
		).resolves.toBe(1);
		await expect(
			again.locator('.ag-header-row-column .ag-header-cell[col-id="quote"]').count()
		).resolves.toBe(0);
	});

	it('an option shows its description on hover, and a commentator header their role', async () => {
		const page = await newPage(browser);
		await open(page);
		const option = scenario.options[0]!;
		await page.locator(`.ag-row[row-id="${option.id}"] .ag-cell[col-id="option"]`).hover();
		await expect
			.poll(() => page.locator('.ag-tooltip').textContent(), { timeout: 5000 })
			.toBe(option.description);
		const person = scenario.commentators[0]!;
		await page.mouse.move(0, 0);
		await page.locator(`.ag-header-cell[col-id$="~${person.id}"]`).first().hover();
		await expect
			.poll(() => page.locator('.ag-tooltip').textContent(), { timeout: 5000 })
			.toContain(person.role);
	});

	it("the Charts tab loads the charts, and a chart's table filters every view", async () => {
		const page = await newPage(browser);
		await open(page);
		await page.getByRole('tab', { name: 'Charts' }).click();
		await page.locator('[data-chart] canvas').first().waitFor();
		expect(page.url()).toContain('view=charts');
		const details = page.locator('[data-chart="agreement-ranking"] details');
		await details.locator('summary').click();
		await details
			.getByRole('button', { name: /Show the claims on/ })
			.first()
			.click();
		await expect.poll(() => page.url()).toContain('option=');
		const optionId = new URL(page.url()).searchParams.get('option')!;
		const label = scenario.options.find((o) => o.id === optionId)!.label;
		// The option's claims are listed at once, grouped by stance; Escape closes the list.
		await expect(
			page.getByRole('dialog', { name: label }).locator('[data-claim]').count()
		).resolves.toBe(scenario.claims.filter((c) => c.option === optionId).length);
		await page.keyboard.press('Escape');
		await expect(page.getByRole('dialog').count()).resolves.toBe(0);
		await expect(
			page.getByRole('list', { name: 'Active filters' }).textContent()
		).resolves.toContain(label);
		await page.getByRole('tab', { name: 'Matrix' }).click();
		await page.locator('.ag-row').first().waitFor();
		await expect(rowCount(page)).resolves.toBe(1);
		expect(pageErrors.get(page)).toEqual([]);
	});

	it('a file dropped on the page is opened the same way', async () => {
		const page = await newPage(browser);
		await open(page);
		const drop = async (name: string, text: string) => {
			const data = await page.evaluateHandle(
				([n, t]) => {
					const transfer = new DataTransfer();
					transfer.items.add(new File([t], n, { type: 'text/yaml' }));
					return transfer;
				},
				[name, text] as const
			);
			await page.dispatchEvent('main', 'dragenter', { dataTransfer: data });
			await page.dispatchEvent('main', 'drop', { dataTransfer: data });
		};
		await drop('bad.yaml', 'meta: [unclosed');
		await expect(page.getByRole('alert').textContent()).resolves.toContain('bad.yaml:');
		await expect(page.locator('h1').textContent()).resolves.toBe(scenario.meta.title);
		await drop('mini.yaml', readFileSync(MINI, 'utf8'));
		await expect.poll(() => page.locator('h1').textContent()).toBe(mini.meta.title);
		await expect(page.locator('.drop').count()).resolves.toBe(0);
	});

	it('theme and large type are switched from the bar and kept in the address', async () => {
		const page = await newPage(browser);
		await open(page);
		await page.getByRole('radio', { name: 'Dark' }).check();
		await expect.poll(() => page.url()).toContain('theme=dark');
		await expect(page.evaluate(() => document.documentElement.dataset.theme)).resolves.toBe('dark');
		const large = page.getByRole('button', { name: /Large type/ });
		await large.click();
		await expect(large.getAttribute('aria-pressed')).resolves.toBe('true');
		await expect.poll(() => page.url()).toContain('size=large');
		await expect(
			page.evaluate(() => getComputedStyle(document.documentElement).fontSize)
		).resolves.toBe('22px');
		const cellFont = await page
			.locator('.ag-cell')
			.first()
			.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
		expect(cellFont).toBeGreaterThanOrEqual(19);
		await page.getByRole('radio', { name: 'System' }).check();
		await expect.poll(() => page.url()).not.toContain('theme=');
		await expect(
			page.evaluate(() => document.documentElement.dataset.theme ?? null)
		).resolves.toBeNull();
	});

	it("works before the grid's code arrives, and says so if it never does", async () => {
		// The chunk the page fetches after hydrating (src/lib/grid/grid-library.ts), by the build's
		// own manifest; every other script still loads.
		const manifest = JSON.parse(
			readFileSync('.svelte-kit/output/client/.vite/manifest.json', 'utf8')
		) as Record<string, { file: string }>;
		const chunk = manifest['src/lib/grid/grid-library.ts']!.file;
		const page = await newPage(browser);
		await page.route(`**/${chunk}`, (route) => route.abort());
		await page.goto(inject('baseURL') + '/');
		await expect
			.poll(() => page.locator('#grid').textContent())
			.toContain('The grid could not be loaded');
		// The rest of the workspace has hydrated: a tab still switches the view and the address.
		await page.getByRole('tab', { name: /Claims/ }).click();
		await expect.poll(() => page.url()).toContain('view=claims');
		await expect(page.locator('#grid').textContent()).resolves.toContain(
			'The grid could not be loaded'
		);
		await screenshot(page, 'grid-unavailable');
		expect(pageErrors.get(page)).toEqual([]);
	});
});
