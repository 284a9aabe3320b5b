/**
 * Finding a claim's quote again in its article. Quotes are verbatim "whitespace and typographic
 * quotes aside" (brief §2), so matching folds exactly those differences and nothing else:
 * - typographic quotation marks ‘ ’ ‚ ′ become ' and “ ” „ ″ become ";
 * - the non-breaking hyphen (U+2011), which page captures contain, becomes -;
 * - every run of whitespace, including no-break spaces and line breaks, becomes one space;
 * - text is put in Unicode canonical composition (NFC), so "ę" typed as e + ogonek still matches.
 * En and em dashes, letter case and everything else must match as written.
 *
 * The quote carries a W3C TextQuoteSelector: `prefix` must come immediately before `exact` and
 * `suffix` immediately after it. Whitespace where they join is ignored like any other whitespace.
 * Pure functions: no DOM, no Svelte.
 */

const FOLDS: Readonly<Record<string, string>> = {
	'\u2018': "'", // ‘ left single quotation mark
	'\u2019': "'", // ’ right single quotation mark
	'\u201A': "'", // ‚ single low-9 quotation mark
	'\u2032': "'", // ′ prime
	'\u201C': '"', // “ left double quotation mark
	'\u201D': '"', // ” right double quotation mark
	'\u201E': '"', // „ double low-9 quotation mark
	'\u2033': '"', // ″ double prime
	'\u2011': '-' // non-breaking hyphen
};
const FOLD_PATTERN = /[\u2018\u2019\u201A\u2032\u201C\u201D\u201E\u2033\u2011]/g;

export function normalizeForMatch(s: string): string {
	return s
		.normalize('NFC')
		.replace(FOLD_PATTERN, (c) => FOLDS[c] ?? c)
		.replace(/\s+/g, ' ');
}

export interface QuoteSelectorLike {
	exact: string;
	prefix?: string;
	suffix?: string;
}

export interface QuoteMatch {
	/** `exact` was found with its prefix right before it and its suffix right after it. */
	found: boolean;
	/** `exact` occurs somewhere in the text. */
	exactFound: boolean;
	/** The prefix is empty or immediately precedes the chosen occurrence of `exact`. */
	prefixOk: boolean;
	/** The suffix is empty or immediately follows the chosen occurrence of `exact`. */
	suffixOk: boolean;
	/** Where the chosen occurrence of `exact` starts in `normalizeForMatch(text)`; -1 if absent. */
	index: number;
}

/**
 * Locates `prefix + exact + suffix` in `text`. Where `exact` occurs more than once, the first
 * occurrence whose context matches is chosen; failing that, the one whose context matches best
 * (so `prefixOk`/`suffixOk` say which half of the context is wrong). When `exact` is not found at
 * all there is nowhere to check the context, so `prefixOk`/`suffixOk` are true only if empty.
 */
export function findQuote(text: string, q: QuoteSelectorLike): QuoteMatch {
	const haystack = normalizeForMatch(text);
	const exact = normalizeForMatch(q.exact).trim();
	const prefix = normalizeForMatch(q.prefix ?? '').trim();
	const suffix = normalizeForMatch(q.suffix ?? '').trim();

	const notFound: QuoteMatch = {
		found: false,
		exactFound: false,
		prefixOk: prefix === '',
		suffixOk: suffix === '',
		index: -1
	};
	if (exact === '') return notFound;

	let best: QuoteMatch | undefined;
	let bestScore = -1;
	for (let at = haystack.indexOf(exact); at >= 0; at = haystack.indexOf(exact, at + 1)) {
		const before = haystack.slice(0, at).replace(/ $/, '');
		const after = haystack.slice(at + exact.length).replace(/^ /, '');
		const prefixOk = prefix === '' || before.endsWith(prefix);
		const suffixOk = suffix === '' || after.startsWith(suffix);
		const score = Number(prefixOk) + Number(suffixOk);
		if (score > bestScore) {
			best = { found: prefixOk && suffixOk, exactFound: true, prefixOk, suffixOk, index: at };
			bestScore = score;
			if (best.found) break;
		}
	}
	return best ?? notFound;
}
