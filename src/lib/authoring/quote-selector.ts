/**
 * A claim's quote computed from a selection in the article text, so it is verbatim by
 * construction: `exact` is the selected characters (outer whitespace dropped, since the format
 * trims it), `prefix` and `suffix` the characters around it (W3C TextQuoteSelector).
 *
 * The context starts at `CONTEXT` characters each side and grows only when the passage occurs
 * more than once with the same context, so `locateSelector` finds the selection again at the same
 * place (checked by a property test). Text so repetitive that even `MAX_CONTEXT` characters do
 * not tell two places apart is flagged `ambiguous` rather than pretended unique.
 *
 * Pure: no DOM, no Svelte.
 */
import type { Quote } from '../scenario/schema';

export const CONTEXT = 32;
/** The format allows 200 characters of prefix and suffix. */
export const MAX_CONTEXT = 200;
/** The format allows 3000 characters of quote. */
export const MAX_EXACT = 3000;

export interface Span {
	start: number;
	end: number;
}

export type SelectorResult =
	{ ok: true; quote: Quote; span: Span; ambiguous: boolean } | { ok: false; problem: string };

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;
const isSpace = (ch: string) => /\s/.test(ch);

/** A start that does not split a surrogate pair (a character outside the basic plane). */
function safeStart(text: string, at: number): number {
	return at > 0 && at < text.length && isLow(text.charCodeAt(at)) && isHigh(text.charCodeAt(at - 1))
		? at + 1
		: at;
}

/** An end that does not split a surrogate pair. */
function safeEnd(text: string, at: number): number {
	return at > 0 && at < text.length && isLow(text.charCodeAt(at)) && isHigh(text.charCodeAt(at - 1))
		? at - 1
		: at;
}

/** Whether `text` has `part` ending right at `at` (no copy of the text before it). */
function endsAt(text: string, at: number, part: string): boolean {
	return at >= part.length && text.startsWith(part, at - part.length);
}

/** Every place `exact` occurs, overlapping ones included. */
export function occurrences(text: string, exact: string): number[] {
	const found: number[] = [];
	if (exact === '') return found;
	for (let at = text.indexOf(exact); at >= 0; at = text.indexOf(exact, at + 1)) found.push(at);
	return found;
}

function contextAt(text: string, span: Span, size: number): { prefix: string; suffix: string } {
	return {
		prefix: text.slice(safeStart(text, Math.max(0, span.start - size)), span.start),
		suffix: text.slice(span.end, safeEnd(text, Math.min(text.length, span.end + size)))
	};
}

/** The places where the whole selector (prefix, exact, suffix) matches exactly. */
export function matchesOf(text: string, quote: Quote): number[] {
	return occurrences(text, quote.exact).filter(
		(at) => endsAt(text, at, quote.prefix) && text.startsWith(quote.suffix, at + quote.exact.length)
	);
}

/** The selection [start, end) as a quote; whitespace at either end is left out of `exact`. */
export function selectorFor(text: string, start: number, end: number): SelectorResult {
	if (!(start >= 0 && end <= text.length && start <= end))
		return { ok: false, problem: 'The selection is not inside the article text.' };
	let s = safeStart(text, start);
	let e = Math.max(s, safeEnd(text, end));
	while (s < e && isSpace(text[s]!)) s++;
	while (e > s && isSpace(text[e - 1]!)) e--;
	if (s >= e) return { ok: false, problem: 'Select some words of the article first.' };
	if (e - s > MAX_EXACT)
		return {
			ok: false,
			problem: `The selection is ${e - s} characters; a quote holds at most ${MAX_EXACT}. Select a shorter passage.`
		};
	const span = { start: s, end: e };
	const exact = text.slice(s, e);
	const others = occurrences(text, exact).filter((at) => at !== s);
	let size = CONTEXT;
	for (;;) {
		const { prefix, suffix } = contextAt(text, span, size);
		const quote = { exact, prefix, suffix };
		const clash = others.some(
			(at) => endsAt(text, at, prefix) && text.startsWith(suffix, at + exact.length)
		);
		if (!clash) return { ok: true, quote, span, ambiguous: false };
		if (size >= MAX_CONTEXT) return { ok: true, quote, span, ambiguous: true };
		size = Math.min(MAX_CONTEXT, size * 2);
	}
}

/** Where the selector points in `text`: the one exact match, or null when none or several. */
export function locateSelector(text: string, quote: Quote): Span | null {
	const found = matchesOf(text, quote);
	return found.length === 1 ? { start: found[0]!, end: found[0]! + quote.exact.length } : null;
}
