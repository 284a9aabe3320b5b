/**
 * The teacher's side of a class session: starting it, the admin key (kept in this browser's
 * storage and sent only in a header, never put in an address), phase control, and the answers
 * arriving live over the event stream. The dashboard's numbers are derived from the answers.
 */
import type { Scenario } from '../scenario/schema';
import { api, local } from './api';
import { openEventStream, type StreamStatus } from './event-stream';
import type { ClassAnswer, CreatedSession, Phase, SessionState } from './protocol';

const KEYS = 'stancegrid.class.teacher';

interface KeptSession {
	key: string;
	code: string;
	title: string;
	startedAt: string;
}

/** Sessions started in this browser, by id. */
export function keptSessions(): Record<string, KeptSession> {
	try {
		const parsed = JSON.parse(local.get(KEYS) ?? '{}') as unknown;
		return parsed && typeof parsed === 'object' ? (parsed as Record<string, KeptSession>) : {};
	} catch {
		return {};
	}
}

function keep(id: string, kept: KeptSession | null): void {
	const all = keptSessions();
	if (kept) all[id] = kept;
	else delete all[id];
	local.set(KEYS, JSON.stringify(all));
}

export class TeacherSession {
	session = $state.raw<SessionState | null>(null);
	scenario = $state.raw<Scenario | null>(null);
	/** The latest answer per student and phase. */
	answers = $state.raw<ClassAnswer[]>([]);
	connection = $state.raw<StreamStatus>({ state: 'connecting' });
	problem = $state<string | null>(null);
	ended = $state<string | null>(null);
	busy = $state(false);

	private key: string | null = null;
	// Not reactive on purpose: `answers` is replaced as a whole after each batch.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	private byKey = new Map<string, ClassAnswer>();
	private stream: { close(): void } | null = null;

	async start(scenarioText: string, file: string, namesAllowed: boolean): Promise<string | null> {
		this.busy = true;
		this.problem = null;
		const result = await api<CreatedSession>('POST', '/api/sessions', {
			body: { scenarioText, file, namesAllowed }
		});
		this.busy = false;
		if (!result.ok) {
			this.problem = result.error;
			return null;
		}
		const { session, adminKey } = result.data;
		keep(session.id, {
			key: adminKey,
			code: session.code,
			title: file,
			// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a timestamp, not state
			startedAt: new Date().toISOString()
		});
		return session.id;
	}

	/** Opens a session started in this browser; false when its key is not here. */
	async open(id: string): Promise<boolean> {
		const kept = keptSessions()[id];
		if (!kept) {
			this.problem =
				'This browser does not hold the teacher key of that session. Open it in the browser that started it.';
			return false;
		}
		this.key = kept.key;
		const result = await api<{ session: SessionState; scenario: Scenario }>(
			'GET',
			`/api/sessions/${id}`,
			{ key: this.key }
		);
		if (!result.ok) {
			this.problem = result.error;
			if (result.status === 403) keep(id, null);
			return false;
		}
		this.session = result.data.session;
		this.scenario = result.data.scenario;
		keep(id, { ...kept, title: result.data.scenario.meta.title });
		this.stream?.close();
		this.stream = openEventStream(
			`/api/sessions/${id}/events`,
			{ Authorization: `Bearer ${this.key}` },
			{
				onEvent: (event, data) => this.onEvent(event, data),
				onStatus: (status) => {
					this.connection = status;
					if (status.state === 'open') this.problem = null;
					if (status.state === 'ended') this.ended = status.reason;
				}
			}
		);
		return true;
	}

	private onEvent(event: string, data: unknown): void {
		if (event === 'state') this.session = data as SessionState;
		else if (event === 'answers') {
			for (const answer of data as ClassAnswer[]) {
				const id = `${answer.participant}\u0000${answer.phase}`;
				const seen = this.byKey.get(id);
				if (!seen || seen.seq < answer.seq) this.byKey.set(id, answer);
			}
			this.answers = [...this.byKey.values()];
		} else if (event === 'problem') this.problem = (data as { error: string }).error;
		else if (event === 'deleted') this.ended = (data as { error: string }).error;
	}

	async update(changes: { phase?: Phase; namesAllowed?: boolean }): Promise<void> {
		if (!this.session) return;
		this.busy = true;
		const result = await api<{ session: SessionState }>(
			'PATCH',
			`/api/sessions/${this.session.id}`,
			{
				key: this.key,
				body: changes
			}
		);
		this.busy = false;
		if (!result.ok) this.problem = result.error;
		else if (result.data.session) this.session = result.data.session;
	}

	async remove(): Promise<boolean> {
		if (!this.session) return false;
		const id = this.session.id;
		const result = await api<null>('DELETE', `/api/sessions/${id}`, { key: this.key });
		if (!result.ok && result.status !== 403) {
			this.problem = result.error;
			return false;
		}
		this.close();
		keep(id, null);
		this.session = null;
		this.scenario = null;
		this.answers = [];
		this.byKey.clear();
		return true;
	}

	close(): void {
		this.stream?.close();
		this.stream = null;
	}
}
