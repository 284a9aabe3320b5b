/**
 * Issue 12's first bar: a scenario built entirely through the editor from two article texts
 * (tests/fixtures/articles): 3 options, 4 commentators, 8 claims, a grid edit, an undo and a
 * reload in the middle. The downloaded YAML must pass `stancegrid validate`, and every quote in
 * it must be found verbatim in the text it was selected from. The flow's time is printed.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, newPage, pageErrors, SCREENSHOT_DIR } from './chromium';
import {
	claim,
	download,
	expectVerbatim,
	GAZETTE,
	gazetteWithFirstClaim,
	pasteSource,
	ramanClaims,
	readYamlScenario,
	REVIEW,
	saved,
	section,
	selectInPane,
	sourceDetails,
	validate
} from './editor-helpers';

describe('building a scenario in the editor', () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await launchChromium();
	});
	afterAll(async () => {
		await browser?.close();
	});

	it('from two pasted articles to a valid file, with a grid edit, an undo and a reload', async () => {
		const base = inject('baseURL');
		const page = await newPage(browser, { acceptDownloads: true });
		const started = performance.now();
		await gazetteWithFirstClaim(
			page,
			base,
			'Riverside traffic',
			'How should Riverside cut traffic in the old town?'
		);
		await selectInPane(page, 'every pound it raises will go into buses');
		await claim(page, {
			option: 'More buses',
			newOption: true,
			commentator: 'Helen Ortiz',
			stance: 'Supports',
			consequence: 'Charge revenue pays for buses.'
		});
		await ramanClaims(page, { newBusesOption: false });
		await saved(page);

		// A reload in the middle: the work is there, from the library.
		await page.reload();
		await page.getByRole('heading', { level: 1, name: 'Riverside traffic' }).waitFor();

		await pasteSource(page, REVIEW);
		await sourceDetails(page, {
			title: 'Buses first, charges later?',
			outlet: 'Civic Mobility Review',
			date: '2025-10',
			authors: 'Daniel Brandt',
			kind: 'analysis',
			url: 'not stated'
		});
		await section(page, 'Read & code');
		await page
			.getByLabel('Source', { exact: true })
			.selectOption({ label: 'Buses first, charges later? — Civic Mobility Review' });
		await selectInPane(
			page,
			'Doubling the frequency of the two main bus routes would cost about as much as the charge would raise in its first year'
		);
		await claim(page, {
			option: 'More buses',
			commentator: 'Daniel Brandt',
			newCommentator: true,
			stance: 'Supports',
			consequence: 'Buses first makes a later charge avoidable.'
		});
		await selectInPane(
			page,
			'A congestion charge without better buses is a tax on people who have no choice'
		);
		await claim(page, {
			option: 'Congestion charge',
			commentator: 'Samuel Okafor',
			newCommentator: true,
			nearby: true,
			stance: 'Conditional',
			consequence: 'Fair only once buses are good.'
		});
		await selectInPane(
			page,
			'New roads fill up. Within three years the old town will be as jammed as it is today.'
		);
		await claim(page, {
			option: 'Wait for the bypass',
			newOption: true,
			commentator: 'Samuel Okafor',
			stance: 'Opposes',
			consequence: 'The bypass fills up within three years.'
		});
		await selectInPane(
			page,
			'A charge on its own cuts traffic, but the cut fades if people have no other way to travel'
		);
		await claim(page, {
			option: 'Congestion charge',
			commentator: 'Daniel Brandt',
			stance: 'Conditional',
			consequence: 'Cut fades without alternatives.'
		});

		// A grid edit, then undo and redo: the claims table is a spreadsheet.
		await section(page, 'Grid');
		const grid = page.getByRole('grid', { name: 'Claims, editable' });
		await grid.waitFor();
		const cell = grid.locator('.ag-row[row-index="0"] [col-id="consequence"]');
		await cell.dblclick();
		await page.keyboard.press('Control+A');
		await page.keyboard.type('Cuts traffic by a fifth within a year.');
		await page.keyboard.press('Enter');
		await expect.poll(() => cell.textContent()).toBe('Cuts traffic by a fifth within a year.');
		const stance = grid.locator('.ag-row[row-index="1"] [col-id="stance"]');
		// By keyboard: Enter opens the cell's list, ArrowDown picks the next stance, Enter keeps it.
		// The list opens a moment after Enter (on a busy machine, after keys sent at once): a
		// person presses ArrowDown once they see it.
		await stance.click();
		await page.keyboard.press('Enter');
		await page.locator('.ag-picker-expanded').waitFor();
		await page.keyboard.press('ArrowDown');
		await page.keyboard.press('Enter');
		await expect.poll(() => stance.textContent()).toMatch(/Conditional/);
		await page.locator('h1').click();
		await page.keyboard.press('Control+Z');
		await expect.poll(() => stance.textContent()).toMatch(/Supports/);
		await expect.poll(() => cell.textContent()).toBe('Cuts traffic by a fifth within a year.');

		// The details still needed for a valid file.
		await section(page, 'Scenario');
		await page.getByLabel('Coded by').fill('A. Tester');
		await expect
			.poll(() => page.getByRole('heading', { name: /^No problems/ }).count(), { timeout: 5000 })
			.toBe(1);
		await saved(page);
		await page.screenshot({ path: `${SCREENSHOT_DIR}/editor-flow-1366.png`, fullPage: false });

		const { file, text } = await download(page, () =>
			page.getByRole('button', { name: 'Download YAML' }).click()
		);
		const seconds = (performance.now() - started) / 1000;
		console.log(
			`editor flow: 2 sources, 8 claims, scripted through the UI in ${seconds.toFixed(1)} s`
		);

		expect(validate(file)).toMatch(
			/valid scenario "riverside-traffic": 3 options, 4 commentators, 2 sources, 8 claims, 0 dimensions/
		);
		const scenario = readYamlScenario(text);
		expect(scenario.claims).toHaveLength(8);
		expectVerbatim(
			scenario.claims,
			new Map([
				[scenario.sources[0]!.id, GAZETTE],
				[scenario.sources[1]!.id, REVIEW]
			])
		);
		expect(pageErrors.get(page)).toEqual([]);
	});
});
