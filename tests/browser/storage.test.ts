/**
 * The storage envelope (src/lib/storage/envelope.ts) against Chromium's real localStorage: a
 * full quota raises the browser's own error, which must be recognised and leave the saved data
 * intact; damaged data falls back to the last good copy; saved data survives a reload. The app's
 * visible messages for these faults are tested with the views that show them.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type * as Envelope from '../../src/lib/storage/envelope';
import { launchChromium } from './chromium';

type Api = typeof Envelope;
const KEY = 'stancegrid:test-prefs';

/** The module as the browser will run it: TypeScript stripped, loaded from a blob URL. */
const MODULE = ts.transpileModule(readFileSync('src/lib/storage/envelope.ts', 'utf8'), {
	compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 }
}).outputText;

async function pageWithModule(browser: Browser): Promise<Page> {
	// The test injects its own module; the app's CSP (script-src 'self') would rightly refuse it.
	const context = await browser.newContext({ bypassCSP: true });
	const page = await context.newPage();
	await page.goto(inject('baseURL') + '/method');
	await loadModule(page);
	return page;
}

async function loadModule(page: Page): Promise<void> {
	// A string, not a function: vitest would rewrite `import()` inside a function it transforms.
	await page.evaluate(
		`(async () => {
			const url = URL.createObjectURL(new Blob([${JSON.stringify(MODULE)}], { type: 'text/javascript' }));
			window.envelope = await import(url);
		})()`
	);
}

describe('storage envelope in Chromium', () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await launchChromium();
	});
	afterAll(async () => {
		await browser?.close();
	});

	it('saves, and the data survives a reload', async () => {
		const page = await pageWithModule(browser);
		const saved = await page.evaluate(
			(key) =>
				(window as unknown as { envelope: Api }).envelope.save(localStorage, key, {
					theme: 'dark'
				}),
			KEY
		);
		expect(saved.ok).toBe(true);
		await page.reload();
		await loadModule(page);
		const loaded = await page.evaluate(
			(key) => (window as unknown as { envelope: Api }).envelope.load(localStorage, key),
			KEY
		);
		expect(loaded).toMatchObject({ value: { theme: 'dark' }, from: 'saved' });
		await page.context().close();
	});

	it('a real quota error is recognised and the saved data is kept', async () => {
		const page = await pageWithModule(browser);
		const result = await page.evaluate((key) => {
			const { save, load, isQuotaError } = (window as unknown as { envelope: Api }).envelope;
			localStorage.clear();
			save(localStorage, key, { theme: 'light' });
			// Fill the origin's quota (about 5 M characters in Chromium) with filler.
			const chunk = 'x'.repeat(256 * 1024);
			let raw: unknown = null;
			for (let i = 0; i < 200; i++) {
				try {
					localStorage.setItem(`filler-${i}`, chunk);
				} catch (error) {
					raw = error;
					break;
				}
			}
			const big = save(localStorage, key, { theme: 'dark', pad: 'y'.repeat(512 * 1024) });
			const after = load(localStorage, key);
			const rawError =
				raw instanceof DOMException ? { name: raw.name, code: raw.code } : String(raw);
			localStorage.clear();
			return { rawError, recognised: isQuotaError(raw), big, after };
		}, KEY);
		expect(result.rawError).toEqual({ name: 'QuotaExceededError', code: 22 });
		expect(result.recognised).toBe(true);
		expect(result.big).toMatchObject({ ok: false, reason: 'quota' });
		expect(result.big.ok === false && result.big.problem).toContain(
			'storage for this site is full'
		);
		expect(result.big.ok === false && JSON.parse(result.big.unsaved!).data.theme).toBe('dark');
		expect(result.after).toMatchObject({ value: { theme: 'light' }, from: 'saved' });
		await page.context().close();
	});

	it('damaged data falls back to the last good copy, with the damaged text to download', async () => {
		const page = await pageWithModule(browser);
		const result = await page.evaluate((key) => {
			const { save, load } = (window as unknown as { envelope: Api }).envelope;
			localStorage.clear();
			save(localStorage, key, { theme: 'light' });
			save(localStorage, key, { theme: 'dark' });
			localStorage.setItem(key, '{"v":1,"savedAt":"2025-');
			return load(localStorage, key, { label: 'your preferences' });
		}, KEY);
		expect(result.value).toEqual({ theme: 'light' });
		expect(result.from).toBe('last-good');
		expect(result.problem).toMatch(/^The saved copy of your preferences could not be used/);
		expect(result.raw).toBe('{"v":1,"savedAt":"2025-');
		await page.context().close();
	});
});
