/** Simulated class participants speaking the API directly (tests and the load bench). */
import { randomUUID } from 'node:crypto';
import type { ClassStance, CreatedSession, Joined } from '../../src/lib/class/protocol';

export async function call(
	base: string,
	method: string,
	path: string,
	options: { key?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {}
): Promise<{ status: number; json: Record<string, unknown> & { error?: string } }> {
	const headers: Record<string, string> = { ...options.headers };
	if (options.key) headers.authorization = `Bearer ${options.key}`;
	if (options.body !== undefined || options.raw !== undefined)
		headers['content-type'] ??= 'application/json';
	const response = await fetch(base + path, {
		method,
		headers,
		...(options.raw !== undefined
			? { body: options.raw }
			: options.body !== undefined
				? { body: JSON.stringify(options.body) }
				: {})
	});
	const text = await response.text();
	let json: Record<string, unknown> = {};
	try {
		json = text ? (JSON.parse(text) as Record<string, unknown>) : {};
	} catch {
		json = { text };
	}
	return { status: response.status, json };
}

export async function startSession(
	base: string,
	scenarioText: string,
	namesAllowed = true
): Promise<CreatedSession> {
	const result = await call(base, 'POST', '/api/sessions', {
		body: { scenarioText, file: 'scenario.yaml', namesAllowed }
	});
	if (result.status !== 201) throw new Error(`start: ${result.status} ${result.json.error}`);
	return result.json as unknown as CreatedSession;
}

export async function setPhase(base: string, session: CreatedSession, phase: string) {
	const result = await call(base, 'PATCH', `/api/sessions/${session.session.id}`, {
		key: session.adminKey,
		body: { phase }
	});
	if (result.status !== 200) throw new Error(`phase: ${result.status} ${result.json.error}`);
}

export async function joinAs(base: string, code: string, name?: string): Promise<Joined> {
	const result = await call(base, 'POST', '/api/join', {
		body: { code, ...(name ? { name } : {}) }
	});
	if (result.status !== 201) throw new Error(`join: ${result.status} ${result.json.error}`);
	return result.json as unknown as Joined;
}

export interface SentAnswer {
	id: string;
	phase: 'before' | 'after';
	rev: number;
	stances: Record<string, ClassStance>;
	quotes: Record<string, string>;
}

/** Sends until stored (as the student page does): network errors and 5xx are retried. */
export async function sendAnswer(
	base: string,
	joined: Joined,
	answer: SentAnswer,
	deadlineMs = 60_000
): Promise<{ status: number; ms: number; tries: number }> {
	const start = performance.now();
	let tries = 0;
	for (;;) {
		tries++;
		try {
			const result = await call(base, 'PUT', `/api/sessions/${joined.session}/answers`, {
				key: joined.token,
				body: answer
			});
			if (result.status < 500)
				return { status: result.status, ms: performance.now() - start, tries };
		} catch {
			// server away: try again
		}
		if (performance.now() - start > deadlineMs) throw new Error('answer not stored in time');
		await new Promise((r) => setTimeout(r, 250));
	}
}

export function answer(
	phase: 'before' | 'after',
	stances: Record<string, ClassStance>,
	quotes: Record<string, string> = {},
	rev = 1
): SentAnswer {
	return { id: randomUUID(), phase, rev, stances, quotes };
}

/** A small seeded generator, so a failing run can be repeated. */
export function seeded(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}
