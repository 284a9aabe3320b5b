/** Steps through the scenario editor the way a person does, for the editor's browser tests. */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';

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
