/**
 * The export menu and the printable brief, driven in Chromium on /brief: every menu item gives a
 * download (or clipboard content) that parses, the menu works from the keyboard, errors show,
 * and the brief prints to at most two pages on A4 and on Letter.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { MENU_ITEMS } from '../../src/lib/components/export/menu-items';
import { claimsClipboard, matrixClipboard } from '../../src/lib/export/clipboard';
import { csvField } from '../../src/lib/export/csv';
import {
	EXPORT_FORMATS,
	exportFileName,
	type ExportFormatName
} from '../../src/lib/export/formats';
import { loadScenario } from '../../src/lib/scenario/load';
import { decisionReport } from '../../src/lib/analysis/analysis-report';
import { NO_FILTERS } from '../../src/lib/view/filters';
import { matrixColumns, pairHead, tableModel } from '../../src/lib/view/matrix-view';
import { DEFAULT_MATRIX } from '../../src/lib/view/url-state';
import { launchChromium, newPage, pageErrors, screenshot } from './chromium';

const FILE = 'scenarios/ukraine-war-2025.yaml';
const loaded = loadScenario(readFileSync(FILE, 'utf8'), FILE);
if (!loaded.ok) throw new Error(`${FILE} does not load`);
const scenario = loaded.scenario;
/** The matrix as the screen lays it out by default: one column per person, sources merged. */
const screenColumns = matrixColumns(scenario, scenario.claims, DEFAULT_MATRIX.by, true);
const screenTable = tableModel(scenario, scenario.claims, {
	filters: NO_FILTERS,
	sort: [],
	transposed: false,
	matrix: DEFAULT_MATRIX
});

/** What each downloaded file must parse as. */
const CHECKS: Record<ExportFormatName, (bytes: Buffer) => Promise<void> | void> = {
	csv: (bytes) => {
		const text = bytes.toString('utf8');
		expect(text.startsWith('\ufeffoption_id,option,commentator_id,commentator,source_id,')).toBe(
			true
		);
		for (const claim of scenario.claims) expect(text).toContain(`,${claim.id},`);
	},
	'matrix-csv': (bytes) => {
		// One column per commentator as the grid shows them: the person and the sources quoting them.
		const header = bytes.toString('utf8').split('\r\n')[0]!;
		expect(header).toBe(
			'\ufeffOption,' +
				screenColumns
					.map(pairHead)
					.map((h) => csvField(`${h.label} (${h.detail})`))
					.join(',')
		);
	},
	xlsx: async (bytes) => {
		const book = new ExcelJS.Workbook();
		await book.xlsx.load(bytes as unknown as ArrayBuffer);
		expect(book.worksheets.map((w) => w.name)).toEqual([
			'Matrix',
			'Claims',
			'Sources',
			'Decision',
			'Legend & method'
		]);
		expect(book.getWorksheet('Matrix')!.rowCount).toBe(scenario.options.length + 1);
		expect(book.getWorksheet('Claims')!.rowCount).toBe(scenario.claims.length + 1);
	},
	md: (bytes) => {
		const text = bytes.toString('utf8');
		expect(text.startsWith('# Ending the Russia-Ukraine war')).toBe(true);
		expect(text).toContain(`[^${scenario.claims.length}]: `);
	},
	csl: (bytes) => {
		expect(JSON.parse(bytes.toString('utf8'))).toHaveLength(scenario.sources.length);
	},
	bib: (bytes) => {
		expect(bytes.toString('utf8').match(/^@(article|misc)\{/gm)).toHaveLength(
			scenario.sources.length
		);
	},
	ris: (bytes) => {
		expect(bytes.toString('utf8').match(/^TY {2}- /gm)).toHaveLength(scenario.sources.length);
	},
	json: (bytes) => {
		const back = loadScenario(bytes.toString('utf8'), 'x.json');
		expect(back.ok && back.scenario).toEqual(scenario);
	},
	yaml: (bytes) => {
		const back = loadScenario(bytes.toString('utf8'), 'x.yaml');
		expect(back.ok && back.scenario).toEqual(scenario);
	}
};

const menuButton = (page: Page) => page.getByRole('button', { name: 'Export' });
const status = (page: Page) => page.locator('.export-menu [role="status"]');

async function choose(page: Page, id: string) {
	await menuButton(page).click();
	await page.locator(`[role="menuitem"][data-item="${id}"]`).click();
}

function pdfPages(pdf: Buffer): number {
	return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

describe('export menu and printable brief on /brief', () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await launchChromium();
	});
	afterAll(async () => {
		await browser?.close();
	});

	it('shows the brief: question, finding, matrix, every claim cited', async () => {
		const page = await newPage(browser);
		await page.goto(inject('baseURL') + '/brief');
		await expect(page.locator('h1').textContent()).resolves.toBe(scenario.meta.title);
		await expect(page.locator('.headline li').first().textContent()).resolves.toMatch(
			/^Most contested: /
		);
		await expect(page.locator('.ranking tbody tr').count()).resolves.toBe(scenario.options.length);
		await expect(page.locator('.matrix tbody tr').count()).resolves.toBe(screenColumns.length);
		await expect(page.locator('.citations li').count()).resolves.toBe(scenario.claims.length);
		await expect(page.locator('.matrix .entry').count()).resolves.toBe(scenario.claims.length);
		// Only http(s) links, and every passage link is a text fragment.
		for (const href of await page
			.locator('main a[href]')
			.evaluateAll((as) => as.map((a) => a.getAttribute('href')!)))
			// Passage and source links, footnote anchors, and the way back to the same screen.
			expect(href).toMatch(/^(https?:\/\/|#cite-\d+$|\/(\?|$))/);
		await screenshot(page, 'brief');
		expect(pageErrors.get(page)).toEqual([]);
	});

	it.each(MENU_ITEMS.filter((i) => i.action.kind === 'download').map((i) => [i.id, i] as const))(
		'menu item %s downloads a file that parses',
		async (_, item) => {
			if (item.action.kind !== 'download') return;
			const format = item.action.format;
			const page = await newPage(browser);
			await page.goto(inject('baseURL') + '/brief');
			const [download] = await Promise.all([page.waitForEvent('download'), choose(page, item.id)]);
			const name = exportFileName(scenario.meta.id, format);
			expect(download.suggestedFilename()).toBe(name);
			const bytes = readFileSync((await download.path())!);
			await CHECKS[format](bytes);
			await expect(status(page).textContent()).resolves.toBe(`Downloaded ${name}.`);
			// Focus goes back to the menu button, as after any menu choice.
			await expect(page.evaluate(() => document.activeElement?.textContent?.trim())).resolves.toBe(
				'Export ▾'
			);
			expect(pageErrors.get(page)).toEqual([]);
			await page.context().close();
		}
	);

	it('the workbook Decision sheet has the weights in the address and the decision table numbers', async () => {
		const page = await newPage(browser);
		await page.goto(inject('baseURL') + '/brief?w=escalation%3D3%2Ccost-to-west%3D0');
		const [download] = await Promise.all([page.waitForEvent('download'), choose(page, 'xlsx')]);
		const book = new ExcelJS.Workbook();
		await book.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
		const sheet = book.getWorksheet('Decision')!;
		const expected = decisionReport(scenario, { escalation: 3, 'cost-to-west': 0 });
		const byId = new Map(expected.options.map((o) => [o.option, o]));
		expected.ranking.forEach((id, i) => {
			const row = sheet.getRow(i + 2);
			const o = byId.get(id)!;
			expect([row.getCell(1).value, row.getCell(2).value, row.getCell(3).value]).toEqual([
				o.label,
				o.total ?? 'unclear',
				o.n
			]);
		});
		const firstColumn: string[] = [];
		sheet.eachRow((row) => firstColumn.push(String(row.getCell(1).value)));
		expect(firstColumn).toContain(
			'The same weights in a Stancegrid address: w=escalation=3,cost-to-west=0'
		);
		expect(pageErrors.get(page)).toEqual([]);
		await page.context().close();
	});

	it('the workbook loads ExcelJS only when asked for', async () => {
		const page = await newPage(browser);
		const scripts: string[] = [];
		page.on('request', (r) => {
			if (r.resourceType() === 'script') scripts.push(r.url());
		});
		await page.goto(inject('baseURL') + '/brief');
		await page.waitForLoadState('networkidle');
		const before = scripts.length;
		await Promise.all([page.waitForEvent('download'), choose(page, 'xlsx')]);
		// At least one more script, and it is large: ExcelJS's chunk came with the click.
		expect(scripts.length).toBeGreaterThan(before);
		await page.context().close();
	});

	it.each([
		['copy-matrix', matrixClipboard, 'matrix'],
		['copy-claims', claimsClipboard, 'claims']
	] as const)('%s puts an HTML table and TSV on the clipboard', async (id, serialize, what) => {
		const page = await newPage(browser, { permissions: ['clipboard-read', 'clipboard-write'] });
		await page.goto(inject('baseURL') + '/brief');
		await choose(page, id);
		await expect
			.poll(() => status(page).textContent())
			.toMatch(new RegExp(`^Copied the ${what} table \\(\\d+ rows\\) as a table and as text\\.`));
		const clip = await page.evaluate(async () => {
			const [item] = await navigator.clipboard.read();
			return {
				types: item!.types,
				html: await (await item!.getType('text/html')).text(),
				text: await (await item!.getType('text/plain')).text()
			};
		});
		const expected = serialize({ scenario, table: screenTable });
		expect(clip.types).toEqual(expect.arrayContaining(['text/html', 'text/plain']));
		expect(clip.text.replace(/\r\n/g, '\n')).toBe(expected.text.replace(/\r\n/g, '\n'));
		const rows = clip.text.trimEnd().split(/\r?\n/);
		expect(rows).toHaveLength(expected.rows + 1);
		expect(clip.html).toContain('<table');
		expect(clip.html.match(/<tr>/g)).toHaveLength(expected.rows + 1);
		await page.context().close();
	});

	it('shows a refused clipboard as a visible error', async () => {
		const page = await newPage(browser);
		await page.addInitScript(() => {
			navigator.clipboard.write = () =>
				Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
		});
		await page.goto(inject('baseURL') + '/brief');
		await choose(page, 'copy-matrix');
		await expect
			.poll(() => status(page).textContent())
			.toContain('The browser did not allow copying to the clipboard.');
		await expect(status(page).getAttribute('class')).resolves.toContain('failed');
		await screenshot(page, 'export-menu-error');
		await page.context().close();
	});

	it('works from the keyboard: arrows, Home, End, Escape, focus back on the button', async () => {
		const page = await newPage(browser);
		// Keys pressed before hydration attaches the menu's handlers would be lost.
		await page.goto(inject('baseURL') + '/brief', { waitUntil: 'networkidle' });
		const button = menuButton(page);
		await expect(button.getAttribute('aria-haspopup')).resolves.toBe('menu');
		await expect(button.getAttribute('aria-expanded')).resolves.toBe('false');
		await button.focus();
		const focused = () =>
			page.evaluate(() => document.activeElement?.getAttribute('data-item') ?? null);
		await page.keyboard.press('ArrowDown');
		await expect.poll(() => button.getAttribute('aria-expanded')).toBe('true');
		await expect.poll(focused).toBe(MENU_ITEMS[0]!.id);
		await page.keyboard.press('ArrowDown');
		await expect(focused()).resolves.toBe(MENU_ITEMS[1]!.id);
		await page.keyboard.press('End');
		await expect(focused()).resolves.toBe(MENU_ITEMS.at(-1)!.id);
		await page.keyboard.press('ArrowDown');
		await expect(focused()).resolves.toBe(MENU_ITEMS[0]!.id);
		await page.keyboard.press('ArrowUp');
		await expect(focused()).resolves.toBe(MENU_ITEMS.at(-1)!.id);
		await page.keyboard.press('Home');
		await screenshot(page, 'export-menu-open');
		const axe = await new AxeBuilder({ page }).analyze();
		expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual(
			[]
		);
		await page.keyboard.press('Escape');
		await expect(button.getAttribute('aria-expanded')).resolves.toBe('false');
		await expect(page.locator('[role="menu"]').isVisible()).resolves.toBe(false);
		await expect(focused()).resolves.toBeNull();
		await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe(
			await button.getAttribute('id')
		);
		// Enter on an item runs it: the Markdown download.
		await page.keyboard.press('ArrowDown');
		for (let i = 0; i < MENU_ITEMS.findIndex((m) => m.id === 'md'); i++)
			await page.keyboard.press('ArrowDown');
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.keyboard.press('Enter')
		]);
		expect(download.suggestedFilename()).toBe(exportFileName(scenario.meta.id, 'md'));
		await page.context().close();
	});

	it('is axe-clean as a page', async () => {
		const page = await newPage(browser);
		await page.goto(inject('baseURL') + '/brief');
		const axe = await new AxeBuilder({ page }).analyze();
		expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual(
			[]
		);
		await page.context().close();
	});

	it.each(['A4', 'Letter'] as const)('prints to at most two %s pages', async (format) => {
		const page = await newPage(browser);
		await page.goto(inject('baseURL') + '/brief');
		const pdf = await page.pdf({ format, printBackground: true });
		mkdirSync('test-results', { recursive: true });
		writeFileSync(`test-results/brief-${format}.pdf`, pdf);
		const pages = pdfPages(pdf);
		expect(pages).toBeGreaterThanOrEqual(1);
		expect(pages).toBeLessThanOrEqual(2);
		// Two pages with nothing left out: in print media every citation and cell is laid out.
		await page.emulateMedia({ media: 'print' });
		const hidden = await page
			.locator('.citations li, .matrix .entry, .ranking tbody tr')
			.evaluateAll((els) => els.filter((el) => el.getBoundingClientRect().height === 0).length);
		expect(hidden).toBe(0);
		await expect(page.locator('.citations li').count()).resolves.toBe(scenario.claims.length);
		await page.context().close();
	});

	it('registry and menu agree: every format has a menu item', () => {
		const ids = new Set(MENU_ITEMS.map((i) => i.id));
		for (const name of Object.keys(EXPORT_FORMATS)) expect(ids.has(name)).toBe(true);
	});
});
