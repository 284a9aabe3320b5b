/** Debian's Chromium, launched the way these machines allow (no sandbox, no background network). */
import { existsSync, mkdirSync } from 'node:fs';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = 'test-results/screenshots';

export async function launchChromium(): Promise<Browser> {
	if (!existsSync(CHROMIUM_PATH)) {
		throw new Error(
			`Chromium not found at ${CHROMIUM_PATH}: install Debian's "chromium" package (apt-get install chromium) or set CHROMIUM_PATH`
		);
	}
	return chromium.launch({
		executablePath: CHROMIUM_PATH,
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync'
		]
	});
}

/** Uncaught errors per page: a page error is a bug the test should see, not a line lost in a log. */
export const pageErrors = new WeakMap<Page, string[]>();

/**
 * A page in a fresh context. The first-visit introduction is marked as seen (it would sit over
 * the cells other tests click) unless `intro` is true, as in the introduction's own test.
 */
export async function newPage(
	browser: Browser,
	options: BrowserContextOptions = {},
	{ intro = false }: { intro?: boolean } = {}
): Promise<Page> {
	const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
	const page = await context.newPage();
	if (!intro)
		await page.addInitScript(() => {
			try {
				localStorage.setItem('stancegrid.intro', 'seen');
			} catch {
				// A test that blocks storage sees no introduction either (unreadable counts as seen).
			}
		});
	const errors: string[] = [];
	pageErrors.set(page, errors);
	page.on('pageerror', (error) => errors.push(error.message));
	return page;
}

export async function screenshot(page: Page, name: string): Promise<void> {
	mkdirSync(SCREENSHOT_DIR, { recursive: true });
	await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}.png`, fullPage: false });
}
