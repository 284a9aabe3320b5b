/**
 * A student's side of a class session: joining with the code, following the teacher's phases
 * live, and sending answers that are never lost. An answer is kept in this browser's storage (the
 * outbox) until the server has stored it; while the server or the network is away it is sent
 * again with back-off, and the server's one-row-per-student-and-phase rule means a repeat never
 * counts twice.
 */
import { api, local, uuid } from './api';
import { openEventStream, type StreamStatus } from './event-stream';
import type {
	AnswerPhase,
	AnswerRequest,
	ClassStance,
	Joined,
	Phase,
	SessionState,
	StudentScenario
} from './protocol';

const JOIN_KEY = 'stancegrid.class.join';
const outboxKey = (session: string) => `stancegrid.class.outbox.${session}`;
const draftKey = (session: string, phase: AnswerPhase) =>
	`stancegrid.class.draft.${session}.${phase}`;

export interface Draft {
	stances: Record<string, ClassStance>;
	quotes: Record<string, string>;
}

type SendState = 'idle' | 'sending' | 'stored' | 'waiting' | 'refused';

export class StudentSession {
	joined = $state.raw<Joined | null>(null);
	phase = $state<Phase>('before');
	namesAllowed = $state(true);
	scenario = $state.raw<StudentScenario | null>(null);
	drafts = $state<Record<AnswerPhase, Draft>>({
		before: { stances: {}, quotes: {} },
		after: { stances: {}, quotes: {} }
	});
	/** The revision last stored by the server, per phase (0 = none). */
	stored = $state<Record<AnswerPhase, number>>({ before: 0, after: 0 });
	send = $state<Record<AnswerPhase, SendState>>({ before: 'idle', after: 'idle' });
	message = $state<string | null>(null);
	connection = $state.raw<StreamStatus>({ state: 'connecting' });
	ended = $state<string | null>(null);

	private stream: { close(): void } | null = null;
	private retryTimer: ReturnType<typeof setTimeout> | null = null;
	private retryDelay = 1000;
	private flushing = false;

	/** Resumes a session joined earlier in this browser (after a reload). */
	resume(): boolean {
		const saved = local.get(JOIN_KEY);
		if (!saved) return false;
		try {
			this.joined = JSON.parse(saved) as Joined;
		} catch {
			local.remove(JOIN_KEY);
			return false;
		}
		this.start();
		return true;
	}

	async join(code: string, name: string): Promise<void> {
		this.message = null;
		const result = await api<Joined>('POST', '/api/join', {
			body: { code, ...(name.trim() ? { name: name.trim() } : {}) }
		});
		if (!result.ok) {
			this.message = result.error;
			return;
		}
		this.joined = result.data;
		local.set(JOIN_KEY, JSON.stringify(result.data));
		this.start();
	}

	leave(): void {
		this.stream?.close();
		if (this.retryTimer) clearTimeout(this.retryTimer);
		local.remove(JOIN_KEY);
		this.joined = null;
		this.scenario = null;
		this.ended = null;
	}

	private start(): void {
		const joined = this.joined!;
		for (const phase of ['before', 'after'] as const) {
			const draft = local.get(draftKey(joined.session, phase));
			if (draft) {
				try {
					this.drafts[phase] = JSON.parse(draft) as Draft;
				} catch {
					// a damaged draft: start that phase afresh
				}
			}
		}
		void this.refresh();
		this.stream = openEventStream(
			`/api/sessions/${joined.session}/student/events`,
			{ Authorization: `Bearer ${joined.token}` },
			{
				onEvent: (event, data) => {
					if (event === 'state') {
						const state = data as SessionState;
						const changed = state.phase !== this.phase;
						this.phase = state.phase;
						this.namesAllowed = state.namesAllowed;
						// From reading on the claims arrive; a reconnect also re-reads what was stored.
						if (changed || !this.scenario) void this.refresh();
						void this.flush();
					} else if (event === 'deleted') {
						this.ended = (data as { error?: string }).error ?? 'The session was deleted.';
					}
				},
				onStatus: (status) => {
					this.connection = status;
					if (status.state === 'ended') {
						this.ended = status.reason;
					}
					if (status.state === 'open') void this.flush();
				}
			}
		);
		void this.flush();
	}

	private async refresh(): Promise<void> {
		const joined = this.joined;
		if (!joined) return;
		const result = await api<{
			session: { phase: Phase; namesAllowed: boolean };
			scenario: StudentScenario;
			answers: { phase: AnswerPhase; rev: number }[];
		}>('GET', `/api/sessions/${joined.session}/student`, { key: joined.token });
		if (!result.ok) {
			if (result.status === 403) this.ended = result.error;
			return;
		}
		this.phase = result.data.session.phase;
		this.namesAllowed = result.data.session.namesAllowed;
		this.scenario = result.data.scenario;
		for (const answer of result.data.answers) {
			this.stored[answer.phase] = Math.max(this.stored[answer.phase], answer.rev);
			if (this.send[answer.phase] === 'idle') this.send[answer.phase] = 'stored';
		}
	}

	setStance(phase: AnswerPhase, option: string, stance: ClassStance): void {
		this.drafts[phase].stances[option] = stance;
		this.saveDraft(phase);
	}

	setQuote(option: string, claim: string): void {
		if (claim) this.drafts.after.quotes[option] = claim;
		else delete this.drafts.after.quotes[option];
		this.saveDraft('after');
	}

	private saveDraft(phase: AnswerPhase): void {
		if (this.joined)
			local.set(draftKey(this.joined.session, phase), JSON.stringify(this.drafts[phase]));
		if (this.send[phase] === 'stored') this.send[phase] = 'idle';
	}

	private outbox(): AnswerRequest[] {
		if (!this.joined) return [];
		try {
			return JSON.parse(local.get(outboxKey(this.joined.session)) ?? '[]') as AnswerRequest[];
		} catch {
			return [];
		}
	}

	private setOutbox(items: AnswerRequest[]): void {
		if (this.joined) local.set(outboxKey(this.joined.session), JSON.stringify(items));
	}

	/** Queues the phase's answer (replacing an unsent one) and sends it. */
	submit(phase: AnswerPhase): void {
		const draft = this.drafts[phase];
		const queued = this.outbox().filter((a) => a.phase !== phase);
		const previous = Math.max(
			this.stored[phase],
			...this.outbox()
				.filter((a) => a.phase === phase)
				.map((a) => a.rev)
		);
		const answer: AnswerRequest = {
			id: uuid(),
			phase,
			rev: previous + 1,
			stances: { ...draft.stances },
			quotes: phase === 'after' ? { ...draft.quotes } : {}
		};
		this.setOutbox([...queued, answer]);
		this.send[phase] = 'sending';
		this.retryDelay = 1000;
		void this.flush();
	}

	/** Sends everything queued; what the server cannot take now is tried again later. */
	async flush(): Promise<void> {
		const joined = this.joined;
		if (!joined || this.flushing) return;
		this.flushing = true;
		if (this.retryTimer) clearTimeout(this.retryTimer);
		this.retryTimer = null;
		try {
			for (const answer of this.outbox()) {
				const result = await api<{ stored: string }>(
					'PUT',
					`/api/sessions/${joined.session}/answers`,
					{ key: joined.token, body: answer }
				);
				if (result.ok) {
					this.stored[answer.phase] = Math.max(this.stored[answer.phase], answer.rev);
					this.send[answer.phase] = 'stored';
					this.message = null;
					this.setOutbox(this.outbox().filter((a) => a.id !== answer.id));
				} else if (result.status === 0 || result.status >= 500 || result.status === 429) {
					this.send[answer.phase] = 'waiting';
					this.message = `${result.error} Your answer is kept on this device and sent again automatically.`;
					this.retryTimer = setTimeout(() => void this.flush(), this.retryDelay);
					this.retryDelay = Math.min(this.retryDelay * 2, 8000);
					return;
				} else {
					// Refused for good (phase over, session gone): say so, do not retry forever.
					this.send[answer.phase] = 'refused';
					this.message = result.error;
					this.setOutbox(this.outbox().filter((a) => a.id !== answer.id));
				}
			}
		} finally {
			this.flushing = false;
		}
	}

	/** Unsent answers, for the page to warn before leaving. */
	get pending(): number {
		return this.outbox().length;
	}
}
