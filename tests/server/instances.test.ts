/**
 * Several server instances on one PostgreSQL (how a school district outgrows one machine): they
 * migrate once between them, share sessions, and an answer sent to one reaches a dashboard
 * connected to the other over LISTEN/NOTIFY. And a database that is down gives a clear message.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ClassAnswer } from '../../src/lib/class/protocol';
import { DatabaseUnavailable } from '../../src/server/db';
import { startServer, type RunningServer } from '../../src/server/server';
import { answer, call, joinAs, sendAnswer, setPhase, startSession } from './class-client';
import { freshDatabase, startPostgres } from './postgres';
import { openEvents } from './sse';

const SCENARIO = readFileSync('scenarios/ukraine-war-2025.yaml', 'utf8');
const dataDir = () => mkdtempSync(join(tmpdir(), 'sg-inst-'));

describe('two instances on one PostgreSQL', () => {
	let one: RunningServer;
	let two: RunningServer;

	beforeAll(async () => {
		const url = await freshDatabase(inject('postgresUrl'), 'sg_instances');
		// Started together: the migration lock lets exactly one of them create the tables.
		[one, two] = await Promise.all([
			startServer({ port: 0, host: '127.0.0.1', databaseUrl: url, dataDir: dataDir() }),
			startServer({ port: 0, host: '127.0.0.1', databaseUrl: url, dataDir: dataDir() })
		]);
	});

	afterAll(async () => {
		await one?.close();
		await two?.close();
	});

	it('applied each migration once', async () => {
		const rows = await one.db.query('SELECT version FROM class_migrations ORDER BY version');
		expect(rows.map((r) => r.version)).toEqual([1]);
	});

	it('shows an answer sent to instance 1 on instance 2’s stream, and phases the other way', async () => {
		const session = await startSession(one.url, SCENARIO);
		const dashboard = await openEvents(
			two.url,
			`/api/sessions/${session.session.id}/events`,
			session.adminKey
		);
		const student = await joinAs(two.url, session.session.code);
		const studentStream = await openEvents(
			one.url,
			`/api/sessions/${student.session}/student/events`,
			student.token
		);
		const sent = answer('before', {
			'sanctions-tariffs': 'conditional',
			'military-pressure': 'oppose'
		});
		const started = Date.now();
		expect((await sendAnswer(one.url, student, sent)).status).toBe(200);
		const got = (await dashboard.next('answers', 5000)) as ClassAnswer[];
		console.log(`instance 1 -> instance 2 dashboard: ${Date.now() - started} ms`);
		expect(got.map((a) => a.stances)).toEqual([sent.stances]);
		await setPhase(two.url, session, 'reading');
		await studentStream.until('state', (s) => (s as { phase: string }).phase === 'reading', 5000);
		dashboard.close();
		studentStream.close();
	});
});

describe('the database unavailable', () => {
	it('refuses to start with a message naming the database', async () => {
		const start = startServer({
			port: 0,
			host: '127.0.0.1',
			databaseUrl: 'postgres://postgres@127.0.0.1:1/nowhere',
			dataDir: dataDir()
		});
		await expect(start).rejects.toBeInstanceOf(DatabaseUnavailable);
		await expect(start).rejects.toThrow(/Cannot reach PostgreSQL at 127\.0\.0\.1:1\/nowhere/);
	});

	it('answers 503 with a clear message while the database is down', async () => {
		const pg = await startPostgres();
		const server = await startServer({
			port: 0,
			host: '127.0.0.1',
			databaseUrl: pg.url,
			dataDir: dataDir()
		});
		try {
			const session = await startSession(server.url, SCENARIO);
			const student = await joinAs(server.url, session.session.code);
			await setPhase(server.url, session, 'before');
			pg.stop();
			const health = await call(server.url, 'GET', '/api/health');
			expect(health.status).toBe(503);
			expect(health.json.error).toMatch(
				/class database \(PostgreSQL at 127\.0\.0\.1:\d+\/postgres\) is unavailable/
			);
			const put = await call(server.url, 'PUT', `/api/sessions/${student.session}/answers`, {
				key: student.token,
				body: answer('before', { 'sanctions-tariffs': 'support' })
			});
			expect(put.status).toBe(503);
			expect(put.json.error).toContain('Answers stay on the devices and are sent again');
		} finally {
			await server.close();
		}
	});
});
