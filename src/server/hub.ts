/**
 * Live updates: the pages connected to this instance, by session. A change announced on the
 * database channel (by this or any other instance) schedules one read per session, and each page
 * gets what it has not seen: the session's state when it changed, and for teachers the answers
 * after their cursor. A slow periodic read catches anything a dropped LISTEN connection missed.
 */
import { sessionState, type Change, type ClassStore } from './store';
import { CHANNEL } from './store';
import { DatabaseUnavailable } from './db';

export interface Subscriber {
	session: string;
	role: 'teacher' | 'student';
	/** Teachers: the last answer sequence number sent (the SSE event id). */
	cursor: number;
	/** The last session version and participant count sent; -1 = nothing sent yet. */
	version: number;
	participants: number;
	send(event: string, data: unknown, id?: string): Promise<void>;
	close(): void;
}

export class Hub {
	private readonly subscribers = new Map<string, Set<Subscriber>>();
	private readonly scheduled = new Map<string, ReturnType<typeof setTimeout>>();
	private sweepTimer: ReturnType<typeof setInterval> | undefined;

	constructor(
		private readonly store: ClassStore,
		private readonly delayMs = 20,
		private readonly safetyMs = 5000
	) {}

	async start(): Promise<void> {
		await this.store.db.listen(CHANNEL, (payload) => {
			let change: Change;
			try {
				change = JSON.parse(payload) as Change;
			} catch {
				return;
			}
			if (!this.subscribers.has(change.session)) return;
			if (change.kind === 'deleted') this.deleted(change.session);
			else this.schedule(change.session);
		});
		this.sweepTimer = setInterval(() => {
			for (const session of this.subscribers.keys()) this.schedule(session);
		}, this.safetyMs);
		this.sweepTimer.unref();
	}

	stop(): void {
		clearInterval(this.sweepTimer);
		for (const timer of this.scheduled.values()) clearTimeout(timer);
		for (const set of this.subscribers.values()) for (const sub of set) sub.close();
		this.subscribers.clear();
	}

	get connections(): number {
		let n = 0;
		for (const set of this.subscribers.values()) n += set.size;
		return n;
	}

	add(subscriber: Subscriber): void {
		let set = this.subscribers.get(subscriber.session);
		if (!set) this.subscribers.set(subscriber.session, (set = new Set()));
		set.add(subscriber);
		this.schedule(subscriber.session, 0);
	}

	remove(subscriber: Subscriber): void {
		const set = this.subscribers.get(subscriber.session);
		if (!set) return;
		set.delete(subscriber);
		if (set.size === 0) this.subscribers.delete(subscriber.session);
	}

	private schedule(session: string, delay = this.delayMs): void {
		if (this.scheduled.has(session)) return;
		this.scheduled.set(
			session,
			setTimeout(() => {
				this.scheduled.delete(session);
				void this.flush(session);
			}, delay)
		);
	}

	private deleted(session: string): void {
		const set = this.subscribers.get(session);
		if (!set) return;
		this.subscribers.delete(session);
		for (const sub of set) {
			void sub
				.send('deleted', { error: 'The teacher ended and deleted this session.' })
				.finally(() => sub.close());
		}
	}

	private async flush(session: string): Promise<void> {
		const set = this.subscribers.get(session);
		if (!set || set.size === 0) return;
		try {
			const current = await this.store.get(session);
			if (!current) return this.deleted(session);
			const state = sessionState(current);
			const teachers = [...set].filter((s) => s.role === 'teacher');
			const since = Math.min(...teachers.map((s) => s.cursor));
			const answers = teachers.length > 0 ? await this.store.answersSince(session, since) : [];
			await Promise.all(
				[...set].map(async (sub) => {
					// Students need the phase, not the head count: a join must not wake 300 phones.
					const counts = sub.role === 'teacher' && sub.participants !== current.participants;
					if (sub.version !== current.version || counts) {
						sub.version = current.version;
						sub.participants = current.participants;
						await sub.send('state', state);
					}
					if (sub.role !== 'teacher') return;
					const fresh = answers.filter((a) => a.seq > sub.cursor);
					if (fresh.length === 0) return;
					sub.cursor = fresh[fresh.length - 1]!.seq;
					await sub.send('answers', fresh, String(sub.cursor));
				})
			);
		} catch (error) {
			const message =
				error instanceof DatabaseUnavailable
					? error.message
					: 'The class server could not read the session just now.';
			for (const sub of set) void sub.send('problem', { error: message }).catch(() => {});
			// Try again shortly: the pages keep their data and catch up when the database is back.
			this.schedule(session, 2000);
		}
	}
}
