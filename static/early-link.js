// Starts the download of a workspace link's scenario (`/?src=...`) while the page starts, before
// any of the app's code has arrived: a plain file loaded `async` from app.html, because the app's
// own modules run only once the grid's code is in. src/lib/state/link-fetch.ts takes the request
// over and checks everything (status, size, the address itself) before anything is used. The
// body is read as it arrives and counted: past 20 MiB (a compressed bomb, an endless stream) the
// read stops; after 30 s the request is aborted; the app's Cancel aborts it too.
(() => {
	if (!/^\/?$/.test(location.pathname.replace(/\/index\.html$/, ''))) return;
	const url = new URLSearchParams(location.search).get('src')?.trim();
	if (!url || url.length > 2000 || !/^https?:\/\//i.test(url)) return;
	let parsed;
	try {
		parsed = new URL(url);
	} catch {
		return;
	}
	// What the app would refuse (credentials; http: the page's policy blocks) is left to it.
	if (parsed.username || parsed.password) return;
	if (parsed.protocol === 'http:' && parsed.origin !== location.origin) return;
	const LIMIT = 20 * 1024 * 1024;
	const controller = new AbortController();
	const timer = setTimeout(() => controller.abort('timeout'), 30000);
	const progress = { received: 0 };
	const response = fetch(url, {
		credentials: 'omit',
		redirect: 'follow',
		signal: controller.signal
	});
	const bytes = response
		.then(async (r) => {
			if (!r.ok || Number(r.headers.get('content-length') ?? '0') > LIMIT || !r.body) return null;
			const reader = r.body.getReader();
			const chunks = [];
			for (;;) {
				const { done, value } = await reader.read();
				if (done) break;
				progress.received += value.byteLength;
				if (progress.received > LIMIT) {
					reader.cancel().catch(() => undefined);
					throw 'too-large';
				}
				chunks.push(value);
			}
			const out = new Uint8Array(progress.received);
			let at = 0;
			for (const chunk of chunks) {
				out.set(chunk, at);
				at += chunk.byteLength;
			}
			return out.buffer;
		})
		.finally(() => clearTimeout(timer));
	response.catch(() => undefined);
	bytes.catch(() => undefined);
	window.stancegridEarlyLink = {
		url,
		response,
		bytes,
		progress,
		abort: (reason) => controller.abort(reason)
	};
})();
