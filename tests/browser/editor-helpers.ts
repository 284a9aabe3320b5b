/** Steps through the scenario editor the way a person does, for the editor's browser tests. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { parse } from 'yaml';

/** The two short articles the editor tests code (tests/fixtures/articles). */
export const GAZETTE = readFileSync(
	'tests/fixtures/articles/gazette-congestion.txt',
	'utf8'
).trim();
export const REVIEW = readFileSync('tests/fixtures/articles/review-buses.txt', 'utf8').trim();

export async function startScenario(page: Page, base: string, title: string, question: string) {
	await page.goto(base + '/edit');
	await page.getByLabel('Title').fill(title);
	await page.getByLabel('The question it answers').fill(question);
	await page.getByRole('button', { name: 'Create and start editing' }).click();
	await page.getByRole('heading', { level: 1, name: title }).waitFor();
	await page.waitForURL(/\/edit\?key=/);
}

export async function section(page: Page, name: 'Scenario' | 'Sources' | 'Read & code' | 'Grid') {
	await page
		.getByRole('navigation', { name: 'Editor sections' })
		.getByRole('button', { name, exact: true })
		.click();
}

export async function pasteSource(page: Page, text: string) {
	await section(page, 'Sources');
	await page.getByLabel("Paste the article's text").fill(text);
	await page.getByRole('button', { name: 'Add pasted text' }).click();
	await page.getByText(/^Added "Pasted article"/).waitFor();
}

export async function openArticleFile(
	page: Page,
	file: { name: string; mimeType: string; buffer: Buffer }
) {
	await section(page, 'Sources');
	await page.getByLabel('Open an article file (.txt, .html, .docx or .pdf)').setInputFiles(file);
	await page.getByText(new RegExp(`^Added "${file.name.replace('.', '\\.')}"`)).waitFor();
}

/** Fills the details of the source being edited. */
export async function sourceDetails(
	page: Page,
	d: { title: string; outlet: string; date: string; authors: string; kind: string; url: string }
) {
	const form = page.locator('fieldset.source');
	await form.getByLabel('Title', { exact: true }).fill(d.title);
	await form.getByLabel('Outlet', { exact: true }).fill(d.outlet);
	await form.getByLabel('Date', { exact: true }).fill(d.date);
	await form.getByLabel('Authors (separate with ;)').fill(d.authors);
	await form.getByLabel('Kind').selectOption(d.kind);
	await form.getByLabel('Address (http or https)').fill(d.url);
}

/** Selects `phrase` in the reading pane as a mouse selection does, and lets go. */
export async function selectInPane(page: Page, phrase: string) {
	const pane = page.getByRole('textbox', { name: /^Text of / });
	await pane.waitFor();
	const found = await pane.evaluate((node, phrase) => {
		const text = node.textContent ?? '';
		const start = text.indexOf(phrase);
		if (start < 0) return false;
		const end = start + phrase.length;
		const point = (at: number): [Node, number] => {
			const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
			let seen = 0;
			for (let n = walker.nextNode(); n; n = walker.nextNode()) {
				const len = n.nodeValue?.length ?? 0;
				if (at <= seen + len) return [n, at - seen];
				seen += len;
			}
			return [node, node.childNodes.length];
		};
		const range = document.createRange();
		range.setStart(...point(start));
		range.setEnd(...point(end));
		const sel = window.getSelection()!;
		sel.removeAllRanges();
		sel.addRange(range);
		node.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
		return true;
	}, phrase);
	expect(found, `"${phrase}" is in the pane`).toBe(true);
	await page.getByRole('heading', { name: 'New claim from the selection' }).waitFor();
}

export async function claim(
	page: Page,
	c: {
		option: string;
		newOption?: boolean;
		commentator: string;
		newCommentator?: boolean;
		nearby?: boolean;
		stance: 'Supports' | 'Conditional' | 'Opposes';
		consequence: string;
	}
) {
	const form = page.locator('form.claim');
	if (c.newOption) {
		await form.getByLabel('Option', { exact: true }).selectOption({ label: 'New option…' });
		await form.getByLabel("New option's label").fill(c.option);
	} else await form.getByLabel('Option', { exact: true }).selectOption({ label: c.option });
	if (c.nearby) {
		await form
			.getByRole('group', { name: 'Names near the passage' })
			.getByRole('button', { name: c.commentator, exact: true })
			.click();
		if (c.newCommentator)
			await expect(await form.getByLabel('Name', { exact: true }).inputValue()).toBe(c.commentator);
	} else if (c.newCommentator) {
		await form
			.getByLabel('Commentator', { exact: true })
			.selectOption({ label: 'New commentator…' });
		await form.getByLabel('Name', { exact: true }).fill(c.commentator);
	} else
		await form.getByLabel('Commentator', { exact: true }).selectOption({ label: c.commentator });
	await form.getByRole('radio', { name: new RegExp(c.stance) }).check();
	await form.getByLabel(/What the source expects/).fill(c.consequence);
	await form.getByRole('button', { name: 'Add claim' }).click();
	await page.getByRole('heading', { name: /^Claims from this source/ }).waitFor();
}

/** Waits until the editor says the draft is saved in the library. */
export async function saved(page: Page) {
	await page
		.getByRole('status')
		.filter({ hasText: /^Saved in this browser/ })
		.waitFor();
}

/** The Gazette's details, as the tests fill them in. */
export const GAZETTE_DETAILS = {
	title: 'Riverside weighs a charge to drive into the old town',
	outlet: 'Riverside Gazette',
	date: '2025-09-09',
	authors: '',
	kind: 'news-report',
	url: 'https://example.org/gazette/charge'
};

/**
 * A new scenario with the Gazette pasted, its details filled in and its first claim made (the
 * mayor supports a congestion charge): where most editor tests begin.
 */
export async function gazetteWithFirstClaim(
	page: Page,
	base: string,
	title: string,
	question: string
) {
	await startScenario(page, base, title, question);
	await pasteSource(page, GAZETTE);
	await sourceDetails(page, GAZETTE_DETAILS);
	await section(page, 'Read & code');
	await selectInPane(page, 'a daily fee of four pounds would cut traffic by a fifth within a year');
	await claim(page, {
		option: 'Congestion charge',
		newOption: true,
		commentator: 'Helen Ortiz',
		newCommentator: true,
		nearby: true,
		stance: 'Supports',
		consequence: 'Cuts traffic by a fifth in a year.'
	});
}

/**
 * The baker's two claims in the Gazette: against the charge, and for more buses on a condition
 * (`newBusesOption` when "More buses" is not an option yet).
 */
export async function ramanClaims(page: Page, { newBusesOption }: { newBusesOption: boolean }) {
	await selectInPane(
		page,
		'People will simply drive to the retail park instead, and the old town will empty out'
	);
	await claim(page, {
		option: 'Congestion charge',
		commentator: 'Priya Raman',
		newCommentator: true,
		nearby: true,
		stance: 'Opposes',
		consequence: 'Shoppers go to the retail park instead.'
	});
	await selectInPane(
		page,
		'she would back more buses, but only if they ran late enough for evening trade'
	);
	await claim(page, {
		option: 'More buses',
		newOption: newBusesOption,
		commentator: 'Priya Raman',
		stance: 'Conditional',
		consequence: 'Helps only if buses run late.'
	});
}

/** Presses a button that downloads a file (`press` does it, by mouse or keys); the file's path and text. */
export async function download(page: Page, press: () => Promise<void>) {
	const started = page.waitForEvent('download');
	await press();
	const got = await started;
	const file = join(mkdtempSync(join(tmpdir(), 'sg-editor-')), got.suggestedFilename());
	await got.saveAs(file);
	return { file, text: readFileSync(file, 'utf8') };
}

/** `stancegrid validate` on a file: its one-line verdict (throws when the file is not valid). */
export function validate(file: string): string {
	return execFileSync(process.execPath, ['src/cli/stancegrid.js', 'validate', file], {
		encoding: 'utf8'
	});
}

export interface SavedQuote {
	source: string;
	quote: { exact: string; prefix: string; suffix: string };
}

/** Every claim's quote, with its prefix and suffix, is found verbatim in its source's text. */
export function expectVerbatim(claims: readonly SavedQuote[], texts: ReadonlyMap<string, string>) {
	expect(claims.length).toBeGreaterThan(0);
	for (const c of claims) {
		const text = texts.get(c.source);
		expect(text, `the text of ${c.source}`).toBeDefined();
		expect(text).toContain(c.quote.prefix + c.quote.exact + c.quote.suffix);
	}
}

/** A downloaded YAML scenario, read back. */
export const readYamlScenario = (text: string) =>
	parse(text) as { claims: SavedQuote[]; sources: { id: string }[] };

/**
 * Moves the focus with Tab (or Shift+Tab) until `target` has it, as a keyboard user does; fails
 * when it cannot be reached in `most` presses.
 */
export async function tabTo(page: Page, target: Locator, { back = false, most = 60 } = {}) {
	const focused = () => target.evaluate((el) => el === document.activeElement).catch(() => false);
	for (let i = 0; i < most; i++) {
		if (await focused()) return;
		await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
	}
	expect(await focused(), `${target} is reached with ${back ? 'Shift+Tab' : 'Tab'}`).toBe(true);
}
