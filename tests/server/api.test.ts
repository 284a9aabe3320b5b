/**
 * The class server's API on both databases it supports: embedded PGlite and a real PostgreSQL.
 * The session model (phases, anonymous idempotent answers, live updates), and the security bars
 * of issue 14: students cannot read or change others' answers or act as the teacher, closed
 * sessions take no one, codes cannot be guessed, bad requests get a clear status, sessions are
 * deleted and expire.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ClassAnswer, CreatedSession } from '../../src/lib/class/protocol';
import { startServer, type RunningServer } from '../../src/server/server';
import { answer, call, joinAs, sendAnswer, setPhase, startSession } from './class-client';
import { freshDatabase } from './postgres';
import { openEvents } from './sse';

const SCENARIO = readFileSync('scenarios/ukraine-war-2025.yaml', 'utf8');

describe.each(['pglite', 'postgres'] as const)('class API on %s', (backend) => {
	let server: RunningServer;
	let base: string;
	let session: CreatedSession;

	beforeAll(async () => {
		const databaseUrl =
			backend === 'postgres' ? await freshDatabase(inject('postgresUrl'), 'sg_api') : undefined;
		server = await startServer({
			port: 0,
			host: '127.0.0.1',
			databaseUrl,
			dataDir: mkdtempSync(join(tmpdir(), 'sg-api-')),
			limits: { wrongCodesPerMinute: 6, keepAliveMs: 500 }
		});
		base = server.url;
		session = await startSession(base, SCENARIO);
	});

	afterAll(async () => {
		await server?.close();
	});

	it('runs the phases and streams answers to the teacher live', async () => {
		const teacher = await openEvents(
			base,
			`/api/sessions/${session.session.id}/events`,
			session.adminKey
		);
		const ann = await joinAs(base, session.session.code, 'Ann');
		const student = await openEvents(
			base,
			`/api/sessions/${ann.session}/student/events`,
			ann.token
		);
		const sent = answer('before', { 'sanctions-tariffs': 'support', 'direct-diplomacy': 'unsure' });
		expect((await sendAnswer(base, ann, sent)).status).toBe(200);
		const got = (await teacher.next('answers')) as ClassAnswer[];
		expect(got).toHaveLength(1);
		expect(got[0]).toMatchObject({
			participant: ann.participant,
			name: 'Ann',
			phase: 'before',
			stances: sent.stances,
			quotes: {}
		});
		await call(base, 'PATCH', `/api/sessions/${session.session.id}`, {
			key: session.adminKey,
			body: { namesAllowed: false }
		});
		const names = await server.db.query(
			'SELECT display_name FROM class_participants WHERE id = $1',
			[ann.participant]
		);
		expect(names[0]!.display_name).toBeNull();
		await setPhase(base, session, 'reading');
		expect(
			await student.until('state', (s) => (s as { phase: string }).phase === 'reading')
		).toBeTruthy();
		teacher.close();
		student.close();
	});

	it('sends no sources to students before reading, and all of them from reading on', async () => {
		const fresh = await startSession(base, SCENARIO);
		const bea = await joinAs(base, fresh.session.code);
		const before = await call(base, 'GET', `/api/sessions/${bea.session}/student`, {
			key: bea.token
		});
		const scenario = before.json.scenario as { claims: unknown[]; options: unknown[] };
		expect(scenario.claims).toHaveLength(0);
		expect(scenario.options.length).toBeGreaterThan(3);
		expect(JSON.stringify(before.json)).not.toContain('"quote"');
		await setPhase(base, fresh, 'reading');
		const reading = await call(base, 'GET', `/api/sessions/${bea.session}/student`, {
			key: bea.token
		});
		expect((reading.json.scenario as { claims: unknown[] }).claims.length).toBeGreaterThan(10);
	});

	it('stores an answer once however often it is sent, and ignores a stale revision', async () => {
		const fresh = await startSession(base, SCENARIO);
		const cai = await joinAs(base, fresh.session.code);
		const first = answer('before', { 'sanctions-tariffs': 'oppose' });
		const put = (body: unknown) =>
			call(base, 'PUT', `/api/sessions/${cai.session}/answers`, { key: cai.token, body });
		expect((await put(first)).json.stored).toBe('new');
		expect((await put(first)).json.stored).toBe('already');
		const second = { ...answer('before', { 'sanctions-tariffs': 'support' }), rev: 3 };
		expect((await put(second)).json.stored).toBe('replaced');
		const stale = { ...answer('before', { 'sanctions-tariffs': 'conditional' }), rev: 2 };
		expect((await put(stale)).json.stored).toBe('already');
		const rows = await server.db.query(
			'SELECT stances FROM class_answers WHERE participant_id = $1',
			[cai.participant]
		);
		expect(rows).toHaveLength(1);
		expect(rows[0]!.stances).toEqual({ 'sanctions-tariffs': 'support' });
	});

	it('keeps answers to their phase and their options', async () => {
		const fresh = await startSession(base, SCENARIO);
		const dan = await joinAs(base, fresh.session.code);
		const put = (body: unknown) =>
			call(base, 'PUT', `/api/sessions/${dan.session}/answers`, { key: dan.token, body });
		expect((await put(answer('after', { 'sanctions-tariffs': 'oppose' }))).status).toBe(409);
		const unknown = await put(answer('before', { 'no-such-option': 'oppose' }));
		expect(unknown.status).toBe(422);
		expect(unknown.json.error).toContain('no-such-option');
		expect((await put(answer('before', { 'sanctions-tariffs': 'maybe' as 'unsure' }))).status).toBe(
			422
		);
		await setPhase(base, fresh, 'after');
		const wrongQuote = await put(
			answer('after', { 'sanctions-tariffs': 'oppose' }, { 'sanctions-tariffs': 'not-a-claim' })
		);
		expect(wrongQuote.status).toBe(422);
		expect(wrongQuote.json.error).toContain('quotes.sanctions-tariffs');
		await setPhase(base, fresh, 'closed');
		const closed = await put(answer('after', { 'sanctions-tariffs': 'oppose' }));
		expect(closed.status).toBe(409);
		expect(closed.json.error).toContain('closed');
		const join = await call(base, 'POST', '/api/join', { body: { code: fresh.session.code } });
		expect(join.status).toBe(403);
		expect(join.json.error).toContain('closed');
	});

	it('lets no student read others’ answers or act as the teacher', async () => {
		const other = await startSession(base, SCENARIO);
		const eve = await joinAs(base, session.session.code);
		const id = session.session.id;
		// Teacher endpoints with a student's token, or with no or a wrong key.
		for (const key of [eve.token, undefined, 'x'.repeat(32)]) {
			expect([401, 403]).toContain(
				(await call(base, 'GET', `/api/sessions/${id}`, { key })).status
			);
			expect([401, 403]).toContain(
				(await call(base, 'PATCH', `/api/sessions/${id}`, { key, body: { phase: 'closed' } }))
					.status
			);
			expect([401, 403]).toContain(
				(await call(base, 'DELETE', `/api/sessions/${id}`, { key })).status
			);
			const stream = await fetch(`${base}/api/sessions/${id}/events`, {
				headers: key ? { authorization: `Bearer ${key}` } : {}
			});
			expect([401, 403]).toContain(stream.status);
			await stream.body?.cancel();
		}
		// A student's token is good for its own session only.
		const crossed = await call(base, 'PUT', `/api/sessions/${other.session.id}/answers`, {
			key: eve.token,
			body: answer('before', { 'sanctions-tariffs': 'oppose' })
		});
		expect(crossed.status).toBe(403);
		// What a student can read holds their own answers only, and no one's names or keys.
		const own = await call(base, 'GET', `/api/sessions/${id}/student`, { key: eve.token });
		expect(own.status).toBe(200);
		expect(own.json.answers).toEqual([]);
		const text = JSON.stringify(own.json);
		expect(text).not.toContain('Ann');
		expect(text).not.toContain(session.adminKey);
		expect(text).not.toContain('admin');
	});

	it('refuses malformed and oversized requests with a clear status', async () => {
		const badJson = await call(base, 'POST', '/api/join', { raw: '{"code": ' });
		expect(badJson.status).toBe(400);
		expect(badJson.json.error).toContain('not valid JSON');
		const notJson = await call(base, 'PATCH', `/api/sessions/${session.session.id}`, {
			key: session.adminKey,
			raw: 'phase=closed',
			headers: { 'content-type': 'application/x-www-form-urlencoded' }
		});
		expect(notJson.status).toBe(415);
		const extra = await call(base, 'PATCH', `/api/sessions/${session.session.id}`, {
			key: session.adminKey,
			body: { phase: 'reading', admin: true }
		});
		expect(extra.status).toBe(422);
		const big = await call(base, 'POST', '/api/join', {
			body: { code: 'ABCDEF', name: 'x'.repeat(20_000) }
		});
		expect(big.status).toBe(413);
		const bigScenario = await call(base, 'POST', '/api/sessions', {
			raw: JSON.stringify({ scenarioText: 'x'.repeat(5 * 1024 * 1024) })
		});
		expect(bigScenario.status).toBe(413);
		const broken = await call(base, 'POST', '/api/sessions', {
			body: { scenarioText: 'meta:\n  id: Not A Slug\n', file: 'broken.yaml' }
		});
		expect(broken.status).toBe(422);
		expect(broken.json.error).toMatch(/broken\.yaml:\d+:\d+/);
		const api404 = await call(base, 'GET', '/api/nothing');
		expect(api404.status).toBe(404);
	});

	it('deletes a session with its students and answers, and lets sessions expire', async () => {
		const doomed = await startSession(base, SCENARIO);
		const fay = await joinAs(base, doomed.session.code);
		await sendAnswer(base, fay, answer('before', { 'sanctions-tariffs': 'oppose' }));
		const watching = await openEvents(
			base,
			`/api/sessions/${fay.session}/student/events`,
			fay.token
		);
		await watching.next('state');
		expect(
			(await call(base, 'DELETE', `/api/sessions/${doomed.session.id}`, { key: doomed.adminKey }))
				.status
		).toBe(204);
		expect(await watching.next('deleted')).toMatchObject({
			error: expect.stringContaining('deleted')
		});
		watching.close();
		for (const table of ['class_sessions', 'class_participants', 'class_answers']) {
			const column = table === 'class_sessions' ? 'id' : 'session_id';
			const rows = await server.db.query(`SELECT 1 FROM ${table} WHERE ${column} = $1`, [
				doomed.session.id
			]);
			expect(rows).toHaveLength(0);
		}
		expect(
			(await call(base, 'POST', '/api/join', { body: { code: doomed.session.code } })).status
		).toBe(404);

		const old = await startSession(base, SCENARIO);
		const gus = await joinAs(base, old.session.code);
		await server.db.query(
			"UPDATE class_sessions SET expires_at = now() - interval '1 second' WHERE id = $1",
			[old.session.id]
		);
		expect(
			(await call(base, 'GET', `/api/sessions/${old.session.id}`, { key: old.adminKey })).status
		).toBe(403);
		expect(
			(await call(base, 'GET', `/api/sessions/${gus.session}/student`, { key: gus.token })).status
		).toBe(403);
		expect(await server.store.sweep()).toBeGreaterThanOrEqual(1);
		expect(
			await server.db.query('SELECT 1 FROM class_participants WHERE id = $1', [gus.participant])
		).toHaveLength(0);
	});

	it('makes join codes hard to guess and stops a guesser', async () => {
		const codes = new Set<string>();
		for (let i = 0; i < 5; i++) codes.add((await startSession(base, SCENARIO)).session.code);
		expect(codes.size).toBe(5);
		for (const code of codes) expect(code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}$/);
		// Wrong codes from this address (earlier tests sent one) until it is blocked.
		const statuses: number[] = [];
		for (let i = 0; i < 8; i++) {
			const code = 'ZZZZZ' + ((i % 8) + 2);
			statuses.push((await call(base, 'POST', '/api/join', { body: { code } })).status);
		}
		const first = statuses.indexOf(429);
		expect(first).toBeGreaterThan(0);
		expect(first).toBeLessThanOrEqual(6);
		expect(statuses.slice(0, first).every((s) => s === 404)).toBe(true);
		expect(statuses.slice(first).every((s) => s === 429)).toBe(true);
		// Even the right code is refused while the address is blocked.
		const blocked = await call(base, 'POST', '/api/join', { body: { code: session.session.code } });
		expect(blocked.status).toBe(429);
	});
});
