/**
 * Lighthouse's mobile profile (a throttled mid-range phone, 412 px wide: the app's phone layout)
 * on our first screens against the bare page, in one run and in turn (ours, bare, ours, ...), so
 * the machine's drift falls on both sides alike (issue 17). Absolute scores differ a lot between
 * machines; the ratio to the bare page in the same run is what is judged: performance at least
 * the bare page's, LCP and TBT at most 1.2x. Also prints where our time goes (the scripts with the
 * most main-thread time, and the main thread's work by kind) for the median run.
 */
import type { Row } from './report';
import { median, ratioRow } from './report';
import { CHROME_FLAGS } from './lighthouse-run';
import { CHROMIUM_PATH } from '../browser/chromium';

interface Audit {
	numericValue?: number;
	details?: { items?: Record<string, unknown>[] };
}
interface Lhr {
	categories: { performance?: { score: number | null } };
	audits: Record<string, Audit | undefined>;
}

/** One Lighthouse run's figures. */
interface Sample {
	score: number;
	lcp: number;
	tbt: number;
	fcp: number;
	/** Script bytes transferred (gzip), from the resource summary. */
	scriptBytes: number;
	costs: string[];
}

/**
 * The pages compared with the bare page: the workspace's first screen and the join page, with
 * Lighthouse's default simulated throttling (the bar). The workspace is measured once more
 * with throttling applied for real (the CPU slowed 4x and the network shaped while the page loads,
 * as DevTools does): the simulation multiplies each task the unthrottled page ran by four and can
 * disagree with a page that really is slow, so both are printed.
 */
export const LIGHTHOUSE_PAGES: { label: string; path: string; throttling: Throttling }[] = [
	{ label: '/ (phone layout)', path: '/', throttling: 'simulate' },
	{ label: '/join', path: '/join', throttling: 'simulate' },
	{ label: '/ (phone layout, applied throttling)', path: '/', throttling: 'devtools' }
];
type Throttling = 'simulate' | 'devtools';

function sample(lhr: Lhr): Sample {
	const num = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
	const scripts = (lhr.audits['bootup-time']?.details?.items ?? [])
		.map((item) => ({
			url: String(item.url ?? ''),
			ms: Number(item.scripting ?? 0)
		}))
		.sort((a, b) => b.ms - a.ms)
		.slice(0, 3)
		.map((s) => `script ${s.url.split('/').pop() || s.url}: ${s.ms.toFixed(0)} ms`);
	const work = (lhr.audits['mainthread-work-breakdown']?.details?.items ?? [])
		.map((item) => ({
			what: String(item.groupLabel ?? item.group ?? ''),
			ms: Number(item.duration ?? 0)
		}))
		.sort((a, b) => b.ms - a.ms)
		.slice(0, 3)
		.map((w) => `${w.what}: ${w.ms.toFixed(0)} ms`);
	const summary = lhr.audits['resource-summary']?.details?.items ?? [];
	const script = summary.find((item) => item.resourceType === 'script');
	return {
		score: Math.round((lhr.categories.performance?.score ?? 0) * 100),
		lcp: num('largest-contentful-paint'),
		tbt: num('total-blocking-time'),
		fcp: num('first-contentful-paint'),
		scriptBytes: Number(script?.transferSize ?? NaN),
		costs: [...work, ...scripts]
	};
}

export async function lighthouseBench(
	base: string,
	dataUrl: string,
	runs: number,
	log: (line: string) => void
): Promise<Row[]> {
	let lighthouse: (typeof import('lighthouse'))['default'];
	let launch: (typeof import('chrome-launcher'))['launch'];
	try {
		({ default: lighthouse } = await import('lighthouse'));
		({ launch } = await import('chrome-launcher'));
	} catch {
		log('lighthouse: skipped, the "lighthouse" package is not installed');
		return [];
	}
	const chrome = await launch({
		chromePath: CHROMIUM_PATH,
		chromeFlags: CHROME_FLAGS,
		logLevel: 'silent'
	});
	const bareUrl = `${base}/bare/?src=${encodeURIComponent(dataUrl)}&view=claims`;
	const run = async (url: string, throttling: Throttling): Promise<Sample> => {
		const result = await lighthouse(url, {
			port: chrome.port,
			output: 'json',
			logLevel: 'error',
			onlyCategories: ['performance'],
			throttlingMethod: throttling
		});
		if (!result) throw new Error(`lighthouse returned nothing for ${url}`);
		return sample(result.lhr as unknown as Lhr);
	};
	const rows: Row[] = [];
	try {
		for (const page of LIGHTHOUSE_PAGES) {
			const ours: Sample[] = [];
			const bare: Sample[] = [];
			log(
				`lighthouse: ${page.label} and the bare page in turn, x${runs} (mobile profile, ${page.throttling} throttling)`
			);
			for (let i = 0; i < runs; i++) {
				ours.push(await run(base + page.path, page.throttling));
				bare.push(await run(bareUrl, page.throttling));
			}
			const pick = (list: Sample[], key: keyof Omit<Sample, 'costs'>) => list.map((s) => s[key]);
			const scoreOurs = median(pick(ours, 'score'));
			const scoreBare = median(pick(bare, 'score'));
			// The run whose score is the median: its costs are the ones printed.
			const typical = ours.find((s) => s.score === scoreOurs) ?? ours[0]!;
			rows.push({
				metric: `Lighthouse mobile performance, ${page.label} (score)`,
				unit: 'count',
				ours: scoreOurs,
				bare: scoreBare,
				goal: '>= bare',
				pass: scoreOurs >= scoreBare,
				note: `medians of ${runs}; where our time goes (median run): ${typical.costs.join('; ')}`,
				samples: { ours: pick(ours, 'score'), bare: pick(bare, 'score') }
			});
			rows.push(
				ratioRow(
					`Lighthouse mobile LCP, ${page.label}`,
					'ms',
					pick(ours, 'lcp'),
					pick(bare, 'lcp'),
					1.2
				)
			);
			const tbt = ratioRow(
				`Lighthouse mobile TBT, ${page.label}`,
				'ms',
				pick(ours, 'tbt'),
				pick(bare, 'tbt'),
				1.2
			);
			// No blocking time on either side is no slower than the bare page.
			if (tbt.bare === 0) tbt.pass = tbt.ours === 0;
			rows.push(tbt);
			rows.push(
				ratioRow(
					`Lighthouse mobile FCP, ${page.label}`,
					'ms',
					pick(ours, 'fcp'),
					pick(bare, 'fcp'),
					null
				)
			);
			rows.push(
				ratioRow(
					`Lighthouse script transferred, ${page.label}`,
					'bytes',
					pick(ours, 'scriptBytes'),
					pick(bare, 'scriptBytes'),
					null
				)
			);
		}
	} finally {
		chrome.kill();
	}
	return rows;
}
