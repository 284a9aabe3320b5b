/**
 * Server-sent events read with fetch rather than EventSource, so the request can carry the
 * teacher's or student's key in a header (never in the address) and reconnects can be paced and
 * reported. Resumes from the last event id after a dropped connection or a server restart.
 */

export type StreamStatus =
	| { state: 'connecting' }
	| { state: 'open' }
	| { state: 'retrying'; reason: string; inMs: number }
	/** The server refused the stream for good (no such session, wrong key). */
	| { state: 'ended'; reason: string };

export interface StreamHandlers {
	onEvent(event: string, data: unknown): void;
	onStatus(status: StreamStatus): void;
}

/** One SSE block (lines up to a blank line) as event name, data and id. */
export function parseBlock(block: string): { event: string; data: string; id?: string } | null {
	let event = 'message';
	const data: string[] = [];
	let id: string | undefined;
	for (const line of block.split(/\r?\n/)) {
		if (line === '' || line.startsWith(':')) continue;
		const colon = line.indexOf(':');
		const field = colon === -1 ? line : line.slice(0, colon);
		let value = colon === -1 ? '' : line.slice(colon + 1);
		if (value.startsWith(' ')) value = value.slice(1);
		if (field === 'event') event = value;
		else if (field === 'data') data.push(value);
		else if (field === 'id') id = value;
	}
	if (data.length === 0) return null;
	return { event, data: data.join('\n'), ...(id === undefined ? {} : { id }) };
}

export function openEventStream(
	url: string,
	headers: Record<string, string>,
	handlers: StreamHandlers
): { close(): void } {
	let lastId = '';
	let stopped = false;
	let controller: AbortController | null = null;
	let attempt = 0;
	let wake: (() => void) | null = null;

	const sleep = (ms: number) =>
		new Promise<void>((resolve) => {
			const timer = setTimeout(resolve, ms);
			wake = () => {
				clearTimeout(timer);
				resolve();
			};
		});
	// Back online: try at once rather than at the end of the back-off.
	const online = () => wake?.();
	globalThis.addEventListener?.('online', online);

	async function connect(): Promise<void> {
		while (!stopped) {
			handlers.onStatus({ state: 'connecting' });
			controller = new AbortController();
			let reason = 'the connection to the class server was lost';
			try {
				const response = await fetch(url, {
					headers: {
						...headers,
						Accept: 'text/event-stream',
						...(lastId ? { 'Last-Event-ID': lastId } : {})
					},
					signal: controller.signal,
					cache: 'no-store'
				});
				if (response.status === 401 || response.status === 403 || response.status === 404) {
					const body = (await response.json().catch(() => ({}))) as { error?: string };
					handlers.onStatus({
						state: 'ended',
						reason: body.error ?? `refused (${response.status})`
					});
					return;
				}
				if (!response.ok || !response.body) {
					const body = (await response.json().catch(() => ({}))) as { error?: string };
					throw new Error(body.error ?? `the class server answered ${response.status}`);
				}
				attempt = 0;
				handlers.onStatus({ state: 'open' });
				const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
				let buffer = '';
				for (;;) {
					const { value, done } = await reader.read();
					if (done) break;
					buffer += value;
					let end: number;
					while ((end = buffer.search(/\r?\n\r?\n/)) !== -1) {
						const block = buffer.slice(0, end);
						buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, '');
						const message = parseBlock(block);
						if (!message) continue;
						if (message.id) lastId = message.id;
						let data: unknown;
						try {
							data = JSON.parse(message.data);
						} catch {
							continue;
						}
						handlers.onEvent(message.event, data);
						if (message.event === 'deleted') {
							handlers.onStatus({
								state: 'ended',
								reason: (data as { error?: string }).error ?? 'deleted'
							});
							stopped = true;
							return;
						}
					}
				}
			} catch (error) {
				if (stopped) return;
				if (error instanceof Error && error.name !== 'AbortError') reason = error.message;
			}
			if (stopped) return;
			const inMs = Math.min(5000, 500 * 2 ** attempt++);
			handlers.onStatus({ state: 'retrying', reason, inMs });
			await sleep(inMs);
		}
	}
	void connect();
	return {
		close() {
			stopped = true;
			controller?.abort();
			wake?.();
			globalThis.removeEventListener?.('online', online);
		}
	};
}
