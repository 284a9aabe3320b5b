/**
 * Fetching a scenario from an address. A link's `?src=` download is started by
 * `static/early-link.js` as the page starts, long before the workspace's code has arrived and
 * hydrated; `takeEarlyFetch` hands that request over with the same checks as a fresh one.
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

const UNREACHABLE =
	'could not be fetched (no connection, or the server does not let other sites read the file)';

/** The answer's status and size checked; `read` gives its bytes only if both are fine. */
function answer(
	response: Promise<Response>,
	read: (response: Response) => Promise<ArrayBuffer | null>
): Promise<Fetched> {
	return response.then(
		(response): Fetched => {
			if (!response.ok)
				return {
					ok: false,
					problem: `the server answered ${response.status} ${response.statusText}`
				};
			const length = Number(response.headers.get('content-length') ?? '0');
			if (length > MAX_SCENARIO_BYTES) {
				void response.body?.cancel().catch(() => undefined);
				return {
					ok: false,
					problem: tooLarge(length)
				};
			}
			// Decoded in one go (by byte-order mark, as a file is): a response's own text() decodes
			// and joins each piece as it arrives, which took twice the main thread's time.
			const body = read(response).then((bytes) =>
				bytes
					? { text: decodeBytes(new Uint8Array(bytes)), size: bytes.byteLength }
					: Promise.reject(new Error('no text'))
			);
			// Handled where the body is awaited; this only keeps an abandoned one from being reported.
			body.catch(() => undefined);
			return { ok: true, body };
		},
		() => ({ ok: false, problem: UNREACHABLE })
	);
}

/** A scenario's address fetched without cookies. Never rejects; `body` may (a broken transfer). */
export function fetchScenario(url: string): Promise<Fetched> {
	// Read as it arrives: an unread body stalls the download once the browser's buffer is full.
	return answer(fetch(url, { credentials: 'omit', redirect: 'follow' }), (r) => r.arrayBuffer());
}

/** What static/early-link.js leaves for the app. */
interface EarlyLink {
	url: string;
	response: Promise<Response>;
	bytes: Promise<ArrayBuffer | null>;
}

declare global {
	interface Window {
		stancegridEarlyLink?: EarlyLink;
	}
}

/** The request static/early-link.js started for this address, handed over once. */
export function takeEarlyFetch(url: string): Promise<Fetched> | null {
	const early = window.stancegridEarlyLink;
	delete window.stancegridEarlyLink;
	if (!early || early.url !== url) return null;
	return answer(early.response, () => early.bytes);
}
