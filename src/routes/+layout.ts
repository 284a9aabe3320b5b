import { browser } from '$app/environment';
import { fetchLinkEarly } from '$lib/state/link-fetch';

// A static site: every page is rendered at build time, and scenarios are validated then too.
export const prerender = true;
export const trailingSlash = 'never';

// The workspace (`/`) opens a link's scenario: its download starts here, with the first code
// that runs, rather than after the workspace's own code has arrived.
if (browser && /^\/?$/.test(window.location.pathname.replace(/\/index\.html$/, '')))
	fetchLinkEarly(window.location.search);
