/**
 * Links that open a quoted passage in its article, using a URL text fragment built from the
 * claim's TextQuoteSelector (https://wicg.github.io/scroll-to-text-fragment/). Only http(s)
 * addresses ever become links: a scenario file is untrusted, and `javascript:` must stay text.
 */
import { isHttpUrl, type Quote } from './schema';

/** Long quotes are linked by their first and last words (textStart,textEnd) to keep URLs short. */
const EDGE_WORDS = 5;
const SHORT_QUOTE = 80;

function encodePart(text: string): string {
	// `-`, `,` and `&` are the fragment syntax's own delimiters and must be escaped inside terms;
	// encodeURIComponent already escapes `,` and `&`.
	return encodeURIComponent(text.replace(/\s+/g, ' ').trim()).replace(/-/g, '%2D');
}

/** Browsers match context only at word boundaries, so drop a word the selector cut in half. */
function wholeWordsFromEnd(prefix: string): string {
	const text = prefix.replace(/\s+/g, ' ');
	if (text === '' || /^\s/.test(prefix)) return text.trim();
	const cut = text.indexOf(' ');
	return cut < 0 ? '' : text.slice(cut + 1).trim();
}

function wholeWordsFromStart(suffix: string): string {
	const text = suffix.replace(/\s+/g, ' ');
	if (text === '' || /\s$/.test(suffix)) return text.trim();
	const cut = text.lastIndexOf(' ');
	return cut < 0 ? '' : text.slice(0, cut).trim();
}

export function textFragment(quote: Quote): string {
	const exact = quote.exact.replace(/\s+/g, ' ').trim();
	const words = exact.split(' ');
	let body: string;
	if (exact.length <= SHORT_QUOTE || words.length <= EDGE_WORDS * 2) body = encodePart(exact);
	else {
		body = `${encodePart(words.slice(0, EDGE_WORDS).join(' '))},${encodePart(words.slice(-EDGE_WORDS).join(' '))}`;
	}
	const prefix = wholeWordsFromEnd(quote.prefix);
	const suffix = wholeWordsFromStart(quote.suffix);
	return `:~:text=${prefix ? encodePart(prefix) + '-,' : ''}${body}${suffix ? ',-' + encodePart(suffix) : ''}`;
}

/**
 * Each source's address, checked and normalised once: a grid of 20,000 claims links them all, and
 * parsing the same few addresses (or throwing on "not stated") for each claim took most of the time.
 */
const bases = new Map<string, string | null>();

function baseOf(url: string): string | null {
	let base = bases.get(url);
	if (base === undefined) {
		// The URL parser percent-encodes quotes and angle brackets, so a link written into HTML or a
		// spreadsheet carries nothing from the file that could end an attribute or a string.
		base = isHttpUrl(url) ? new URL(url).href.split('#')[0]! : null;
		if (bases.size >= 1000) bases.clear();
		bases.set(url, base);
	}
	return base;
}

/** The address that opens the passage, or null when the source has no usable http(s) address. */
export function passageUrl(url: string, quote: Quote): string | null {
	const base = baseOf(url);
	return base === null ? null : `${base}#${textFragment(quote)}`;
}
