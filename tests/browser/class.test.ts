/**
 * Class mode end to end in Chromium against the real class server (PGlite): a teacher and 30
 * students (3 real phone pages, 27 over the API) go through before, reading and after; the
 * dashboard's numbers must equal an independent count of what was sent. Midway the server is
 * killed and restarted: nothing sent is lost, pages reconnect and resend by themselves. Also: the
 * student page's JavaScript budget, text-only names, axe, deletion, and the static site without
 * the server.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ClassStance, Joined } from '../../src/lib/class/protocol';
import { loadScenario } from '../../src/lib/scenario/load';
import { answer, call, joinAs, seeded, sendAnswer, type SentAnswer } from '../server/class-client';
import { spawnServer, type SpawnedServer } from '../server/spawn';
import { launchChromium, pageErrors, screenshot } from './chromium';

const FILE = 'scenarios/ukraine-war-2025.yaml';
const loaded = loadScenario(readFileSync(FILE, 'utf8'), FILE);
if (!loaded.ok) throw new Error(`${FILE} does not load`);
const scenario = loaded.scenario;
const OPTIONS = scenario.options.map((o) => o.id);
const STANCES: ClassStance[] = ['support', 'conditional', 'oppose', 'unsure'];
const SCORE: Record<string, number> = { support: 1, conditional: 0, oppose: -1 };
const claimsOf = (option: string) => scenario.claims.filter((c) => c.option === option);

/** What each student finally has stored, by student key and phase: the independent count. */
const sent = new Map<string, { before?: SentAnswer; after?: SentAnswer }>();
function record(student: string, a: SentAnswer) {
	const entry = sent.get(student) ?? {};
	entry[a.phase] = a;
	sent.set(student, entry);
}

function expectedCounts(phase: 'before' | 'after', option: string) {
	const counts = { support: 0, conditional: 0, oppose: 0, unsure: 0, n: 0 };
	for (const entry of sent.values()) {
		const stance = entry[phase]?.stances[option];
		if (!stance) continue;
		counts[stance]++;
		counts.n++;
	}
	return counts;
}

function expectedShift(option: string) {
	let paired = 0;
	let changed = 0;
	let sum = 0;
	for (const entry of sent.values()) {
		const a = entry.before?.stances[option];
		const b = entry.after?.stances[option];
		if (!a || !b || a === 'unsure' || b === 'unsure') continue;
		paired++;
		if (a !== b) changed++;
		sum += SCORE[b]! - SCORE[a]!;
	}
	return { paired, changed, shift: paired ? sum / paired : null };
}

function expectedTopQuote(option: string) {
	const counts = new Map<string, number>();
	for (const entry of sent.values()) {
		const claim = entry.after?.quotes[option];
		if (claim) counts.set(claim, (counts.get(claim) ?? 0) + 1);
	}
	const n = [...counts.values()].reduce((x, y) => x + y, 0);
	const top = Math.max(0, ...counts.values());
	return { n, top };
}

async function dashboardCounts(page: Page, option: string, phase: 'before' | 'after') {
	const label = await page
		.locator(`tr[data-option="${option}"] td.dist[data-phase="${phase}"] .bar`)
		.getAttribute('aria-label');
	const number = (word: string) => Number(new RegExp(`${word} (\\d+)`).exec(label ?? '')?.[1]);
	return {
		support: number('Support'),
		conditional: number('Conditional'),
		oppose: number('Oppose'),
		unsure: number('Unsure'),
		n: Number(/n = (\d+)/.exec(label ?? '')?.[1])
	};
}

let browser: Browser;
let server: SpawnedServer;

beforeAll(async () => {
	browser = await launchChromium();
	server = await spawnServer();
}, 120_000);

afterAll(async () => {
	await browser?.close();
	await server?.stop();
});

async function phonePage(dark = false): Promise<{ context: BrowserContext; page: Page }> {
	const context = await browser.newContext({
		viewport: { width: 390, height: 844 },
		isMobile: true,
		hasTouch: true,
		colorScheme: dark ? 'dark' : 'light'
	});
	const page = await context.newPage();
	const errors: string[] = [];
	pageErrors.set(page, errors);
	page.on('pageerror', (error) => errors.push(error.message));
	return { context, page };
}

describe('class mode with the server', () => {
	it('runs a whole session for a teacher and 30 students, through a server restart', async () => {
		const random = seeded(14);
		const teacherContext = await browser.newContext({
			viewport: { width: 1366, height: 900 },
			acceptDownloads: true
		});
		const teacher = await teacherContext.newPage();
		const teacherErrors: string[] = [];
		teacher.on('pageerror', (e) => teacherErrors.push(e.message));
		await teacher.goto(`${server.url}/class`);
		await teacher.getByRole('button', { name: 'Start the session' }).click();
		const codeBox = teacher.locator('.code[data-code]');
		await codeBox.waitFor();
		const code = (await codeBox.getAttribute('data-code'))!;
		expect(code).toMatch(/^[A-Z2-9]{6}$/);
		// The teacher key never appears in the page's address or the join address.
		const sessionId = new URL(teacher.url()).searchParams.get('session')!;
		const kept = await teacher.evaluate(() => localStorage.getItem('stancegrid.class.teacher'));
		const adminKey = (JSON.parse(kept!) as Record<string, { key: string }>)[sessionId]!.key;
		expect(teacher.url()).not.toContain(adminKey);
		expect(await teacher.locator('.join-code a').getAttribute('href')).not.toContain(adminKey);
		await teacher.locator('.join-code img').waitFor();

		// Three real students on phones; the first measures the page's JavaScript.
		const scripts: Promise<number>[] = [];
		const phones = await Promise.all([phonePage(), phonePage(true), phonePage()]);
		phones[0]!.page.on('response', (response) => {
			if (response.request().resourceType() === 'script')
				scripts.push(
					response.body().then(
						(b) => gzipSync(b).length,
						() => 0
					)
				);
		});
		const hostile = '<img src=x onerror=window.__pwned=1>Ana';
		for (const [i, { page }] of phones.entries()) {
			await page.goto(`${server.url}/join?code=${code.toLowerCase()}`);
			if (i === 0) await page.getByLabel('Your name (optional)').fill(hostile);
			await page.getByRole('button', { name: 'Join' }).click();
			await page.locator('fieldset.option').first().waitFor();
		}
		const jsBytes = (await Promise.all(scripts)).reduce((x, y) => x + y, 0);
		console.log(`student page JavaScript: ${(jsBytes / 1024).toFixed(1)} KiB gzip`);
		expect(jsBytes).toBeGreaterThan(10_000);
		expect(jsBytes).toBeLessThan(60 * 1024);
		// Before reading, no source is shown or even sent to the student.
		expect(await phones[0]!.page.locator('blockquote').count()).toBe(0);

		// 27 students over the API.
		const apiStudents: Joined[] = [];
		for (let i = 0; i < 27; i++) apiStudents.push(await joinAs(server.url, code));
		const pick = () => STANCES[Math.floor(random() * STANCES.length)]!;
		const stancesFor = () => {
			const stances: Record<string, ClassStance> = {};
			for (const option of OPTIONS) if (random() > 0.1) stances[option] = pick();
			return stances;
		};
		await Promise.all(
			apiStudents.map(async (student, i) => {
				const a = answer('before', stancesFor());
				record(`api-${i}`, a);
				expect((await sendAnswer(server.url, student, a)).status).toBe(200);
			})
		);
		for (const [i, { page }] of phones.entries()) {
			const stances: Record<string, ClassStance> = {};
			for (const option of OPTIONS) {
				const stance = pick();
				stances[option] = stance;
				await page.locator(`fieldset[data-option="${option}"] input[value="${stance}"]`).check();
			}
			await page.getByRole('button', { name: /Send my answers/ }).click();
			await page.locator('.sent[data-send="stored"]').waitFor();
			record(`phone-${i}`, { id: '', phase: 'before', rev: 1, stances, quotes: {} });
		}
		await screenshot(phones[1]!.page, 'class-student-before-dark-390');

		// The dashboard equals the independent count, live.
		await teacher.locator('.summary', { hasText: '30 students answered: 30 before' }).waitFor();
		for (const option of OPTIONS) {
			expect(await dashboardCounts(teacher, option, 'before')).toEqual(
				expectedCounts('before', option)
			);
		}
		await screenshot(teacher, 'class-teacher-before-1366');

		// Reading: students get the sources.
		await teacher.getByRole('radio', { name: '2. Reading' }).check();
		for (const { page } of phones) await page.locator('#reading-heading').waitFor();
		expect(await phones[0]!.page.locator('blockquote').count()).toBe(scenario.claims.length);
		await teacher.getByRole('radio', { name: '3. After reading' }).check();
		for (const { page } of phones) await page.locator('select').first().waitFor();

		// Fault: the server dies mid-session.
		await server.kill();
		const phone0 = phones[0]!.page;
		const after0: Record<string, ClassStance> = {};
		const quotes0: Record<string, string> = {};
		for (const option of OPTIONS) {
			after0[option] = pick();
			await phone0
				.locator(`fieldset[data-option="${option}"] input[value="${after0[option]}"]`)
				.check();
			const claim = claimsOf(option)[0];
			if (claim) {
				quotes0[option] = claim.id;
				await phone0.locator(`fieldset[data-option="${option}"] select`).selectOption(claim.id);
			}
		}
		await phone0.getByRole('button', { name: /Send my answers/ }).click();
		await phone0.locator('.sent[data-send="waiting"]').waitFor();
		record('phone-0', { id: '', phase: 'after', rev: 1, stances: after0, quotes: quotes0 });
		const afterFor = () => {
			const stances = stancesFor();
			const quotes: Record<string, string> = {};
			for (const option of OPTIONS) {
				const claims = claimsOf(option);
				// Skewed towards the first claim, so the most-picked quote is clear.
				if (claims.length > 0 && random() > 0.2)
					quotes[option] = claims[random() < 0.6 ? 0 : Math.floor(random() * claims.length)]!.id;
			}
			return answer('after', stances, quotes);
		};
		const whileDown = apiStudents.slice(0, 14).map((student, i) => {
			const a = afterFor();
			record(`api-${i}`, a);
			return sendAnswer(server.url, student, a);
		});
		await new Promise((r) => setTimeout(r, 1500));
		await server.restart();
		for (const result of await Promise.all(whileDown)) expect(result.status).toBe(200);
		await phone0.locator('.sent[data-send="stored"]').waitFor({ timeout: 30_000 });

		// The rest; one answer sent twice and one stale revision change nothing.
		for (const [j, student] of apiStudents.slice(14).entries()) {
			const i = j + 14;
			const a = afterFor();
			record(`api-${i}`, a);
			expect((await sendAnswer(server.url, student, a)).status).toBe(200);
		}
		const again = sent.get('api-20')!.after!;
		expect((await sendAnswer(server.url, apiStudents[20]!, again)).status).toBe(200);
		const newer = { ...afterFor(), rev: 3 };
		record('api-21', newer);
		await sendAnswer(server.url, apiStudents[21]!, newer);
		const stale = { ...afterFor(), rev: 2 };
		const staleResult = await call(
			server.url,
			'PUT',
			`/api/sessions/${apiStudents[21]!.session}/answers`,
			{
				key: apiStudents[21]!.token,
				body: stale
			}
		);
		expect(staleResult.json.stored).toBe('already');

		for (const [i, { page }] of phones.entries()) {
			if (i === 0) continue;
			const stances: Record<string, ClassStance> = {};
			const quotes: Record<string, string> = {};
			for (const option of OPTIONS) {
				stances[option] = pick();
				await page
					.locator(`fieldset[data-option="${option}"] input[value="${stances[option]}"]`)
					.check();
				const claim = claimsOf(option)[0];
				if (claim) {
					quotes[option] = claim.id;
					await page.locator(`fieldset[data-option="${option}"] select`).selectOption(claim.id);
				}
			}
			await page.getByRole('button', { name: /Send my answers/ }).click();
			await page.locator('.sent[data-send="stored"]').waitFor();
			record(`phone-${i}`, { id: '', phase: 'after', rev: 1, stances, quotes });
		}
		await screenshot(phones[2]!.page, 'class-student-after-light-390');

		// The teacher's page reconnected by itself and shows every answer.
		await teacher
			.locator('.summary', { hasText: '30 students answered: 30 before reading, 30 after' })
			.waitFor({ timeout: 30_000 });
		await teacher.locator('.status', { hasText: 'live' }).waitFor();
		for (const option of OPTIONS) {
			expect(await dashboardCounts(teacher, option, 'after')).toEqual(
				expectedCounts('after', option)
			);
			expect(await dashboardCounts(teacher, option, 'before')).toEqual(
				expectedCounts('before', option)
			);
			const shift = expectedShift(option);
			const cell = (
				await teacher.locator(`tr[data-option="${option}"] td.shift`).innerText()
			).replace(/\s+/g, ' ');
			if (shift.paired >= 5) {
				expect(cell).toContain(`${shift.changed} of ${shift.paired} changed stance`);
				const shown = Number(
					cell
						.replace('−', '-')
						.replace('±', '')
						.match(/^[-+]?\d\.\d\d/)![0]
				);
				expect(shown).toBeCloseTo(shift.shift!, 2);
			}
			const quotes = expectedTopQuote(option);
			if (quotes.n >= 5) {
				expect(
					await teacher.locator(`tr[data-option="${option}"] td.quotes`).innerText()
				).toContain(`picked by ${quotes.top} of ${quotes.n}`);
			}
		}
		await teacher.locator('.side[data-phase="after"] .ranked li').first().waitFor();
		await screenshot(teacher, 'class-teacher-after-1366');

		// A display name is shown as text, never as markup.
		await teacher.getByText(/Names given/).click();
		expect(await teacher.locator('.names').innerText()).toContain(hostile);
		expect(await teacher.locator('.names img').count()).toBe(0);
		expect(await teacher.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();

		// Exports: every stored stance and quote, students numbered, no names.
		const [download] = await Promise.all([
			teacher.waitForEvent('download'),
			teacher.getByRole('button', { name: 'Download CSV' }).click()
		]);
		const csv = readFileSync((await download.path())!, 'utf8');
		let expectedRows = 0;
		for (const entry of sent.values()) {
			for (const a of [entry.before, entry.after]) {
				if (!a) continue;
				expectedRows += OPTIONS.filter((o) => a.stances[o] || a.quotes[o]).length;
			}
		}
		expect(csv.trim().split('\r\n').length - 1).toBe(expectedRows);
		expect(csv).not.toContain('Ana');
		const [xlsx] = await Promise.all([
			teacher.waitForEvent('download'),
			teacher.getByRole('button', { name: 'Download XLSX' }).click()
		]);
		expect(
			readFileSync((await xlsx.path())!)
				.subarray(0, 2)
				.toString()
		).toBe('PK');

		// The projector view, in the teacher's browser, shows the same numbers.
		const projector = await teacherContext.newPage();
		await projector.goto(`${server.url}/class/projector?session=${sessionId}`);
		await projector.locator('.summary', { hasText: '30 students answered' }).waitFor();
		expect(await dashboardCounts(projector, OPTIONS[0]!, 'after')).toEqual(
			expectedCounts('after', OPTIONS[0]!)
		);
		await screenshot(projector, 'class-projector-1366');

		// Accessibility of both pages.
		for (const page of [teacher, phones[2]!.page, phones[1]!.page]) {
			const axe = await new AxeBuilder({ page })
				.withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'])
				.analyze();
			expect(
				axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)
			).toEqual([]);
		}

		// Closing, then deleting: students are told; the session is gone for good.
		await teacher.getByRole('radio', { name: 'Closed' }).check();
		await phones[2]!.page.getByText('Your teacher has closed the session').waitFor();
		const late = await call(server.url, 'POST', '/api/join', { body: { code } });
		expect(late.status).toBe(403);
		await teacher.getByRole('button', { name: 'Delete session and answers' }).click();
		await teacher.getByRole('button', { name: 'Yes, delete' }).click();
		await phones[2]!.page.getByText('The teacher ended and deleted this session.').waitFor();
		const gone = await call(server.url, 'GET', `/api/sessions/${sessionId}`, { key: adminKey });
		expect(gone.status).toBe(403);

		expect(teacherErrors).toEqual([]);
		for (const { page } of phones) expect(pageErrors.get(page)).toEqual([]);
		await teacherContext.close();
		for (const { context } of phones) await context.close();
	}, 300_000);
});

describe('class mode on a static host', () => {
	it('says that class mode needs the server, and still counts dropped position files', async () => {
		const base = inject('baseURL');
		const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
		const page = await context.newPage();
		await page.goto(`${base}/join`);
		await page.getByText('Class mode needs the Stancegrid server').waitFor();
		await page.goto(`${base}/class`);
		await page.getByText('Class mode needs the Stancegrid server').waitFor();

		// Six students' position files, made as "Download my position" makes them.
		const random = seeded(7);
		const files = Array.from({ length: 6 }, (_, i) => {
			const stances: Record<string, string> = {};
			for (const option of OPTIONS)
				stances[option] = (['support', 'conditional', 'oppose'] as const)[
					Math.floor(random() * 3)
				]!;
			return {
				name: `student-${i + 1}.json`,
				mimeType: 'application/json',
				buffer: Buffer.from(
					JSON.stringify({
						format: 'stancegrid-position',
						version: 1,
						scenario: scenario.meta.id,
						scenario_title: scenario.meta.title,
						question: scenario.meta.question,
						exported_at: '2026-12-01T10:00:00.000Z',
						stances,
						reasons: {},
						options: []
					})
				)
			};
		});
		await page
			.locator('.files input[type="file"]')
			.setInputFiles([
				...files,
				{ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"a":1}') }
			]);
		await page.getByText('6 position files for').waitFor();
		await page.getByText('notes.json: not a Stancegrid position file.').waitFor();
		for (const option of OPTIONS) {
			const expected = { support: 0, conditional: 0, oppose: 0, unsure: 0, n: 6 };
			for (const file of files) {
				const stance = (
					JSON.parse(file.buffer.toString()) as { stances: Record<string, 'support'> }
				).stances[option]!;
				expected[stance]++;
			}
			expect(await dashboardCounts(page, option, 'after')).toEqual(expected);
		}
		await screenshot(page, 'class-files-static-1366');

		// "Open file" in the workspace explains a position file instead of listing load errors.
		await page.goto(`${base}/?view=claims`);
		const title = await page.locator('h1').textContent();
		await page.locator('input[type=file]').first().setInputFiles(files[0]!);
		const alert = page.getByRole('alert').filter({ hasText: 'student-1.json' });
		await alert.waitFor({ timeout: 10_000 });
		expect(await alert.locator('.notice-title').textContent()).toBe(
			'student-1.json is a Stancegrid position file, not a scenario. The scenario on screen is unchanged.'
		);
		expect(await alert.locator('li').allTextContents()).toEqual([
			expect.stringContaining(`one student's stance on ${OPTIONS.length} options of`),
			expect.stringContaining('/class')
		]);
		expect(await page.locator('h1').textContent()).toBe(title);
		await context.close();
	}, 120_000);
});
