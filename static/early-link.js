// Starts the download of a workspace link's scenario (`/?src=...`) while the page starts, before
// any of the app's code has arrived: a plain file loaded `async` from app.html, because the app's
// own modules run only once the grid's code is in. src/lib/state/link-fetch.ts takes the request
// over and checks everything (status, size, the address itself) before anything is used.
(() => {
	if (!/^\/?$/.test(location.pathname.replace(/\/index\.html$/, ''))) return;
	const url = new URLSearchParams(location.search).get('src')?.trim();
	if (!url || url.length > 2000 || !/^https?:\/\//i.test(url)) return;
	const response = fetch(url, { credentials: 'omit', redirect: 'follow' });
	// Read as it arrives (an unread body stalls the download once the browser's buffer is full),
	// unless it is an error or larger than the app accepts (20 MiB). Bytes, not text: the app
	// decodes them in one go, as it does a file's.
	const bytes = response.then((r) =>
		r.ok && Number(r.headers.get('content-length') ?? '0') <= 20 * 1024 * 1024
			? r.arrayBuffer()
			: null
	);
	response.catch(() => undefined);
	bytes.catch(() => undefined);
	window.stancegridEarlyLink = { url, response, bytes };
})();
