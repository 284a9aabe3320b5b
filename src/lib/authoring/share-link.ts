/**
 * "Copy link": a small scenario carried inside the address itself, in the fragment
 * (`#scenario=...`), which browsers never send to a server, so a teacher can share without a web
 * host. The scenario's JSON is compressed (deflate-raw, CompressionStream) and written in
 * base64url. Opening such a link decodes it and hands the text to the normal loader, so it is
 * checked like any file. A link past `MAX_LINK_CHARS` is refused with the size in words (chat
 * apps and mail clients cut longer addresses); decompression stops at `MAX_DECODED_BYTES`, so a
 * crafted link cannot exhaust memory.
 *
 * Runs in the browser and in Node 20 (both have CompressionStream).
 */
export const FRAGMENT_KEY = 'scenario';
/** Longest fragment written: about 32 KB, which browsers, chat apps and mail keep whole. */
export const MAX_LINK_CHARS = 32_000;
/** Largest scenario a link may unpack to. */
export const MAX_DECODED_BYTES = 2 * 1024 * 1024;

export type LinkResult = { ok: true; fragment: string } | { ok: false; problem: string };
export type DecodeResult =
	{ ok: true; text: string } | { ok: false; problem: string } | { ok: false; absent: true };

function toBase64Url(bytes: Uint8Array): string {
	let binary = '';
	for (let i = 0; i < bytes.length; i += 0x8000)
		binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | null {
	if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
	const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
	try {
		const binary = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
		const bytes = new Uint8Array(binary.length);
		for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
		return bytes;
	} catch {
		return null;
	}
}

async function readAll(
	stream: ReadableStream<Uint8Array>,
	limit: number
): Promise<Uint8Array<ArrayBuffer>> {
	const reader = stream.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		size += value.length;
		if (size > limit) {
			await reader.cancel();
			throw new RangeError('too large');
		}
		chunks.push(value);
	}
	const out = new Uint8Array(size);
	let at = 0;
	for (const c of chunks) {
		out.set(c, at);
		at += c.length;
	}
	return out;
}

function streamOf(bytes: Uint8Array<ArrayBuffer>): ReadableStream<Uint8Array<ArrayBuffer>> {
	return new ReadableStream({
		start(controller) {
			controller.enqueue(bytes);
			controller.close();
		}
	});
}

/** The fragment (without `#`) that carries `json`, or why it cannot. */
export async function encodeScenarioLink(json: string): Promise<LinkResult> {
	const bytes = new TextEncoder().encode(json);
	const packed = await readAll(
		streamOf(bytes).pipeThrough(new CompressionStream('deflate-raw')),
		Number.MAX_SAFE_INTEGER
	);
	const fragment = `${FRAGMENT_KEY}=${toBase64Url(packed)}`;
	if (fragment.length > MAX_LINK_CHARS)
		return {
			ok: false,
			problem: `This scenario is too large for a link (${Math.ceil(fragment.length / 1000)} KB compressed; a link holds about ${MAX_LINK_CHARS / 1000} KB). Download it as a file and share the file instead.`
		};
	return { ok: true, fragment };
}

/** The scenario text carried by a location's fragment (`#scenario=...`), if it carries one. */
export async function decodeScenarioLink(hash: string): Promise<DecodeResult> {
	const params = new URLSearchParams(hash.replace(/^#/, ''));
	const value = params.get(FRAGMENT_KEY);
	if (value === null) return { ok: false, absent: true };
	const broken = {
		ok: false as const,
		problem:
			'The scenario in this link is damaged (it may have been cut short when it was copied). Ask for the link again, or for the file.'
	};
	if (value.length > MAX_LINK_CHARS * 2) return broken;
	const bytes = fromBase64Url(value);
	if (!bytes || bytes.length === 0) return broken;
	try {
		const raw = await readAll(
			streamOf(bytes).pipeThrough(new DecompressionStream('deflate-raw')),
			MAX_DECODED_BYTES
		);
		return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(raw) };
	} catch (err) {
		if (err instanceof RangeError)
			return {
				ok: false,
				problem: `The scenario in this link unpacks to more than ${MAX_DECODED_BYTES / 1048576} MiB; links carry only small scenarios.`
			};
		return broken;
	}
}
