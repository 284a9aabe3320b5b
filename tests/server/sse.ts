/** Reads a class event stream in tests: waits for the next event of a kind. */
import { parseBlock } from '../../src/lib/class/event-stream';

export interface EventReader {
	next(event: string, timeoutMs?: number): Promise<unknown>;
	until(event: string, test: (data: unknown) => boolean, timeoutMs?: number): Promise<unknown>;
	close(): void;
}

export async function openEvents(base: string, path: string, key: string): Promise<EventReader> {
	const controller = new AbortController();
	const response = await fetch(base + path, {
		headers: { authorization: `Bearer ${key}` },
		signal: controller.signal
	});
	if (response.status !== 200) throw new Error(`event stream ${path}: ${response.status}`);
	const queue: { event: string; data: unknown }[] = [];
	let wake = null as (() => void) | null;
	void (async () => {
		const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
		let buffer = '';
		try {
			for (;;) {
				const { value, done } = await reader.read();
				if (done) break;
				buffer += value;
				let end: number;
				while ((end = buffer.indexOf('\n\n')) !== -1) {
					const message = parseBlock(buffer.slice(0, end));
					buffer = buffer.slice(end + 2);
					if (message) queue.push({ event: message.event, data: JSON.parse(message.data) });
					wake?.();
				}
			}
		} catch {
			// closed
		}
	})();
	const until = async (event: string, test: (data: unknown) => boolean, timeoutMs = 10_000) => {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const index = queue.findIndex((m) => m.event === event && test(m.data));
			if (index !== -1) return queue.splice(index, 1)[0]!.data;
			if (Date.now() > deadline) throw new Error(`no "${event}" event within ${timeoutMs} ms`);
			await new Promise<void>((resolve) => {
				wake = resolve;
				setTimeout(resolve, 100);
			});
		}
	};
	return {
		next: (event, timeoutMs) => until(event, () => true, timeoutMs),
		until,
		close: () => controller.abort()
	};
}
