import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
// SG_BUILD_TAG gives a build its own output folders, so parallel builds (several engineers or
// benchmark variants on one machine) do not overwrite each other.
const tag = process.env.SG_BUILD_TAG;
const out = tag ? `build-${tag}` : 'build';

const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		outDir: tag ? `.svelte-kit-${tag}` : '.svelte-kit',
		adapter: adapter({ pages: out, assets: out, fallback: undefined, strict: true }),
		// Stylesheets up to 25 kB go into the page itself: a phone then paints the prerendered
		// page without first fetching five render-blocking files (Lighthouse mobile FCP was 3.1x
		// the bare page's with them as links; issue 17). 'unsafe-inline' styles are allowed below.
		inlineStyleThreshold: 25_000,
		// Content Security Policy, as a <meta> tag in every prerendered page with the hashes of
		// Kit's own inline bootstrap script (a static host cannot send per-response nonces).
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				// No inline script but Kit's bootstrap, which Kit hashes; no eval.
				'script-src': ['self'],
				// 'unsafe-inline' is needed for styles, measured on the built site without it:
				// ag-grid's Theming API injects <style> elements at run time (their content depends
				// on theme parameters, so neither a build-time hash nor a static nonce fits), and
				// Svelte writes style attributes for `style:` directives in prerendered HTML and at
				// run time, as does app.html's wrapper div. Inline styles cannot run script; scripts
				// stay locked to 'self'. Kit adds no style hashes while 'unsafe-inline' is present
				// (a hash would make browsers ignore it).
				'style-src': ['self', 'unsafe-inline'],
				// data: for ag-grid's SVG icons in its CSS, blob: for PNG chart downloads.
				'img-src': ['self', 'data:', 'blob:'],
				// https: for "Open from address" (a scenario at any https URL); http pages reach only
				// their own origin, and an https page could not fetch http anyway (mixed content).
				'connect-src': ['self', 'https:'],
				'font-src': ['self'],
				// Web workers only from our own files (no blob: or data: workers).
				'worker-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
				// frame-ancestors cannot be set by <meta>: the host sends it as a header (README,
				// "Deploying").
			}
		}
	}
};

export default config;
