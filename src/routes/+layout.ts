// A static site: every page is rendered at build time, and scenarios are validated then too.
export const prerender = true;
export const trailingSlash = 'never';
