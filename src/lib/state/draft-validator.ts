/**
 * Sends drafts to the validation worker, one at a time: while one is checked, only the newest
 * waiting draft is kept (the ones it replaced resolve to null), so a burst of typing never builds
 * a queue. Where no worker can start (an old browser, a blocked script), the same check runs on
 * the page, loaded on first use.
 */
import type { Problem } from '../authoring/draft-problems';

interface Job {
	text: string;
	articles: Readonly<Record<string, string>>;
	resolve: (problems: Problem[] | null) => void;
}

export class DraftValidator {
	private worker: Worker | null | undefined;
	private running: (Job & { id: number }) | null = null;
	private waiting: Job | null = null;
	private ids = 0;
	/** The article texts the worker holds: sent again only when they change. */
	private sentArticles: Readonly<Record<string, string>> | null = null;

	/** The draft's problems, or null when a newer draft was sent before this one was checked. */
	check(text: string, articles: Readonly<Record<string, string>>): Promise<Problem[] | null> {
		return new Promise((resolve) => {
			this.waiting?.resolve(null);
			this.waiting = { text, articles, resolve };
			if (!this.running) this.next();
		});
	}

	private next(): void {
		const job = this.waiting;
		this.waiting = null;
		if (!job) return;
		const worker = this.start();
		const running = { ...job, id: ++this.ids };
		this.running = running;
		if (worker) {
			const articles = job.articles === this.sentArticles ? undefined : job.articles;
			this.sentArticles = job.articles;
			worker.postMessage({ id: running.id, text: job.text, articles });
		} else void this.onPage(running);
	}

	private start(): Worker | null {
		if (this.worker !== undefined) return this.worker;
		try {
			const worker = new Worker(new URL('./validate-worker.ts', import.meta.url), {
				type: 'module'
			});
			worker.onmessage = (event: MessageEvent<{ id: number; problems?: Problem[] }>) => {
				const job = this.running;
				if (!job || event.data.id !== job.id) return;
				if (!event.data.problems) {
					void this.onPage(job);
					return;
				}
				this.finish(job, event.data.problems);
			};
			// A worker that cannot load (blocked, missing): the page checks from now on.
			worker.onerror = () => {
				worker.terminate();
				this.worker = null;
				this.sentArticles = null;
				if (this.running) void this.onPage(this.running);
			};
			this.worker = worker;
		} catch {
			this.worker = null;
		}
		return this.worker;
	}

	private async onPage(job: Job & { id: number }): Promise<void> {
		let problems: Problem[];
		try {
			const { draftProblems } = await import('../authoring/draft-problems');
			problems = await draftProblems(job.text, job.articles);
		} catch (err) {
			problems = [
				{
					path: '',
					message: `the check could not run: ${err instanceof Error ? err.message : err}`
				}
			];
		}
		if (this.running === job) this.finish(job, problems);
	}

	private finish(job: Job & { id: number }, problems: Problem[]): void {
		this.running = null;
		job.resolve(problems);
		this.next();
	}

	close(): void {
		this.worker?.terminate();
		this.worker = undefined;
		this.sentArticles = null;
		this.running?.resolve(null);
		this.waiting?.resolve(null);
		this.running = this.waiting = null;
	}
}
