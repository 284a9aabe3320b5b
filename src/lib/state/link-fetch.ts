/**
 * Fetching a scenario from an address. A link's `?src=` download is started by
 * `static/early-link.js` as the page starts, long before the workspace's code has arrived and
 * hydrated; `takeEarlyFetch` hands that request over with the same checks as a fresh one.
 *
 * The size limit is kept on the bytes as they arrive (after the browser has decompressed them),
 * not on Content-Length alone: a compressed bomb or an endless stream stops at 20 MiB. A download
 * gives up after {@link FETCH_TIMEOUT_MS} and can be cancelled. A failure says which cause it
 * was, as far as a page can tell.
 */
import { decodeBytes } from '../scenario/decode';
import { MAX_SCENARIO_BYTES, tooLarge } from '../scenario/schema';

/** A fetched scenario's text and its size in bytes. */
export interface Body {
	text: string;
	size: number;
}

/** A fetched scenario: its body (perhaps still arriving), or why there is none. */
export type Fetched = { ok: true; body: Promise<Body> } | { ok: false; problem: string };

/** The longest a download may take, headers and body together. */
export const FETCH_TIMEOUT_MS = 30_000;
/** The longest address accepted (the same as a source's address in a scenario). */
export const MAX_ADDRESS = 2000;

export const CANCELLED = 'cancelled';
const UNREACHABLE =
	'could not be fetched (no connection, or the server does not let other sites read the file: it must send Access-Control-Allow-Origin)';
const REDIRECTED =
	'the server redirected to an address the page may not fetch (only https: is allowed, so a redirect to http:, data: or another scheme is refused)';
const overLimit = () =>
	`the download passed ${MAX_SCENARIO_BYTES / 1048576} MiB and was stopped; the limit is ${MAX_SCENARIO_BYTES / 1048576} MiB`;
const timedOut = (received: number, ms: number) =>
	received > 0
		? `gave up after ${ms / 1000} s: the server had sent ${received < 100_000 ? `${received} bytes` : `${(received / 1048576).toFixed(1)} MiB`} and had not finished`
		: `gave up after ${ms / 1000} s without an answer from the server`;

/** Why an address cannot be fetched at all, before trying; null if it may be. */
export function addressProblem(address: string, pageOrigin?: string): string | null {
	if (address.length > MAX_ADDRESS)
		return `the address is ${address.length.toLocaleString('en-US')} characters long; the limit is ${MAX_ADDRESS.toLocaleString('en-US')}`;
	let url: URL;
	try {
		url = new URL(address);
	} catch {
		return 'expected an http:// or https:// address';
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:')
		return `expected an http:// or https:// address; got a ${url.protocol} address`;
	if (url.username || url.password)
		return 'the address holds a user name or password (before the @); the page never sends credentials, so remove them';
	if (url.protocol === 'http:' && pageOrigin !== undefined && url.origin !== pageOrigin)
		return "http: addresses are blocked by the page's security policy (only https: may be fetched); use the https:// address";
	return null;
}

/** What stopped a body: a reason for the message. */
class Stopped extends Error {}

/** Reads a body, counting bytes as they arrive and stopping past the limit. */
export async function readCounted(
	response: Response,
	progress: { received: number } = { received: 0 }
): Promise<Uint8Array> {
	if (!response.body) return new Uint8Array(await response.arrayBuffer());
	const reader = response.body.getReader();
	const chunks: Uint8Array[] = [];
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		progress.received += value.byteLength;
		if (progress.received > MAX_SCENARIO_BYTES) {
			void reader.cancel().catch(() => undefined);
			throw new Stopped(overLimit());
		}
		chunks.push(value);
	}
	const bytes = new Uint8Array(progress.received);
	let at = 0;
	for (const chunk of chunks) {
		bytes.set(chunk, at);
		at += chunk.byteLength;
	}
	return bytes;
}

/** An abort: the platform's DOMException, or the reason early-link.js aborted with. */
const isAbort = (err: unknown) => err instanceof DOMException || err === 'timeout';

/** A signal that aborts on the caller's cancel or after the timeout, and says which. */
function deadline(
	cancel: AbortSignal | undefined,
	ms: number
): { signal: AbortSignal; why: () => string } {
	const timeout = AbortSignal.timeout(ms);
	const signal = cancel ? AbortSignal.any([cancel, timeout]) : timeout;
	return { signal, why: () => (cancel?.aborted ? CANCELLED : 'timeout') };
}

/** The answer's status and size checked; its body read counted, with a message for any stop. */
function answer(
	url: string,
	response: Promise<Response>,
	why: () => string,
	read: (response: Response, progress: { received: number }) => Promise<Uint8Array>,
	ms = FETCH_TIMEOUT_MS
): Promise<Fetched> {
	const progress = { received: 0 };
	const failed = (err: unknown): string => {
		if (err instanceof Stopped) return err.message;
		const reason = why();
		if (reason === CANCELLED) return CANCELLED;
		if (reason === 'timeout' && isAbort(err)) return timedOut(progress.received, ms);
		return `could not be read: ${err instanceof Error ? err.message : String(err)}`;
	};
	return response.then(
		(response): Fetched => {
			if (!response.ok)
				return {
					ok: false,
					problem: `the server answered ${response.status} ${response.statusText}`.trim()
				};
			const length = Number(response.headers.get('content-length') ?? '0');
			if (length > MAX_SCENARIO_BYTES) {
				void response.body?.cancel().catch(() => undefined);
				return { ok: false, problem: tooLarge(length) };
			}
			// Decoded in one go (by byte-order mark, as a file is).
			const body = read(response, progress).then(
				(bytes) => ({ text: decodeBytes(bytes), size: bytes.byteLength }),
				(err) => Promise.reject(new Error(failed(err)))
			);
			// Handled where the body is awaited; this only keeps an abandoned one from being reported.
			body.catch(() => undefined);
			return { ok: true, body };
		},
		async (err): Promise<Fetched> => {
			const reason = why();
			if (reason === CANCELLED) return { ok: false, problem: CANCELLED };
			if (reason === 'timeout' && isAbort(err)) return { ok: false, problem: timedOut(0, ms) };
			return { ok: false, problem: (await redirected(url)) ? REDIRECTED : UNREACHABLE };
		}
	);
}

/** After a failed fetch: was it a redirect the page may not follow? (One small extra request.) */
async function redirected(url: string): Promise<boolean> {
	try {
		const probe = await fetch(url, {
			credentials: 'omit',
			redirect: 'manual',
			signal: AbortSignal.timeout(5000)
		});
		void probe.body?.cancel().catch(() => undefined);
		return probe.type === 'opaqueredirect' || (probe.status >= 300 && probe.status < 400);
	} catch {
		return false;
	}
}

/** A scenario's address fetched without cookies. Never rejects; `body` may (a broken transfer). */
export function fetchScenario(
	url: string,
	cancel?: AbortSignal,
	timeoutMs = FETCH_TIMEOUT_MS
): Promise<Fetched> {
	const problem = addressProblem(url, globalThis.location?.origin);
	if (problem) return Promise.resolve({ ok: false, problem });
	const { signal, why } = deadline(cancel, timeoutMs);
	const response = fetch(url, { credentials: 'omit', redirect: 'follow', signal });
	return answer(url, response, why, readCounted, timeoutMs);
}

/** What static/early-link.js leaves for the app. */
interface EarlyLink {
	url: string;
	response: Promise<Response>;
	/** The body read counted by early-link.js; rejects with 'too-large' past the limit. */
	bytes: Promise<ArrayBuffer | null>;
	/** Aborts the request (Cancel). */
	abort: (reason: string) => void;
	/** Bytes received so far. */
	progress: { received: number };
}

declare global {
	interface Window {
		stancegridEarlyLink?: EarlyLink;
	}
}

/** The request static/early-link.js started for this address, handed over once. */
export function takeEarlyFetch(url: string, cancel?: AbortSignal): Promise<Fetched> | null {
	const early = window.stancegridEarlyLink;
	delete window.stancegridEarlyLink;
	if (!early || early.url !== url) return null;
	let reason = 'timeout';
	cancel?.addEventListener('abort', () => {
		reason = CANCELLED;
		early.abort(CANCELLED);
	});
	return answer(
		url,
		early.response,
		() => reason,
		async (_response, progress) => {
			try {
				const bytes = await early.bytes;
				return new Uint8Array(bytes ?? new ArrayBuffer(0));
			} catch (err) {
				progress.received = early.progress.received;
				if (err === 'too-large') throw new Stopped(overLimit());
				throw err;
			}
		}
	);
}
