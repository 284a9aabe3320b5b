/**
 * Class mode under load (issue 14), against 127.0.0.1 only and bounded: 300 students join a
 * session on the class server (its own process, embedded PGlite, as `npm start` runs it) within
 * 20 s, each keeps a live connection, answers before reading, and again after reading with
 * quotes, all within one minute. Measured: answers lost (sent and acknowledged but not on the
 * teacher's dashboard stream, or not in a fresh read), p95 answer latency, and the delay from an
 * answer's acknowledgement to its arrival on the dashboard's stream.
 */
import { readFileSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { cpus, loadavg } from 'node:os';
import type { ClassStance, Joined } from '../../src/lib/class/protocol';
import { answer, call, seeded, setPhase, startSession } from '../server/class-client';
import { spawnServer } from '../server/spawn';
import { openEvents } from '../server/sse';
import { parseBlock } from '../../src/lib/class/event-stream';
import { limitRow, median, type Row } from './report';

const STUDENTS = 300;
const JOIN_SPREAD_MS = 20_000;
const AFTER_AT_MS = 32_000;
const AFTER_SPREAD_MS = 18_000;

function percentile(values: readonly number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

// The simulated students speak plain node:http with keep-alive, not fetch: on a 2-core machine
// the load generator's own cost (undici and web streams) would otherwise be charged to the server.
const agent = new Agent({ keepAlive: true, maxSockets: Infinity });

/** A request, sent once more if a reused keep-alive connection was closed under it. */
async function request(
	base: string,
	method: string,
	path: string,
	key: string | null,
	body?: unknown
): Promise<{ status: number; json: Record<string, unknown> }> {
	try {
		return await requestOnce(base, method, path, key, body);
	} catch (error) {
		if ((error as { code?: string }).code !== 'ECONNRESET') throw error;
		return requestOnce(base, method, path, key, body);
	}
}

function requestOnce(
	base: string,
	method: string,
	path: string,
	key: string | null,
	body?: unknown
): Promise<{ status: number; json: Record<string, unknown> }> {
	return new Promise((resolve, reject) => {
		const payload = body === undefined ? undefined : JSON.stringify(body);
		const req = httpRequest(
			base + path,
			{
				method,
				agent,
				headers: {
					...(key ? { authorization: `Bearer ${key}` } : {}),
					...(payload ? { 'content-type': 'application/json' } : {})
				}
			},
			(res) => {
				let text = '';
				res.setEncoding('utf8');
				res.on('data', (chunk: string) => (text += chunk));
				res.on('end', () => {
					let json: Record<string, unknown> = {};
					try {
						json = text ? (JSON.parse(text) as Record<string, unknown>) : {};
					} catch {
						json = { error: text.slice(0, 200) };
					}
					resolve({ status: res.statusCode ?? 0, json });
				});
			}
		);
		req.on('error', reject);
		req.end(payload);
	});
}

/** A student's live connection: opened and held (and drained), as the page holds it. */
function holdStream(base: string, student: Joined, signal: AbortSignal): Promise<void> {
	return new Promise((resolve, reject) => {
		const req = httpRequest(
			`${base}/api/sessions/${student.session}/student/events`,
			{ headers: { authorization: `Bearer ${student.token}` }, signal },
			(res) => {
				res.resume();
				res.on('error', () => {});
				resolve();
			}
		);
		req.on('error', (error) => (signal.aborted ? resolve() : reject(error)));
		req.end();
	});
}

export async function classLoadBench(log: (line: string) => void): Promise<Row[]> {
	const server = await spawnServer();
	const base = server.url;
	const random = seeded(300);
	const scenarioText = readFileSync('scenarios/ukraine-war-2025.yaml', 'utf8');
	const abort = new AbortController();
	try {
		const session = await startSession(base, scenarioText);
		const options = (
			await call(base, 'GET', `/api/sessions/${session.session.id}`, { key: session.adminKey })
		).json.scenario as { options: { id: string }[]; claims: { id: string; option: string }[] };
		const optionIds = options.options.map((o) => o.id);

		// The dashboard's stream: when each answer (by student and phase) arrived.
		const arrived = new Map<string, number>();
		const dashboard = await fetch(`${base}/api/sessions/${session.session.id}/events`, {
			headers: { authorization: `Bearer ${session.adminKey}` },
			signal: abort.signal
		});
		void (async () => {
			const reader = dashboard.body!.pipeThrough(new TextDecoderStream()).getReader();
			let buffer = '';
			try {
				for (;;) {
					const { value, done } = await reader.read();
					if (done) return;
					buffer += value;
					let end: number;
					while ((end = buffer.indexOf('\n\n')) !== -1) {
						const message = parseBlock(buffer.slice(0, end));
						buffer = buffer.slice(end + 2);
						if (message?.event !== 'answers') continue;
						const now = performance.now();
						for (const a of JSON.parse(message.data) as { participant: string; phase: string }[]) {
							const key = `${a.participant}/${a.phase}`;
							if (!arrived.has(key)) arrived.set(key, now);
						}
					}
				}
			} catch {
				// aborted at the end
			}
		})();

		const latencies: number[] = [];
		const acked = new Map<string, number>();
		const failures: string[] = [];
		const t0 = performance.now();
		const put = async (student: Joined, phase: 'before' | 'after') => {
			const stances: Record<string, ClassStance> = {};
			const quotes: Record<string, string> = {};
			for (const option of optionIds) {
				stances[option] = (['support', 'conditional', 'oppose', 'unsure'] as const)[
					Math.floor(random() * 4)
				]!;
				const claims = options.claims.filter((c) => c.option === option);
				if (phase === 'after' && claims.length > 0 && random() < 0.7)
					quotes[option] = claims[Math.floor(random() * claims.length)]!.id;
			}
			const start = performance.now();
			const result = await request(
				base,
				'PUT',
				`/api/sessions/${student.session}/answers`,
				student.token,
				answer(phase, stances, quotes)
			);
			const end = performance.now();
			if (result.status !== 200) failures.push(`${phase}: ${result.status} ${result.json.error}`);
			else {
				latencies.push(end - start);
				acked.set(`${student.participant}/${phase}`, end);
			}
		};

		const students = Array.from({ length: STUDENTS }, () => ({
			joinAt: random() * JOIN_SPREAD_MS,
			think: 1000 + random() * 8000,
			afterIn: random() * AFTER_SPREAD_MS
		}));
		const joined: Joined[] = [];
		// The teacher moves on once the whole class has answered (and not before AFTER_AT_MS), as
		// in class; "after" answers then arrive over AFTER_SPREAD_MS.
		let allBefore!: () => void;
		const beforeDone = new Promise<void>((resolve) => (allBefore = resolve));
		let beforeCount = 0;
		const afterPhase = beforeDone.then(async () => {
			await sleep(AFTER_AT_MS - 2000 - (performance.now() - t0));
			await setPhase(base, session, 'reading');
			await sleep(1000);
			await setPhase(base, session, 'after');
			return performance.now();
		});
		await Promise.all(
			students.map(async (plan) => {
				await sleep(plan.joinAt);
				const joinedNow = await request(base, 'POST', '/api/join', null, {
					code: session.session.code
				});
				if (joinedNow.status !== 201) throw new Error(`join: ${joinedNow.status}`);
				const student = joinedNow.json as unknown as Joined;
				joined.push(student);
				await holdStream(base, student, abort.signal);
				await sleep(plan.think);
				await put(student, 'before');
				if (++beforeCount === STUDENTS) allBefore();
				const openedAt = await afterPhase;
				await sleep(openedAt + plan.afterIn - performance.now());
				await put(student, 'after');
			})
		);
		const totalMs = performance.now() - t0;
		const load = loadavg()
			.map((x) => x.toFixed(1))
			.join(' ');
		await sleep(1500);

		// Lost: acknowledged but never on the live stream, or missing from a fresh read.
		const lostLive = [...acked.keys()].filter((key) => !arrived.has(key)).length;
		const fresh = await openEvents(
			base,
			`/api/sessions/${session.session.id}/events`,
			session.adminKey
		);
		const stored = new Set<string>();
		for (;;) {
			let batch: { participant: string; phase: string }[];
			try {
				batch = (await fresh.next('answers', 2000)) as typeof batch;
			} catch {
				break;
			}
			for (const a of batch) stored.add(`${a.participant}/${a.phase}`);
		}
		fresh.close();
		const lostStored = [...acked.keys()].filter((key) => !stored.has(key)).length;
		const delays = [...acked]
			.filter(([key]) => arrived.has(key))
			.map(([key, at]) => Math.max(0, arrived.get(key)! - at));

		log(
			`class load: ${joined.length} students, ${latencies.length} answers acknowledged in ${(totalMs / 1000).toFixed(1)} s, ${failures.length} refused, ${lostLive} missing on the live dashboard, ${lostStored} missing from a fresh read`
		);
		const sent = STUDENTS * 2;
		const lostRow: Row = {
			metric: `class: answers lost (of ${sent} sent by ${STUDENTS} students in ${(totalMs / 1000).toFixed(0)} s)`,
			unit: 'count',
			ours: sent - latencies.length + lostLive + lostStored,
			bare: null,
			goal: '= 0',
			pass: sent - latencies.length + lostLive + lostStored === 0,
			...(failures.length ? { note: failures.slice(0, 3).join('; ') } : {})
		};
		const p95 = limitRow(
			'class: answer latency p95 (300 students)',
			[percentile(latencies, 95)],
			null,
			200
		);
		p95.note = `median ${median(latencies).toFixed(0)} ms, max ${Math.max(...latencies).toFixed(0)} ms over ${latencies.length} answers; server process with embedded PGlite; machine load average ${load} on ${cpus().length} cores during the run (other work shares the machine)`;
		const delay = limitRow(
			'class: dashboard update delay p95',
			[percentile(delays, 95)],
			null,
			1000
		);
		delay.note = `from the answer's acknowledgement to its arrival on the teacher's event stream; max ${Math.max(...delays).toFixed(0)} ms`;
		return [lostRow, p95, delay];
	} finally {
		abort.abort();
		await server.stop();
	}
}
