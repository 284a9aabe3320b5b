/**
 * Lighthouse performance, accessibility and best-practices scores for the built site (issue 6
 * aims at >= 95 / 100 / 100), on mobile (Lighthouse's default: throttled mid-range phone) and
 * desktop. Serves `build-bench/` gzipped on loopback, as the benchmark does. Skips with a message
 * when the `lighthouse` package is not installed.
 * Flags: --no-build, --pages /,/read (paths), --desktop-only, --mobile-only.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { CHROMIUM_PATH } from '../browser/chromium';
import { serve } from './serve';

const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const;
const GOAL: Record<(typeof CATEGORIES)[number], number> = {
	performance: 95,
	accessibility: 100,
	'best-practices': 100
};
/** The flags tests/browser/chromium.ts launches with, plus headless for a CI machine. */
export const CHROME_FLAGS = [
	'--headless=new',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];

interface AuditRef {
	id: string;
	weight: number;
}
interface Report {
	categories: Record<string, { score: number | null; auditRefs: AuditRef[] }>;
	audits: Record<string, { title: string; score: number | null; displayValue?: string }>;
}

export async function runLighthouse(argv: string[]): Promise<number> {
	const option = (name: string) => {
		const i = argv.indexOf(`--${name}`);
		return i >= 0 ? argv[i + 1] : undefined;
	};
	let lighthouse: (typeof import('lighthouse'))['default'];
	let desktopConfig: (typeof import('lighthouse'))['desktopConfig'];
	let launch: (typeof import('chrome-launcher'))['launch'];
	try {
		({ default: lighthouse, desktopConfig } = await import('lighthouse'));
		({ launch } = await import('chrome-launcher'));
	} catch {
		console.log(
			'lighthouse: skipped, the "lighthouse" package is not installed (npm i -D lighthouse@12.8.2)'
		);
		return 0;
	}
	if (!argv.includes('--no-build')) {
		const built = spawnSync(
			process.execPath,
			['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'],
			{
				stdio: 'inherit',
				env: { ...process.env, SG_BUILD_TAG: 'bench' }
			}
		);
		if (built.status !== 0) return 1;
	}
	if (!existsSync('build-bench')) {
		console.error('lighthouse: build-bench/ is missing; run without --no-build');
		return 1;
	}
	const pages = (option('pages') ?? '/').split(',');
	const forms = argv.includes('--desktop-only')
		? ['desktop']
		: argv.includes('--mobile-only')
			? ['mobile']
			: ['mobile', 'desktop'];
	const served = await serve({ app: 'build-bench' });
	const chrome = await launch({
		chromePath: CHROMIUM_PATH,
		chromeFlags: CHROME_FLAGS,
		logLevel: 'silent'
	});
	const results: Record<string, Record<string, number | null>> = {};
	let missed = 0;
	try {
		for (const path of pages) {
			for (const form of forms) {
				const result = await lighthouse(
					served.url + path,
					{ port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] },
					form === 'desktop' ? desktopConfig : undefined
				);
				if (!result) throw new Error(`lighthouse returned nothing for ${path}`);
				const report = result.lhr as unknown as Report;
				const scores: Record<string, number | null> = {};
				const lines: string[] = [];
				for (const category of CATEGORIES) {
					const entry = report.categories[category];
					const score =
						entry?.score === null || entry === undefined ? null : Math.round(entry.score * 100);
					scores[category] = score;
					if (score === null || score < GOAL[category]) missed++;
					// What cost points: audits with weight that did not pass.
					for (const ref of entry?.auditRefs ?? []) {
						const audit = report.audits[ref.id];
						if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) {
							lines.push(
								`    ${category}: ${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ''}`
							);
						}
					}
				}
				results[`${path} ${form}`] = scores;
				console.log(
					`${path} (${form}): ` +
						CATEGORIES.map((c) => `${c} ${scores[c] ?? 'n/a'} (goal ${GOAL[c]})`).join(', ')
				);
				for (const line of lines) console.log(line);
			}
		}
	} finally {
		chrome.kill();
		await served.close();
	}
	mkdirSync('bench-results', { recursive: true });
	writeFileSync(
		'bench-results/lighthouse.json',
		JSON.stringify({ date: new Date().toISOString(), results }, null, 2) + '\n'
	);
	console.log('wrote bench-results/lighthouse.json');
	return argv.includes('--strict') && missed > 0 ? 1 : 0;
}
