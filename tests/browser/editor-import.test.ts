/**
 * Article files of every type the editor opens (txt, html with script and event-handler
 * attributes, docx, pdf), and citation files from each of CSL-JSON, RIS and BibTeX, through the
 * editor's own file inputs in the built site (its CSP in force: the PDF worker comes from 'self').
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { makeDocx, makePdf } from '../fixtures/articles/make-binary';
import { launchChromium, newPage, pageErrors } from './chromium';
import { openArticleFile, section, startScenario } from './editor-helpers';

const paneText = (page: Page) =>
	page.getByRole('textbox', { name: /^Text of / }).evaluate((n) => n.textContent ?? '');

describe('editor: article files and citation files', () => {
	let browser: Browser;
	let page: Page;
	/** Nothing from an article may even try to run: the CSP would block it, but it must not come to that. */
	const cspViolations: string[] = [];
	beforeAll(async () => {
		browser = await launchChromium();
		page = await newPage(browser);
		page.on('dialog', (d) => void d.dismiss());
		page.on('console', (m) => {
			if (/Content Security Policy/.test(m.text())) cspViolations.push(m.text());
		});
		await startScenario(page, inject('baseURL'), 'Imports', 'Does every file type open?');
	});
	afterAll(async () => {
		await browser?.close();
	});

	it('opens a .txt file', async () => {
		const buffer = readFileSync('tests/fixtures/articles/review-buses.txt');
		await openArticleFile(page, { name: 'review.txt', mimeType: 'text/plain', buffer });
		await section(page, 'Read & code');
		expect(await paneText(page)).toContain('A congestion charge without better buses is a tax');
	});

	it('extracts the article from .html as text only: nothing in it runs', async () => {
		const buffer = readFileSync('tests/fixtures/articles/hostile.html');
		await openArticleFile(page, { name: 'harbour.html', mimeType: 'text/html', buffer });
		const form = page.locator('fieldset.source');
		expect(await form.getByLabel('Title', { exact: true }).inputValue()).toBe(
			'Harbour plan splits the town'
		);
		expect(await form.getByLabel('Outlet', { exact: true }).inputValue()).toBe('Harbour Herald');
		await section(page, 'Read & code');
		await page
			.locator('#read-source')
			.selectOption({ label: 'Harbour plan splits the town — Harbour Herald' });
		const text = await paneText(page);
		expect(text).toContain(
			'“Dredging stirs up the silt and the catch goes with it,” said Tomas Berg'.replace(
				/[“”]/g,
				'"'
			)
		);
		expect(text).toContain('The council will decide in spring.');
		expect(text).not.toMatch(/__hostileRan|<script|onerror|Copyright the Harbour Herald/);
		expect(
			await page.evaluate(() => (window as unknown as { __hostileRan?: number }).__hostileRan)
		).toBeUndefined();
		expect(await page.locator('.pane img, .pane script').count()).toBe(0);
		// Chromium reports each handler attribute it parses against the CSP, even in an inert
		// document; what matters is that none ever ran (the page's own CSP would block it too).
		expect(cspViolations.every((m) => /inline event handler/.test(m))).toBe(true);
	});

	it('reads the raw text of a .docx', async () => {
		const buffer = Buffer.from(
			makeDocx(['Wind farms offshore', 'The minister said the turbines would be built by 2030.'])
		);
		await openArticleFile(page, {
			name: 'wind.docx',
			mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
			buffer
		});
		await section(page, 'Read & code');
		await page.locator('#read-source').selectOption({ label: 'wind — not stated' });
		expect(await paneText(page)).toContain(
			'The minister said the turbines would be built by 2030.'
		);
	});

	it("reads a .pdf's text layer with pdf.js, its worker from the site itself", async () => {
		const buffer = Buffer.from(
			makePdf([
				'Tidal power in the bay',
				'Engineers expect the barrage to supply ten thousand homes.'
			])
		);
		await openArticleFile(page, { name: 'tidal.pdf', mimeType: 'application/pdf', buffer });
		await section(page, 'Read & code');
		await page.locator('#read-source').selectOption({ label: 'tidal — not stated' });
		expect(await paneText(page)).toContain(
			'Engineers expect the barrage to supply ten thousand homes.'
		);
	});

	it('refuses a file it cannot read, saying which and why', async () => {
		await section(page, 'Sources');
		await page.getByLabel('Open an article file (.txt, .html, .docx or .pdf)').setInputFiles({
			name: 'broken.pdf',
			mimeType: 'application/pdf',
			buffer: Buffer.from('not a pdf')
		});
		await page
			.getByRole('alert')
			.filter({ hasText: /^broken\.pdf: could not be read as PDF/ })
			.waitFor();
	});

	for (const [file, mimeType] of [
		['zotero.json', 'application/json'],
		['zotero.ris', 'application/x-research-info-systems'],
		['zotero.bib', 'application/x-bibtex']
	] as const) {
		it(`fills a source from a citation file: ${file}`, async () => {
			await section(page, 'Sources');
			const form = page.locator('fieldset.source');
			await form.getByLabel('Citation file (CSL-JSON, RIS or BibTeX)').setInputFiles({
				name: file,
				mimeType,
				buffer: readFileSync(`tests/fixtures/citations/${file}`)
			});
			// A file with several citations (the RIS and BibTeX fixtures hold two) offers each.
			if (file !== 'zotero.json')
				await form
					.getByRole('group', { name: 'Citations in the file' })
					.getByRole('button')
					.first()
					.click();
			const expected = {
				'zotero.json': ['Trump’s Tomahawk threat', 'Responsible Statecraft', '2025-10-14'],
				'zotero.ris': ['Europe weighs a reassurance force', 'Town Gazette', '2025-09-09'],
				'zotero.bib': ["Trump's Tomahawk threat", 'Responsible Statecraft online', '2025-10-14']
			}[file];
			await expect
				.poll(() => form.getByLabel('Title', { exact: true }).inputValue())
				.toBe(expected[0]);
			expect(await form.getByLabel('Outlet', { exact: true }).inputValue()).toBe(expected[1]);
			expect(await form.getByLabel('Date', { exact: true }).inputValue()).toBe(expected[2]);
			await form.getByText(/^Filled from the citation file/).waitFor();
		});
	}

	it('raised no page errors', () => {
		expect(pageErrors.get(page)).toEqual([]);
	});
});
