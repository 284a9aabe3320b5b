/**
 * Class sessions, students and answers in the database. Every write that others should see is
 * followed by a NOTIFY on {@link CHANNEL}, which every instance listening on the same database
 * turns into live updates for its own connected pages.
 */
import { createHash, randomBytes, randomInt, randomUUID } from 'node:crypto';
import {
	CODE_ALPHABET,
	CODE_LENGTH,
	type AnswerRequest,
	type ClassAnswer,
	type ClassStance,
	type CreatedSession,
	type Joined,
	type Phase,
	type SessionState,
	type StudentScenario
} from '../lib/class/protocol';
import type { Scenario } from '../lib/scenario/schema';
import type { Db } from './db';

export const CHANNEL = 'stancegrid_class';

export interface Change {
	session: string;
	kind: 'session' | 'answer' | 'join' | 'deleted';
}

interface SessionRow {
	id: string;
	code: string;
	admin_hash: string;
	phase: Phase;
	names_allowed: boolean;
	version: number;
	expires_at: Date | string;
	participants: number | string;
}

export interface Session {
	id: string;
	code: string;
	scenario: Scenario;
	phase: Phase;
	namesAllowed: boolean;
	version: number;
	expiresAt: string;
	participants: number;
	adminHash: string;
}

export function hashSecret(secret: string): string {
	return createHash('sha256').update(secret).digest('hex');
}

function secret(): string {
	return randomBytes(24).toString('base64url');
}

function newCode(): string {
	let code = '';
	for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
	return code;
}

function toSession(row: SessionRow, scenario: Scenario): Session {
	return {
		id: row.id,
		code: row.code,
		scenario,
		phase: row.phase,
		namesAllowed: row.names_allowed,
		version: Number(row.version),
		expiresAt: new Date(row.expires_at).toISOString(),
		participants: Number(row.participants),
		adminHash: row.admin_hash
	};
}

export function sessionState(session: Session): SessionState {
	return {
		id: session.id,
		code: session.code,
		phase: session.phase,
		namesAllowed: session.namesAllowed,
		expiresAt: session.expiresAt,
		participants: session.participants
	};
}

/** The scenario as a student may see it: no claims (so no sources) before reading. */
export function studentScenario(scenario: Scenario, phase: Phase): StudentScenario {
	const sources = new Map(scenario.sources.map((s) => [s.id, s]));
	return {
		meta: {
			id: scenario.meta.id,
			title: scenario.meta.title,
			question: scenario.meta.question,
			as_of: scenario.meta.as_of
		},
		options: scenario.options.map(({ id, label, description }) => ({ id, label, description })),
		commentators:
			phase === 'before'
				? []
				: scenario.commentators.map(({ id, name, role }) => ({ id, name, role })),
		claims:
			phase === 'before'
				? []
				: scenario.claims.map((claim) => {
						const source = sources.get(claim.source);
						return {
							id: claim.id,
							option: claim.option,
							commentator: claim.commentator,
							stance: claim.stance,
							consequence: claim.consequence,
							quote: claim.quote.exact,
							source: {
								outlet: source?.outlet ?? '',
								title: source?.title ?? '',
								url: source?.url ?? ''
							}
						};
					})
	};
}

const SESSION_COLUMNS = `s.id, s.code, s.admin_hash, s.phase, s.names_allowed, s.version, s.expires_at,
	(SELECT count(*) FROM class_participants p WHERE p.session_id = s.id) AS participants`;

export type AnswerResult =
	| { ok: true; stored: 'new' | 'replaced' | 'already' }
	| { ok: false; status: 404 | 409 | 422; error: string };

/** Scenarios never change once a session starts, so each instance keeps the recent ones. */
const SCENARIO_CACHE = 64;

export class ClassStore {
	private readonly scenarios = new Map<string, Scenario>();

	constructor(
		readonly db: Db,
		private readonly ttlMs: number
	) {}

	private async notify(change: Change): Promise<void> {
		await this.db.query('SELECT pg_notify($1, $2)', [CHANNEL, JSON.stringify(change)]);
	}

	async create(scenario: Scenario, namesAllowed: boolean): Promise<CreatedSession> {
		const adminKey = secret();
		const id = randomUUID();
		const expires = new Date(Date.now() + this.ttlMs).toISOString();
		// A code still held by an unswept session is simply drawn again.
		for (let attempt = 0; attempt < 20; attempt++) {
			const rows = await this.db.query(
				`INSERT INTO class_sessions (id, code, admin_hash, scenario, phase, names_allowed, expires_at)
				 VALUES ($1, $2, $3, $4::jsonb, 'before', $5, $6) ON CONFLICT (code) DO NOTHING RETURNING id`,
				[id, newCode(), hashSecret(adminKey), scenario, namesAllowed, expires]
			);
			if (rows.length === 1) {
				const session = await this.get(id);
				return { session: sessionState(session!), adminKey };
			}
		}
		throw new Error('no free join code after 20 draws');
	}

	/** A live (not expired) session, or null. */
	async get(id: string): Promise<Session | null> {
		const rows = await this.db.query<SessionRow & Record<string, unknown>>(
			`SELECT ${SESSION_COLUMNS} FROM class_sessions s WHERE s.id = $1 AND s.expires_at > now()`,
			[id]
		);
		return rows[0] ? this.withScenario(rows[0]) : null;
	}

	/** Reading and parsing a scenario (100 KB of JSON) on every request cost most of the time. */
	private async withScenario(row: SessionRow): Promise<Session | null> {
		let scenario = this.scenarios.get(row.id);
		if (!scenario) {
			const rows = await this.db.query('SELECT scenario FROM class_sessions WHERE id = $1', [
				row.id
			]);
			if (!rows[0]) return null;
			const value = rows[0].scenario;
			scenario = (typeof value === 'string' ? JSON.parse(value) : value) as Scenario;
			if (this.scenarios.size >= SCENARIO_CACHE) {
				this.scenarios.delete(this.scenarios.keys().next().value!);
			}
			this.scenarios.set(row.id, scenario);
		}
		return toSession(row, scenario);
	}

	async byCode(code: string): Promise<Session | null> {
		const rows = await this.db.query<SessionRow & Record<string, unknown>>(
			`SELECT ${SESSION_COLUMNS} FROM class_sessions s WHERE s.code = $1 AND s.expires_at > now()`,
			[code]
		);
		return rows[0] ? this.withScenario(rows[0]) : null;
	}

	async update(id: string, changes: { phase?: Phase; namesAllowed?: boolean }): Promise<void> {
		await this.db.query(
			`UPDATE class_sessions SET phase = coalesce($2, phase), names_allowed = coalesce($3, names_allowed),
			 version = version + 1 WHERE id = $1`,
			[id, changes.phase ?? null, changes.namesAllowed ?? null]
		);
		// Turning names off forgets the names already given, not only future ones.
		if (changes.namesAllowed === false) {
			await this.db.query(
				'UPDATE class_participants SET display_name = NULL WHERE session_id = $1',
				[id]
			);
		}
		await this.notify({ session: id, kind: 'session' });
	}

	async remove(id: string): Promise<void> {
		this.scenarios.delete(id);
		await this.db.query('DELETE FROM class_sessions WHERE id = $1', [id]);
		await this.notify({ session: id, kind: 'deleted' });
	}

	/** Deletes expired sessions with their students and answers; returns how many. */
	async sweep(): Promise<number> {
		const rows = await this.db.query(
			'DELETE FROM class_sessions WHERE expires_at <= now() RETURNING id'
		);
		for (const row of rows) await this.notify({ session: String(row.id), kind: 'deleted' });
		return rows.length;
	}

	async join(session: Session, name: string | null): Promise<Joined> {
		const token = secret();
		const participant = randomUUID();
		await this.db.query(
			'INSERT INTO class_participants (id, session_id, token_hash, display_name) VALUES ($1, $2, $3, $4)',
			[participant, session.id, hashSecret(token), session.namesAllowed ? name || null : null]
		);
		await this.notify({ session: session.id, kind: 'join' });
		return {
			session: session.id,
			participant,
			token,
			phase: session.phase,
			namesAllowed: session.namesAllowed
		};
	}

	/** The session and the student whose token this is, in one query; null when not both. */
	async student(
		sessionId: string,
		token: string
	): Promise<{ session: Session; participant: string } | null> {
		const rows = await this.db.query<SessionRow & Record<string, unknown>>(
			`SELECT ${SESSION_COLUMNS}, p.id AS participant FROM class_sessions s
			 JOIN class_participants p ON p.session_id = s.id
			 WHERE s.id = $1 AND p.token_hash = $2 AND s.expires_at > now()`,
			[sessionId, hashSecret(token)]
		);
		if (!rows[0]) return null;
		const session = await this.withScenario(rows[0]);
		return session ? { session, participant: String(rows[0].participant) } : null;
	}

	async answer(session: Session, participant: string, body: AnswerRequest): Promise<AnswerResult> {
		const allowed: Record<AnswerPhaseKey, Phase[]> = {
			// A "before" answer queued on a device that went offline may arrive once reading began.
			before: ['before', 'reading'],
			after: ['after']
		};
		if (!allowed[body.phase].includes(session.phase)) {
			return {
				ok: false,
				status: 409,
				error:
					session.phase === 'closed'
						? 'The session is closed: answers are no longer taken.'
						: `The class is in the "${session.phase}" phase, so a "${body.phase}" answer is not taken now.`
			};
		}
		const options = new Set(session.scenario.options.map((o) => o.id));
		const claimOption = new Map(session.scenario.claims.map((c) => [c.id, c.option]));
		for (const option of Object.keys(body.stances)) {
			if (!options.has(option))
				return {
					ok: false,
					status: 422,
					error: `stances.${option}: not an option of this session`
				};
		}
		for (const [option, claim] of Object.entries(body.quotes)) {
			if (body.phase !== 'after')
				return { ok: false, status: 422, error: 'quotes: only taken after reading' };
			if (claimOption.get(claim) !== option)
				return { ok: false, status: 422, error: `quotes.${option}: not a quote on this option` };
		}
		// One round trip: the upsert, whether it inserted (xmax = 0 on a fresh row), and the NOTIFY.
		const rows = await this.db.query(
			`WITH up AS (
			   INSERT INTO class_answers (participant_id, phase, session_id, id, rev, stances, quotes)
			   VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb)
			   ON CONFLICT (participant_id, phase) DO UPDATE SET id = excluded.id, rev = excluded.rev,
			     stances = excluded.stances, quotes = excluded.quotes,
			     seq = nextval('class_answer_seq'), received_at = now()
			   WHERE class_answers.rev < excluded.rev
			   RETURNING (xmax = 0) AS inserted
			 )
			 SELECT inserted, pg_notify($8, $9) FROM up`,
			[
				participant,
				body.phase,
				session.id,
				body.id,
				body.rev,
				// Objects, not JSON text: both drivers encode a jsonb parameter themselves, and text
				// would be stored as a JSON string.
				body.stances,
				body.quotes,
				CHANNEL,
				JSON.stringify({ session: session.id, kind: 'answer' } satisfies Change)
			]
		);
		if (rows.length === 0) return { ok: true, stored: 'already' };
		return { ok: true, stored: rows[0]!.inserted ? 'new' : 'replaced' };
	}

	/** Answers stored or replaced after `seq`, oldest first (what a dashboard has not seen). */
	async answersSince(sessionId: string, seq: number): Promise<ClassAnswer[]> {
		const rows = await this.db.query(
			`SELECT a.participant_id, a.phase, a.stances, a.quotes, a.seq, p.display_name
			 FROM class_answers a JOIN class_participants p ON p.id = a.participant_id
			 WHERE a.session_id = $1 AND a.seq > $2 ORDER BY a.seq`,
			[sessionId, seq]
		);
		return rows.map((row) => ({
			participant: String(row.participant_id),
			name: row.display_name === null ? null : String(row.display_name),
			phase: row.phase as ClassAnswer['phase'],
			stances: parseJson(row.stances) as Record<string, ClassStance>,
			quotes: parseJson(row.quotes) as Record<string, string>,
			seq: Number(row.seq)
		}));
	}

	/** The student's own answers, so a reloaded page shows what was stored. */
	async ownAnswers(participant: string): Promise<{ phase: string; rev: number; id: string }[]> {
		const rows = await this.db.query(
			'SELECT phase, rev, id FROM class_answers WHERE participant_id = $1',
			[participant]
		);
		return rows.map((r) => ({ phase: String(r.phase), rev: Number(r.rev), id: String(r.id) }));
	}
}

type AnswerPhaseKey = AnswerRequest['phase'];

function parseJson(value: unknown): unknown {
	return typeof value === 'string' ? JSON.parse(value) : value;
}
