/**
 * The editor never loses work silently: storage that fills up or is missing while editing is
 * said at once and what is on screen can be downloaded; two tabs on one scenario are told and
 * offered a copy; a tab closed between a keystroke and the autosave gets its work back on the
 * next visit. Hostile text in the article and in form fields never runs, and the downloaded file
 * stays valid and injection-safe in CSV.
 */
import { execFileSync } from 'node:child_process';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import AxeBuilder from '@axe-core/playwright';
import { parseDelimited } from '../unit/delimited-reader';
import { launchChromium, newPage, pageErrors, SCREENSHOT_DIR } from './chromium';
import {
	claim,
	download,
	gazetteWithFirstClaim,
	pasteSource,
	saved,
	section,
	selectInPane,
	sourceDetails,
	startScenario,
	validate
} from './editor-helpers';

async function downloadText(page: Page, button: string): Promise<{ file: string; text: string }> {
	return download(page, () => page.getByRole('button', { name: button }).first().click());
}

describe('editor faults', () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await launchChromium();
	});
	afterAll(async () => {
		await browser?.close();
	});

	it('IndexedDB unavailable: says so at once, edits in memory, downloads what is on screen', async () => {
		const page = await newPage(browser, { acceptDownloads: true });
		await page.addInitScript(() => {
			Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
		});
		await page.goto(inject('baseURL') + '/edit');
		await page.getByLabel('Title').fill('No storage here');
		await page.getByLabel('The question it answers').fill('Does it still work?');
		await page.getByRole('button', { name: 'Create and start editing' }).click();
		await page
			.getByRole('alert')
			.filter({ hasText: /IndexedDB is missing or disabled/ })
			.waitFor();
		await page.getByLabel('Coded by').fill('Offline Teacher');
		const { text } = await downloadText(page, 'Download what is on screen');
		expect(JSON.parse(text).meta.coded_by).toBe('Offline Teacher');
		expect(pageErrors.get(page)).toEqual([]);
	});

	it('storage full while editing: told at once, nothing lost from the screen', async () => {
		const page = await newPage(browser, { acceptDownloads: true });
		await page.addInitScript(() => {
			const full = () => (window as unknown as { __full?: boolean }).__full === true;
			const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
			const put = IDBObjectStore.prototype.put;
			IDBObjectStore.prototype.put = function (...args: Parameters<typeof put>) {
				if (full()) throw quota();
				return put.apply(this, args);
			};
			const setItem = Storage.prototype.setItem;
			Storage.prototype.setItem = function (key: string, value: string) {
				if (full()) throw quota();
				return setItem.call(this, key, value);
			};
		});
		await startScenario(
			page,
			inject('baseURL'),
			'Filling up',
			'What happens when storage is full?'
		);
		await page.evaluate(() => ((window as unknown as { __full: boolean }).__full = true));
		await page.getByLabel('Coded by').fill('Typed while full');
		await page
			.getByRole('alert')
			.filter({ hasText: /storage for the site is full/ })
			.waitFor();
		expect(await page.getByLabel('Coded by').inputValue()).toBe('Typed while full');
		const { text } = await downloadText(page, 'Download what is on screen');
		expect(JSON.parse(text).meta.coded_by).toBe('Typed while full');
		// Room again: "Try again" saves it.
		await page.evaluate(() => ((window as unknown as { __full: boolean }).__full = false));
		await page.getByRole('button', { name: 'Try again' }).click();
		await saved(page);
	});

	it('two tabs: the second is told and offered a copy; a stale save is refused, not written over', async () => {
		const first = await newPage(browser);
		await startScenario(first, inject('baseURL'), 'Shared draft', 'Who edits this?');
		await saved(first);
		const second = await first.context().newPage();
		await second.goto(first.url());
		await second
			.getByRole('alert')
			.filter({ hasText: /already open for editing in another tab/ })
			.waitFor();
		// The first tab saves; the second, still on the old version, types: refused, and told.
		await first.getByLabel('Coded by').fill('First tab');
		await saved(first);
		await second.getByLabel('Coded by').fill('Second tab');
		await second
			.getByRole('alert')
			.filter({ hasText: /Another tab saved changes/ })
			.first()
			.waitFor();
		await second.getByRole('button', { name: 'Make a copy of my version' }).click();
		await second.getByRole('heading', { level: 1, name: 'Shared draft (copy)' }).waitFor();
		expect(await second.getByLabel('Coded by').inputValue()).toBe('Second tab');
		await saved(second);
		// The first tab's work is intact in the library, and nothing stray is laid over it.
		await first.reload();
		expect(await first.getByLabel('Coded by').inputValue()).toBe('First tab');
		expect(await first.getByRole('alert').count()).toBe(0);
	});

	it('a tab closed between a keystroke and the autosave: the work is back on the next visit', async () => {
		const page = await newPage(browser);
		await startScenario(page, inject('baseURL'), 'Crash test', 'Is the last keystroke kept?');
		await saved(page);
		const url = page.url();
		const context = page.context();
		await page.getByLabel('Coded by').fill('Typed just before the crash');
		await page.close({ runBeforeUnload: false });
		const again = await context.newPage();
		await again.goto(url);
		await again.getByRole('heading', { level: 1, name: 'Crash test' }).waitFor();
		expect(await again.getByLabel('Coded by').inputValue()).toBe('Typed just before the crash');
	});

	it('hostile text in the article and in every form field: nothing runs, exports stay safe', async () => {
		const page = await newPage(browser, { acceptDownloads: true });
		const dialogs: string[] = [];
		page.on('dialog', (d) => {
			dialogs.push(d.message());
			void d.dismiss();
		});
		const xss = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
		const article =
			`Intro ${xss} line.\n=HYPERLINK("http://evil.example","click") said Eve Mallory.\n` +
			'@SUM(1+1) is not a formula here. \u0007Bell and \u0000null are dropped.';
		await startScenario(page, inject('baseURL'), `Hostile ${xss}`, '=1+1 @question?');
		await pasteSource(page, article);
		await sourceDetails(page, {
			title: `Title ${xss}`,
			outlet: '+cmd|" /C calc"!A0',
			date: '2025-01-01',
			authors: '-2+3; <b onmouseover=alert(1)>Bold</b>',
			kind: 'op-ed',
			url: 'javascript:alert(1)'
		});
		await section(page, 'Read & code');
		await selectInPane(page, '=HYPERLINK("http://evil.example","click") said Eve Mallory.');
		await claim(page, {
			option: `=cmd|' /C calc'!A0 ${xss}`,
			newOption: true,
			commentator: 'Eve Mallory',
			newCommentator: true,
			nearby: true,
			stance: 'Opposes',
			consequence: '@SUM(A1) <svg onload=alert(1)>'
		});
		// The javascript: address is refused by the loader's own check, pointing at the field.
		await page.getByRole('button', { name: 'sources[0].url' }).click();
		await expect
			.poll(() => page.evaluate(() => document.activeElement?.id))
			.toBe('f-sources-0-url');
		await page.locator('#f-sources-0-url').fill('https://example.org/a');
		await section(page, 'Scenario');
		await page.getByLabel('Coded by').fill('\t=tab start');
		await page.getByLabel('Id', { exact: true }).fill('hostile');
		await expect.poll(() => page.getByRole('heading', { name: /^No problems/ }).count()).toBe(1);
		expect(
			await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)
		).toBeUndefined();
		expect(dialogs).toEqual([]);
		expect(await page.locator('img[src="x"], svg[onload]').count()).toBe(0);

		const { file } = await downloadText(page, 'Download YAML');
		expect(validate(file)).toMatch(/valid scenario "hostile"/);
		const csv = execFileSync(
			process.execPath,
			['src/cli/stancegrid.js', 'export', file, '--format', 'csv'],
			{ encoding: 'utf8' }
		);
		for (const row of parseDelimited(csv.replace(/^\ufeff/, '')).slice(1))
			for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
		expect(pageErrors.get(page)).toEqual([]);
	});

	it('every editor screen is axe clean, and looked at on a laptop and a phone', async () => {
		const page = await newPage(browser);
		await gazetteWithFirstClaim(
			page,
			inject('baseURL'),
			'Axe check',
			'Is every screen accessible?'
		);
		const screens = ['Scenario', 'Sources', 'Read & code', 'Grid'] as const;
		for (const width of [1366, 390]) {
			await page.setViewportSize({ width, height: width > 400 ? 900 : 844 });
			for (const s of screens) {
				await section(page, s);
				if (s === 'Grid') await page.getByRole('grid', { name: 'Claims, editable' }).waitFor();
				if (s === 'Read & code')
					await selectInPane(page, 'every pound it raises will go into buses');
				const result = await new AxeBuilder({ page }).exclude('.ag-root-wrapper').analyze();
				expect(
					result.violations.map((v) => `${s} ${width}: ${v.id} ${v.nodes[0]?.target}`)
				).toEqual([]);
				await page.screenshot({
					path: `${SCREENSHOT_DIR}/editor-${s.replace(/\W+/g, '-').toLowerCase()}-${width}.png`,
					fullPage: true
				});
			}
		}
		await page.goto(inject('baseURL') + '/edit');
		const start = await new AxeBuilder({ page }).analyze();
		expect(start.violations.map((v) => v.id)).toEqual([]);
	}, 240_000);
});
