/**
 * Links that open a quoted passage in its article, using a URL text fragment built from the
 * claim's TextQuoteSelector (https://wicg.github.io/scroll-to-text-fragment/). Only http(s)
 * addresses ever become links: a scenario file is untrusted, and `javascript:` must stay text.
 */
import { isHttpUrl, type Quote } from './schema';

/** Long quotes are linked by their first and last words (textStart,textEnd) to keep URLs short. */
const EDGE_WORDS = 5;
const SHORT_QUOTE = 80;

/** A fragment term: already squeezed text, with the syntax's own delimiters escaped. */
function encodePart(text: string): string {
	// `-`, `,` and `&` are the fragment syntax's own delimiters and must be escaped inside terms;
	// encodeURIComponent already escapes `,` and `&`.
	const encoded = encodeURIComponent(text);
	return encoded.includes('-') ? encoded.replace(/-/g, '%2D') : encoded;
}

/** White space as browsers match it: every run one space, none at either end. */
function squeeze(text: string): string {
	return text.replace(/\s+/g, ' ').trim();
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

/** Where the `n`th space is, from the start or (backwards) from the end; -1 if there are fewer. */
function nthSpace(text: string, n: number, fromEnd: boolean): number {
	let at = fromEnd ? text.length : -1;
	for (let i = 0; i < n && (i === 0 || at >= 0); i++)
		at = fromEnd ? text.lastIndexOf(' ', at - 1) : text.indexOf(' ', at + 1);
	return at;
}

export function textFragment(quote: Quote): string {
	const exact = squeeze(quote.exact);
	// Words are found by position rather than by splitting: a long quote needs only ten of them.
	const head = exact.length <= SHORT_QUOTE ? -1 : nthSpace(exact, EDGE_WORDS, false);
	const tail = head < 0 ? -1 : nthSpace(exact, EDGE_WORDS, true);
	// More than 2 x EDGE_WORDS words: the first five and the last five do not meet.
	const body =
		tail > head
			? `${encodePart(exact.slice(0, head))},${encodePart(exact.slice(tail + 1))}`
			: encodePart(exact);
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
