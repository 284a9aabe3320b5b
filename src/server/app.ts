/**
 * The class server's HTTP interface (Hono): the JSON API under /api, live updates as server-sent
 * events, and the built static site for everything else. Every request body is checked with the
 * valibot schemas in src/lib/class/protocol.ts before anything reads it; every refusal is JSON
 * `{ error }` with a status that says what went wrong.
 */
import { timingSafeEqual } from 'node:crypto';
import { getConnInfo } from '@hono/node-server/conninfo';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { streamSSE } from 'hono/streaming';
import * as v from 'valibot';
import {
	AnswerSchema,
	CreateSessionSchema,
	issueText,
	JoinSchema,
	normaliseCode,
	UpdateSessionSchema,
	type ApiError
} from '../lib/class/protocol';
import { formatLoadError, loadScenario } from '../lib/scenario/load';
import { DatabaseUnavailable } from './db';
import type { Hub, Subscriber } from './hub';
import { RateLimit } from './rate-limit';
import { hashSecret, sessionState, studentScenario, type ClassStore, type Session } from './store';

export interface AppOptions {
	store: ClassStore;
	hub: Hub;
	/** The built site (adapter-static output); not served when absent. */
	staticDir?: string;
	/** Use the first X-Forwarded-For address as the client's (behind a trusted load balancer). */
	trustProxy?: boolean;
	limits?: Partial<Limits>;
}

export interface Limits {
	/** Wrong join codes per client address per minute. */
	wrongCodesPerMinute: number;
	/** Wrong join codes per minute from all addresses together (a distributed guesser). */
	wrongCodesPerMinuteTotal: number;
	/** Sessions started per client address per ten minutes. */
	sessionsPerTenMinutes: number;
	/** Keep-alive comment interval on event streams. */
	keepAliveMs: number;
}

const DEFAULT_LIMITS: Limits = {
	wrongCodesPerMinute: 10,
	wrongCodesPerMinuteTotal: 300,
	sessionsPerTenMinutes: 30,
	keepAliveMs: 15_000
};

/** A scenario file can be large; every other body is a few hundred bytes. */
export const MAX_SCENARIO_BODY = 4 * 1024 * 1024;
export const MAX_BODY = 16 * 1024;

const refuse = (c: Context, status: number, error: string, headers: Record<string, string> = {}) =>
	c.json({ error } satisfies ApiError, status as 400, headers);

function sameSecret(secret: string, hash: string): boolean {
	const a = Buffer.from(hashSecret(secret), 'hex');
	const b = Buffer.from(hash, 'hex');
	return a.length === b.length && timingSafeEqual(a, b);
}

function bearer(c: Context): string | null {
	const header = c.req.header('authorization') ?? '';
	const match = /^Bearer ([A-Za-z0-9_-]{16,100})$/.exec(header);
	return match ? match[1]! : null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function createApp(options: AppOptions): Hono {
	const { store, hub } = options;
	const limits = { ...DEFAULT_LIMITS, ...options.limits };
	const wrongCodes = new RateLimit(limits.wrongCodesPerMinute, 60_000);
	const wrongCodesTotal = new RateLimit(limits.wrongCodesPerMinuteTotal, 60_000);
	const starts = new RateLimit(limits.sessionsPerTenMinutes, 600_000);
	const app = new Hono();

	const clientAddress = (c: Context): string => {
		if (options.trustProxy) {
			const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
			if (forwarded) return forwarded;
		}
		try {
			return getConnInfo(c).remote.address ?? 'unknown';
		} catch {
			return 'unknown';
		}
	};

	/** Reads and checks a JSON body; a Response when it is refused. */
	async function body<S extends v.GenericSchema>(
		c: Context,
		schema: S
	): Promise<v.InferOutput<S> | Response> {
		const type = c.req.header('content-type') ?? '';
		if (!/^application\/json\b/i.test(type)) {
			return refuse(c, 415, 'Send the request body as JSON (Content-Type: application/json).');
		}
		let data: unknown;
		try {
			data = JSON.parse(await c.req.text());
		} catch {
			return refuse(c, 400, 'The request body is not valid JSON.');
		}
		const checked = v.safeParse(schema, data);
		if (!checked.success) return refuse(c, 422, `Refused: ${issueText(checked.issues)}.`);
		return checked.output;
	}

	async function teacherSession(c: Context): Promise<Session | Response> {
		const id = c.req.param('id') ?? '';
		const key = bearer(c);
		if (!key) return refuse(c, 401, 'This needs the teacher key of the session.');
		const session = UUID.test(id) ? await store.get(id) : null;
		// The same answer for "no such session" and "wrong key": neither tells a guesser anything.
		if (!session || !sameSecret(key, session.adminHash)) {
			return refuse(c, 403, 'No session with this id and teacher key (it may have expired).');
		}
		return session;
	}

	async function studentOf(
		c: Context
	): Promise<{ session: Session; participant: string } | Response> {
		const id = c.req.param('id') ?? '';
		const token = bearer(c);
		if (!token) return refuse(c, 401, 'Join the session with its code first.');
		const found = UUID.test(id) ? await store.student(id, token) : null;
		if (!found) {
			return refuse(c, 403, 'This device is not in that session (it may have ended or expired).');
		}
		return found;
	}

	app.onError((error, c) => {
		if (error instanceof DatabaseUnavailable) {
			return refuse(c, 503, `${error.message} Answers stay on the devices and are sent again.`, {
				'Retry-After': '2'
			});
		}
		console.error(error);
		return refuse(c, 500, 'The class server failed on this request; it has been logged.');
	});

	app.use('*', async (c, next) => {
		await next();
		c.header('X-Content-Type-Options', 'nosniff');
		c.header('Referrer-Policy', 'strict-origin-when-cross-origin');
		c.header('Content-Security-Policy', "frame-ancestors 'none'");
	});

	const small = bodyLimit({
		maxSize: MAX_BODY,
		onError: (c) => refuse(c, 413, `The request body is over ${MAX_BODY / 1024} KiB.`)
	});
	const large = bodyLimit({
		maxSize: MAX_SCENARIO_BODY,
		onError: (c) =>
			refuse(c, 413, `The scenario is over ${MAX_SCENARIO_BODY / 1024 / 1024} MiB for a class.`)
	});
	app.use('/api/*', (c, next) =>
		c.req.method === 'POST' && c.req.path === '/api/sessions' ? large(c, next) : small(c, next)
	);
	app.use('/api/*', async (c, next) => {
		await next();
		c.header('Cache-Control', 'no-store');
	});

	app.get('/api/health', async (c) => {
		try {
			await store.db.query('SELECT 1');
			return c.json({ ok: true, database: store.db.kind });
		} catch (error) {
			if (error instanceof DatabaseUnavailable) throw error;
			throw new DatabaseUnavailable(
				`The class database (${store.db.where}) is unavailable: ${(error as Error).message}`
			);
		}
	});

	app.post('/api/sessions', async (c) => {
		const address = clientAddress(c);
		if (!starts.take(address)) {
			return refuse(c, 429, 'Too many sessions started from this address; wait a few minutes.', {
				'Retry-After': String(starts.retryAfter(address))
			});
		}
		const input = await body(c, CreateSessionSchema);
		if (input instanceof Response) return input;
		const loaded = loadScenario(input.scenarioText, input.file);
		if (!loaded.ok) {
			return refuse(
				c,
				422,
				`The scenario has ${loaded.errors.length} problem(s): ${loaded.errors.slice(0, 5).map(formatLoadError).join('; ')}`
			);
		}
		const created = await store.create(loaded.scenario, input.namesAllowed);
		return c.json(created, 201);
	});

	app.get('/api/sessions/:id', async (c) => {
		const session = await teacherSession(c);
		if (session instanceof Response) return session;
		return c.json({ session: sessionState(session), scenario: session.scenario });
	});

	app.patch('/api/sessions/:id', async (c) => {
		const session = await teacherSession(c);
		if (session instanceof Response) return session;
		const input = await body(c, UpdateSessionSchema);
		if (input instanceof Response) return input;
		await store.update(session.id, input);
		const updated = await store.get(session.id);
		return c.json({ session: updated ? sessionState(updated) : null });
	});

	app.delete('/api/sessions/:id', async (c) => {
		const session = await teacherSession(c);
		if (session instanceof Response) return session;
		await store.remove(session.id);
		return c.body(null, 204);
	});

	app.post('/api/join', async (c) => {
		const address = clientAddress(c);
		if (wrongCodes.blocked(address) || wrongCodesTotal.blocked('all')) {
			return refuse(c, 429, 'Too many wrong codes; wait a minute and check the code.', {
				'Retry-After': String(Math.max(wrongCodes.retryAfter(address), 1))
			});
		}
		const raw = await c.req.text();
		let parsed: unknown;
		try {
			parsed = JSON.parse(raw);
		} catch {
			return refuse(c, 400, 'The request body is not valid JSON.');
		}
		if (
			parsed &&
			typeof parsed === 'object' &&
			typeof (parsed as { code?: unknown }).code === 'string'
		) {
			(parsed as { code: string }).code = normaliseCode((parsed as { code: string }).code);
		}
		const checked = v.safeParse(JoinSchema, parsed);
		if (!checked.success) {
			wrongCodes.take(address);
			wrongCodesTotal.take('all');
			return refuse(c, 422, `Refused: ${issueText(checked.issues)}.`);
		}
		const session = await store.byCode(checked.output.code);
		if (!session) {
			wrongCodes.take(address);
			wrongCodesTotal.take('all');
			return refuse(c, 404, 'No class session has this code. Check it with your teacher.');
		}
		if (session.phase === 'closed') {
			return refuse(c, 403, 'This class session is closed: it takes no new students.');
		}
		const joined = await store.join(session, checked.output.name ?? null);
		return c.json(joined, 201);
	});

	app.get('/api/sessions/:id/student', async (c) => {
		const who = await studentOf(c);
		if (who instanceof Response) return who;
		return c.json({
			session: {
				phase: who.session.phase,
				namesAllowed: who.session.namesAllowed,
				expiresAt: who.session.expiresAt
			},
			scenario: studentScenario(who.session.scenario, who.session.phase),
			answers: await store.ownAnswers(who.participant)
		});
	});

	app.put('/api/sessions/:id/answers', async (c) => {
		const who = await studentOf(c);
		if (who instanceof Response) return who;
		const input = await body(c, AnswerSchema);
		if (input instanceof Response) return input;
		const result = await store.answer(who.session, who.participant, input);
		if (!result.ok) return refuse(c, result.status, result.error);
		return c.json({ stored: result.stored });
	});

	const events = (c: Context, role: Subscriber['role'], sessionId: string) => {
		const lastId = Number(c.req.header('last-event-id') ?? '0');
		return streamSSE(c, async (stream) => {
			let finish: () => void = () => {};
			const closed = new Promise<void>((resolve) => (finish = resolve));
			const subscriber: Subscriber = {
				session: sessionId,
				role,
				cursor: Number.isFinite(lastId) && lastId > 0 ? lastId : 0,
				version: -1,
				participants: -1,
				send: (event, data, id) =>
					stream.writeSSE({ event, data: JSON.stringify(data), ...(id ? { id } : {}) }),
				close: () => finish()
			};
			stream.onAbort(() => finish());
			await stream.writeSSE({ event: 'hello', data: '{}', retry: 1000 });
			hub.add(subscriber);
			const keepAlive = setInterval(() => {
				void stream.write(': keep-alive\n\n').catch(() => finish());
			}, limits.keepAliveMs);
			await closed;
			clearInterval(keepAlive);
			hub.remove(subscriber);
		});
	};

	app.get('/api/sessions/:id/events', async (c) => {
		const session = await teacherSession(c);
		if (session instanceof Response) return session;
		return events(c, 'teacher', session.id);
	});

	app.get('/api/sessions/:id/student/events', async (c) => {
		const who = await studentOf(c);
		if (who instanceof Response) return who;
		return events(c, 'student', who.session.id);
	});

	app.all('/api/*', (c) => refuse(c, 404, `No such API address: ${c.req.method} ${c.req.path}`));

	if (options.staticDir) {
		const root = options.staticDir;
		app.use('*', compress());
		app.use('*', async (c, next) => {
			await next();
			if (c.req.path.startsWith('/_app/immutable/')) {
				c.header('Cache-Control', 'public, max-age=31536000, immutable');
			} else if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-cache');
		});
		app.use('*', serveStatic({ root }));
		// adapter-static writes /class as class.html (trailingSlash 'never').
		app.use('*', serveStatic({ root, rewriteRequestPath: (path) => `${path}.html` }));
	}
	app.all('*', (c) => c.text('Not found', 404));
	return app;
}
