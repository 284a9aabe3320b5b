/**
 * "Copy link" in the editor, then the link opened in another browser: the workspace lays out the
 * authored scenario (its options as rows, its commentators as columns, every claim in its cell)
 * and each cell's quote is the passage selected in the editor, word for word. The scenario travels
 * in the fragment; the article text does not.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { decodeScenarioLink } from '../../src/lib/authoring/share-link';
import { STANCE_LOOK } from '../../src/lib/present/stance';
import type { Scenario } from '../../src/lib/scenario/schema';
import { launchChromium, newPage, pageErrors } from './chromium';
import {
	expectVerbatim,
	GAZETTE,
	gazetteWithFirstClaim,
	ramanClaims,
	saved,
	section
} from './editor-helpers';

/** The matrix cell of an option and a person (one column per person, whatever the layout). */
const cell = (page: Page, option: string, person: string) =>
	page.locator(`.ag-row[row-id="${option}"] .ag-cell[col-id$="~${person}"]`).first();

describe('sharing from the editor', () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await launchChromium();
	});
	afterAll(async () => {
		await browser?.close();
	});

	it('a copied link opens the authored scenario in the workspace, its quotes verbatim', async () => {
		const base = inject('baseURL');
		const editor = await newPage(browser);
		await editor.context().grantPermissions(['clipboard-read', 'clipboard-write']);
		await gazetteWithFirstClaim(
			editor,
			base,
			'Riverside by link',
			'How should Riverside cut traffic in the old town?'
		);
		await ramanClaims(editor, { newBusesOption: true });
		await section(editor, 'Scenario');
		await editor.getByLabel('Coded by').fill('A. Sharer');
		await editor.getByRole('heading', { name: /^No problems/ }).waitFor();
		await saved(editor);

		await editor.getByRole('button', { name: 'Copy link' }).click();
		await editor.getByText(/^Link copied \([\d,]+ characters\)/).waitFor();
		const link = await editor.evaluate(() => navigator.clipboard.readText());
		expect(await editor.getByLabel('Link to this scenario').inputValue()).toBe(link);
		const url = new URL(link);
		expect(url.origin + url.pathname).toBe(base + '/');
		expect(url.search).toBe('');
		expect(url.hash).toMatch(/^#scenario=/);
		// What the link carries: this scenario, with quotes taken from the pasted text.
		const decoded = await decodeScenarioLink(url.hash);
		if (!decoded.ok) throw new Error('the link does not decode');
		const scenario = JSON.parse(decoded.text) as Scenario;
		expect(scenario.meta.title).toBe('Riverside by link');
		expect(scenario.claims).toHaveLength(3);
		expect(decoded.text).not.toContain('The council will vote next month');
		expectVerbatim(scenario.claims, new Map([[scenario.sources[0]!.id, GAZETTE]]));
		expect(pageErrors.get(editor)).toEqual([]);

		// Another browser (nothing in its storage) opens the link.
		const reader = await newPage(browser, { viewport: { width: 1366, height: 900 } });
		await reader.goto(link);
		await expect
			.poll(() => reader.locator('h1').textContent(), { timeout: 15_000 })
			.toContain('Riverside by link');
		for (const option of scenario.options) {
			await expect(
				reader
					.locator(`.ag-grid-scrolling-container .ag-row[row-id="${option.id}"] .sg-rowhead-label`)
					.textContent()
			).resolves.toBe(option.label);
		}
		for (const person of scenario.commentators) {
			const headers = reader.locator(`.ag-header-cell[col-id$="~${person.id}"]`);
			await expect(headers.first().textContent()).resolves.toContain(person.name);
		}
		for (const c of scenario.claims) {
			const target = cell(reader, c.option, c.commentator);
			await expect(target.textContent()).resolves.toContain(STANCE_LOOK[c.stance].word);
			await target.click();
			const panel = reader.getByRole('complementary');
			await expect
				.poll(() => panel.locator('.quote').allTextContents())
				.toContain(`“${c.quote.exact}”`);
			expect(GAZETTE).toContain(c.quote.exact);
		}
		expect(pageErrors.get(reader)).toEqual([]);
	});
});
