/**
 * Fetching a scenario from an address. A link's `?src=` is fetched as soon as the smallest piece
 * of the app runs (the root layout), not once the workspace has loaded and hydrated: with a
 * 3 MB scenario the download then starts while the grid's code is still arriving. Nothing here
 * imports the rest of the app, so the root layout stays small.
 */

/** A scenario's address fetched without cookies; null when it could not be fetched at all. */
export function fetchScenario(url: string): Promise<Response | null> {
	return fetch(url, { credentials: 'omit', redirect: 'follow' }).catch(() => null);
}

let early: { url: string; response: Promise<Response | null> } | null = null;

/**
 * Starts fetching the `src` of a workspace link. Only plain http(s) addresses are fetched; the
 * workspace checks the link in full before it uses the response.
 */
export function fetchLinkEarly(search: string): void {
	const url = new URLSearchParams(search).get('src')?.trim();
	if (!url || url.length > 2000 || !/^https?:\/\//i.test(url)) return;
	early = { url, response: fetchScenario(url) };
}

/** The request `fetchLinkEarly` started for this address, handed over once. */
export function takeEarlyFetch(url: string): Promise<Response | null> | null {
	const taken = early;
	early = null;
	return taken?.url === url ? taken.response : null;
}
