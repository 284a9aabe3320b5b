/**
 * The whole build-a-scenario flow by keyboard alone: Tab to reach every control, letters and
 * arrows to fill and pick, N / Shift+N / Enter to select passages in the reading pane, arrows and
 * Enter to edit a grid cell, Ctrl+Z / Ctrl+Shift+Z, and Enter on Download. Not one pointer event
 * reaches the page; the downloaded file is valid and its quotes are verbatim.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, newPage, pageErrors } from './chromium';
import {
	download,
	expectVerbatim,
	GAZETTE,
	readYamlScenario,
	saved,
	tabTo,
	validate
} from './editor-helpers';

/** Focuses a field by Tab, selects what it holds and types over it. */
async function typeInto(page: Page, field: Locator, text: string) {
	await tabTo(page, field);
	await page.keyboard.press('Control+A');
	await page.keyboard.type(text);
}

async function press(page: Page, control: Locator, key = 'Enter') {
	await tabTo(page, control);
	await page.keyboard.press(key);
}

const selectionText = (page: Page) => page.evaluate(() => window.getSelection()?.toString() ?? '');

/**
 * From the reading pane: N moves the selection a sentence on until it is exactly `sentence`, then
 * Shift+N extends it by `more` sentences; Enter opens the claim form for the selection.
 */
async function selectSentence(page: Page, sentence: string, more: string[] = []) {
	const pane = page.getByRole('textbox', { name: /^Text of / });
	await tabTo(page, pane);
	for (let i = 0; i < 30 && (await selectionText(page)) !== sentence; i++)
		await page.keyboard.press('n');
	expect(await selectionText(page)).toBe(sentence);
	for (const next of more) {
		await page.keyboard.press('Shift+N');
		expect(await selectionText(page)).toBe(`${sentence} ${next}`);
	}
	await page.keyboard.press('Enter');
	await page.getByRole('heading', { name: 'New claim from the selection' }).waitFor();
}

/** Picks a radio of the stance group: Tab reaches the first, arrows move and check. */
async function stance(page: Page, word: 'Supports' | 'Conditional' | 'Opposes') {
	const form = page.locator('form.claim');
	await tabTo(page, form.getByRole('radio', { name: /Supports/ }));
	const steps = { Supports: 0, Conditional: 1, Opposes: 2 }[word];
	if (steps === 0) await page.keyboard.press('Space');
	for (let i = 0; i < steps; i++) await page.keyboard.press('ArrowDown');
	expect(await form.getByRole('radio', { name: new RegExp(word) }).isChecked()).toBe(true);
}

async function addClaim(page: Page, consequence: string) {
	const form = page.locator('form.claim');
	await typeInto(page, form.getByLabel(/What the source expects/), consequence);
	// Enter in the last field submits the form, as in any form.
	await page.keyboard.press('Enter');
	await page.getByRole('heading', { name: /^Claims from this source/ }).waitFor();
}

describe('the editor by keyboard alone', () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await launchChromium();
	});
	afterAll(async () => {
		await browser?.close();
	});

	it('builds, edits, undoes and downloads a scenario with no pointer at all', async () => {
		const page = await newPage(browser, { acceptDownloads: true });
		await page.addInitScript(() => {
			const w = window as unknown as { __pointer: string[] };
			w.__pointer = [];
			for (const type of ['pointerdown', 'mousedown', 'wheel'])
				document.addEventListener(type, () => w.__pointer.push(type), true);
		});
		const sections = () => page.getByRole('navigation', { name: 'Editor sections' });
		await page.goto(inject('baseURL') + '/edit');

		await typeInto(page, page.getByLabel('Title'), 'Old town traffic');
		await typeInto(
			page,
			page.getByLabel('The question it answers'),
			'How should Riverside cut traffic?'
		);
		await page.keyboard.press('Enter');
		await page.getByRole('heading', { level: 1, name: 'Old town traffic' }).waitFor();

		// A source from pasted text (insertText is what a paste with Ctrl+V types).
		await press(page, sections().getByRole('button', { name: 'Sources', exact: true }));
		await tabTo(page, page.getByLabel("Paste the article's text"));
		await page.keyboard.insertText(GAZETTE);
		await press(page, page.getByRole('button', { name: 'Add pasted text' }));
		await page.getByText(/^Added "Pasted article"/).waitFor();
		const source = page.locator('fieldset.source');
		await typeInto(page, source.getByLabel('Title', { exact: true }), 'Riverside weighs a charge');
		await typeInto(page, source.getByLabel('Outlet', { exact: true }), 'Riverside Gazette');
		await typeInto(page, source.getByLabel('Date', { exact: true }), '2025-09-09');
		// The kinds are listed op-ed, analysis, news explainer, news report: End picks the last.
		await press(page, source.getByLabel('Kind'), 'End');
		expect(await source.getByLabel('Kind').inputValue()).toBe('news-report');
		await press(page, page.getByRole('button', { name: 'Read and code this source' }));

		// Claim 1: a new option and a commentator named near the passage.
		await selectSentence(
			page,
			'Mayor Helen Ortiz, who proposed the charge, said a daily fee of four pounds would cut traffic by a fifth within a year.'
		);
		const form = page.locator('form.claim');
		await typeInto(page, form.getByLabel("New option's label"), 'Congestion charge');
		await press(
			page,
			form
				.getByRole('group', { name: 'Names near the passage' })
				.getByRole('button', { name: 'Helen Ortiz' })
		);
		expect(await form.getByLabel('Name', { exact: true }).inputValue()).toBe('Helen Ortiz');
		await stance(page, 'Supports');
		await addClaim(page, 'Cuts traffic by a fifth in a year.');

		// Claim 2: two sentences (Shift+N extends), the same option (first in its list), another
		// person named near the passage.
		await selectSentence(
			page,
			'Priya Raman, who runs a bakery on Bridge Street, said the fee would keep shoppers away.',
			[
				'"People will simply drive to the retail park instead, and the old town will empty out," she said.'
			]
		);
		await press(
			page,
			form
				.getByRole('group', { name: 'Names near the passage' })
				.getByRole('button', { name: 'Priya Raman' })
		);
		await stance(page, 'Opposes');
		await addClaim(page, 'Keeps shoppers away.');

		// Claim 3: a new option picked with End, a listed person picked with an arrow.
		await selectSentence(
			page,
			'Raman said she would back more buses, but only if they ran late enough for evening trade.'
		);
		await press(page, form.getByLabel('Option', { exact: true }), 'End');
		await typeInto(page, form.getByLabel("New option's label"), 'More buses');
		await press(page, form.getByLabel('Commentator', { exact: true }), 'ArrowDown');
		expect(
			await form
				.getByLabel('Commentator', { exact: true })
				.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent)
		).toBe('Priya Raman');
		await stance(page, 'Conditional');
		await addClaim(page, 'Helps only if buses run late.');

		// The grid, by keys: Tab into it, arrows to the first claim's consequence, Enter to edit.
		await press(page, sections().getByRole('button', { name: 'Grid', exact: true }));
		const grid = page.getByRole('grid', { name: 'Claims, editable' });
		await grid.waitFor();
		const focus = () =>
			page.evaluate(() => {
				const el = document.activeElement;
				return {
					inGrid: !!el?.closest('[role="grid"]'),
					header: !!el?.closest('.ag-header'),
					row: el?.closest('.ag-row')?.getAttribute('row-index') ?? null,
					col: el?.getAttribute('col-id') ?? null
				};
			});
		for (let i = 0; i < 60 && !(await focus()).inGrid; i++) await page.keyboard.press('Tab');
		if ((await focus()).header) await page.keyboard.press('ArrowDown');
		for (let i = 0; i < 10 && (await focus()).col !== 'consequence'; i++)
			await page.keyboard.press('ArrowRight');
		expect(await focus()).toEqual({
			inGrid: true,
			header: false,
			row: '0',
			col: 'consequence'
		});
		const cell = grid.locator('.ag-row[row-index="0"] [col-id="consequence"]');
		await page.keyboard.press('Enter');
		await page.keyboard.press('Control+A');
		await page.keyboard.type('Cuts traffic by a fifth within a year.');
		await page.keyboard.press('Enter');
		await expect.poll(() => cell.textContent()).toBe('Cuts traffic by a fifth within a year.');
		await page.keyboard.press('Control+Z');
		await expect.poll(() => cell.textContent()).toBe('Cuts traffic by a fifth in a year.');
		await page.keyboard.press('Control+Shift+Z');
		await expect.poll(() => cell.textContent()).toBe('Cuts traffic by a fifth within a year.');

		// What a valid file still needs, then the download, all by keys.
		await press(page, sections().getByRole('button', { name: 'Scenario', exact: true }), 'Enter');
		await typeInto(page, page.getByLabel('Coded by'), 'A. Keyboard');
		await expect
			.poll(() => page.getByRole('heading', { name: /^No problems/ }).count(), { timeout: 5000 })
			.toBe(1);
		await saved(page);
		const { file, text } = await download(page, () =>
			press(page, page.getByRole('button', { name: 'Download YAML' }), 'Enter')
		);

		expect(validate(file)).toMatch(
			/valid scenario "old-town-traffic": 2 options, 2 commentators, 1 sources?, 3 claims/
		);
		const scenario = readYamlScenario(text);
		expectVerbatim(scenario.claims, new Map([[scenario.sources[0]!.id, GAZETTE]]));
		expect(scenario.claims.map((c) => c.quote.exact)).toContain(
			'Raman said she would back more buses, but only if they ran late enough for evening trade.'
		);
		expect(
			await page.evaluate(() => (window as unknown as { __pointer: string[] }).__pointer)
		).toEqual([]);
		expect(pageErrors.get(page)).toEqual([]);
	}, 180_000);
});
