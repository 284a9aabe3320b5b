/**
 * Finding a claim's quote again after its article text changed (pasted again, corrected).
 * In order, and never further than the evidence goes:
 * 1. `exact`: the quote occurs once, or its context picks one occurrence out of several;
 * 2. `context`: the quote's words changed, but its prefix and suffix each occur once, in order,
 *    close together: the passage between them is the quote now;
 * 3. `close`: a passage that differs from the quote by a few characters; offered for the person
 *    to confirm, never attached by itself;
 * 4. `orphaned`: none of these. The claim keeps its old quote and is shown as orphaned.
 * A lookalike passage is never attached silently: only 1 and 2 re-anchor without a person.
 *
 * Pure: no DOM, no Svelte.
 */
import type { Quote } from '../scenario/schema';
import { occurrences, selectorFor, type Span } from './quote-selector';

export type Reanchor =
	| { status: 'exact' | 'context'; span: Span; quote: Quote }
	| { status: 'close'; span: Span; quote: Quote; similarity: number }
	| { status: 'orphaned' };

/** A close match must keep at least this share of the quote's characters (1 - edits / length). */
export const CLOSE_SIMILARITY = 0.8;
/** Prefix and suffix shorter than this say too little to place a changed quote by themselves. */
const MIN_CONTEXT_ANCHOR = 8;
/** How many candidate places a close match examines at most (keeps a long article fast). */
const MAX_CANDIDATES = 8;

function fresh(text: string, span: Span): Quote {
	const made = selectorFor(text, span.start, span.end);
	// A span taken from the text itself always yields a selector; keep its bounds as made.
	if (!made.ok) return { exact: text.slice(span.start, span.end), prefix: '', suffix: '' };
	return made.quote;
}

function contextScore(text: string, at: number, quote: Quote): number {
	let before = 0;
	const p = quote.prefix;
	while (before < p.length && text[at - 1 - before] === p[p.length - 1 - before]) before++;
	let after = 0;
	const s = quote.suffix;
	const end = at + quote.exact.length;
	while (after < s.length && text[end + after] === s[after]) after++;
	return before + after;
}

function byExact(text: string, quote: Quote): Span | null {
	const found = occurrences(text, quote.exact);
	if (found.length === 0) return null;
	if (found.length === 1) return { start: found[0]!, end: found[0]! + quote.exact.length };
	const scored = found.map((at) => ({ at, score: contextScore(text, at, quote) }));
	scored.sort((a, b) => b.score - a.score);
	// Two places with the same context: which one was meant cannot be told.
	if (scored[0]!.score === scored[1]!.score) return null;
	return { start: scored[0]!.at, end: scored[0]!.at + quote.exact.length };
}

function byContext(text: string, quote: Quote): Span | null {
	const prefix = quote.prefix.trimStart();
	const suffix = quote.suffix.trimEnd();
	if (prefix.length < MIN_CONTEXT_ANCHOR || suffix.length < MIN_CONTEXT_ANCHOR) return null;
	const before = occurrences(text, prefix);
	const after = occurrences(text, suffix);
	if (before.length !== 1 || after.length !== 1) return null;
	const start = before[0]! + prefix.length;
	const end = after[0]!;
	const length = end - start;
	const old = quote.exact.length;
	if (length <= 0 || length > 2 * old + 20 || length < old / 2) return null;
	let s = start;
	let e = end;
	while (s < e && /\s/.test(text[s]!)) s++;
	while (e > s && /\s/.test(text[e - 1]!)) e--;
	return s < e ? { start: s, end: e } : null;
}

/**
 * The smallest edit distance between `pattern` and any substring of `text` (Sellers' algorithm),
 * with where that substring ends; its start is found by running the same on the reversed strings.
 */
function bestSubstring(pattern: string, text: string): { distance: number; end: number } {
	const m = pattern.length;
	let prev = new Uint32Array(m + 1);
	let curr = new Uint32Array(m + 1);
	for (let i = 0; i <= m; i++) prev[i] = i;
	let best = prev[m]!;
	let bestEnd = 0;
	for (let j = 1; j <= text.length; j++) {
		curr[0] = 0;
		const c = text.charCodeAt(j - 1);
		for (let i = 1; i <= m; i++) {
			const cost = pattern.charCodeAt(i - 1) === c ? 0 : 1;
			curr[i] = Math.min(prev[i - 1]! + cost, prev[i]! + 1, curr[i - 1]! + 1);
		}
		if (curr[m]! < best) {
			best = curr[m]!;
			bestEnd = j;
		}
		[prev, curr] = [curr, prev];
	}
	return { distance: best, end: bestEnd };
}

const reverse = (s: string) => [...s].reverse().join('');

/** Places worth a close look: where the quote's rarer words occur in the new text. */
function candidates(text: string, exact: string): number[] {
	const words = [...new Set(exact.split(/\s+/).filter((w) => w.length >= 4))];
	const counted = words
		.map((w) => ({ w, at: occurrences(text, w) }))
		.filter((x) => x.at.length > 0)
		.sort((a, b) => a.at.length - b.at.length);
	const places = new Set<number>();
	for (const { w, at } of counted.slice(0, 4)) {
		const offset = exact.indexOf(w);
		for (const a of at.slice(0, MAX_CANDIDATES)) places.add(Math.max(0, a - offset));
		if (places.size >= MAX_CANDIDATES) break;
	}
	return [...places].slice(0, MAX_CANDIDATES);
}

/**
 * The smallest edit distance favours a passage cut short ("buying" over "buying Russian oil."),
 * so a close match is stretched to the quote's own first and last words when they are near.
 */
function snapToWords(text: string, exact: string, span: Span, slack: number): Span {
	let { start, end } = span;
	const last = /\S+$/.exec(exact)?.[0];
	if (last && !text.slice(start, end).endsWith(last)) {
		const at = text.indexOf(last, end - last.length + 1);
		if (at >= 0 && at + last.length - end <= slack) end = at + last.length;
	}
	const first = /^\S+/.exec(exact)?.[0];
	if (first && !text.slice(start, end).startsWith(first)) {
		const at = text.lastIndexOf(first, start - 1);
		if (at >= 0 && start - at <= slack) start = at;
	}
	return { start, end };
}

function byCloseness(text: string, quote: Quote): { span: Span; similarity: number } | null {
	const exact = quote.exact;
	const m = exact.length;
	const slack = Math.ceil(m * (1 - CLOSE_SIMILARITY)) + 1;
	let best: { span: Span; similarity: number } | null = null;
	for (const at of candidates(text, exact)) {
		const from = Math.max(0, at - slack);
		const window = text.slice(from, Math.min(text.length, at + m + slack));
		const forward = bestSubstring(exact, window);
		const similarity = 1 - forward.distance / m;
		if (similarity < CLOSE_SIMILARITY) continue;
		const head = window.slice(0, forward.end);
		const back = bestSubstring(reverse(exact), reverse(head));
		const start = from + forward.end - back.end;
		const span = snapToWords(text, exact, { start, end: from + forward.end }, slack);
		if (!best || similarity > best.similarity) best = { span, similarity };
	}
	return best;
}

/** Where `quote` is in `text` now, and how sure that is. */
export function reanchor(text: string, quote: Quote): Reanchor {
	const exact = byExact(text, quote);
	if (exact) return { status: 'exact', span: exact, quote: fresh(text, exact) };
	const context = byContext(text, quote);
	if (context) return { status: 'context', span: context, quote: fresh(text, context) };
	const close = byCloseness(text, quote);
	if (close)
		return {
			status: 'close',
			span: close.span,
			quote: fresh(text, close.span),
			similarity: close.similarity
		};
	return { status: 'orphaned' };
}
