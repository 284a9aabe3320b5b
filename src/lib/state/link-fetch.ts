/**
 * Fetching a scenario from an address. A link's `?src=` is fetched as soon as the smallest piece
 * of the app runs (the root layout), not once the workspace has loaded and hydrated, and its
 * text is read as it arrives: an unread body stalls the download once the browser's buffer is
 * full. Nothing here imports the rest of the app, so the root layout stays small.
 */

/** Files past this are refused before reading (the loader has the same limit for text). */
export const MAX_SCENARIO_BYTES = 20 * 1024 * 1024;

/** A fetched scenario: its text (still arriving), or why there is none. */
export type Fetched = { ok: true; text: Promise<string> } | { ok: false; problem: string };

/** A scenario's address fetched without cookies. Never rejects; `text` may (a broken transfer). */
export function fetchScenario(url: string): Promise<Fetched> {
	return fetch(url, { credentials: 'omit', redirect: 'follow' }).then(
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
					problem: `file is ${(length / 1048576).toFixed(1)} MiB; the limit is 20 MiB`
				};
			}
			const text = response.text();
			// Handled where the text is awaited; this only keeps an abandoned one from being reported.
			text.catch(() => undefined);
			return { ok: true, text };
		},
		() => ({
			ok: false,
			problem:
				'could not be fetched (no connection, or the server does not let other sites read the file)'
		})
	);
}

let early: { url: string; fetched: Promise<Fetched> } | null = null;

/**
 * Starts fetching the `src` of a workspace link. Only plain http(s) addresses are fetched; the
 * workspace checks the link in full before it uses the result.
 */
export function fetchLinkEarly(search: string): void {
	const url = new URLSearchParams(search).get('src')?.trim();
	if (!url || url.length > 2000 || !/^https?:\/\//i.test(url)) return;
	early = { url, fetched: fetchScenario(url) };
}

/** The request `fetchLinkEarly` started for this address, handed over once. */
export function takeEarlyFetch(url: string): Promise<Fetched> | null {
	const taken = early;
	early = null;
	return taken?.url === url ? taken.fetched : null;
}
