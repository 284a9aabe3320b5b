/**
 * Fixed-window counters per key (a client address, or "all"), kept in this instance's memory:
 * enough to make guessing join codes hopeless (see CODE_ALPHABET) without a shared store. With
 * several instances each keeps its own count, so the limit a guesser meets is per instance.
 */
export class RateLimit {
	private readonly counts = new Map<string, { start: number; n: number }>();

	constructor(
		readonly limit: number,
		readonly windowMs: number,
		private readonly now: () => number = Date.now
	) {}

	/** Counts one event for `key`; false when the key is over its limit in this window. */
	take(key: string): boolean {
		const now = this.now();
		let entry = this.counts.get(key);
		if (!entry || now - entry.start >= this.windowMs) {
			entry = { start: now, n: 0 };
			this.counts.set(key, entry);
			if (this.counts.size > 10_000) this.prune(now);
		}
		entry.n++;
		return entry.n <= this.limit;
	}

	/** True while `key` is over its limit (without counting). */
	blocked(key: string): boolean {
		const entry = this.counts.get(key);
		return !!entry && this.now() - entry.start < this.windowMs && entry.n >= this.limit;
	}

	/** Seconds until `key`'s window ends, for Retry-After. */
	retryAfter(key: string): number {
		const entry = this.counts.get(key);
		if (!entry) return 0;
		return Math.max(1, Math.ceil((entry.start + this.windowMs - this.now()) / 1000));
	}

	private prune(now: number): void {
		for (const [key, entry] of this.counts) {
			if (now - entry.start >= this.windowMs) this.counts.delete(key);
		}
	}
}
