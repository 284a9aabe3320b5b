/**
 * The reading pane's text cut into plain runs and highlighted quotes, and its sentences for
 * moving a selection by keyboard. Pure: no DOM, no Svelte.
 */
import type { Claim } from '../scenario/schema';
import { locateSelector, type Span } from './quote-selector';

export interface Segment {
	start: number;
	end: number;
	/** Claims whose quote covers this run (several when quotes overlap). */
	claims: string[];
}

/** Runs of the text between quote boundaries, each with the claims whose quote covers it. */
export function segments(text: string, claims: readonly Claim[]): Segment[] {
	const spans: { span: Span; id: string }[] = [];
	for (const c of claims) {
		const span = locateSelector(text, c.quote);
		if (span) spans.push({ span, id: c.id });
	}
	const cuts = new Set<number>([0, text.length]);
	for (const { span } of spans) {
		cuts.add(span.start);
		cuts.add(span.end);
	}
	const points = [...cuts].sort((a, b) => a - b);
	const out: Segment[] = [];
	for (let i = 0; i + 1 < points.length; i++) {
		const start = points[i]!;
		const end = points[i + 1]!;
		if (start === end) continue;
		const covering = spans
			.filter((s) => s.span.start <= start && s.span.end >= end)
			.map((s) => s.id);
		const last = out[out.length - 1];
		if (last && last.claims.length === 0 && covering.length === 0) last.end = end;
		else out.push({ start, end, claims: covering });
	}
	return out;
}

/** Sentence spans: ends at . ! ? (with a closing quote or bracket) before a space, or a line break. */
export function sentences(text: string): Span[] {
	const out: Span[] = [];
	let start = 0;
	const push = (end: number) => {
		let s = start;
		let e = end;
		while (s < e && /\s/.test(text[s]!)) s++;
		while (e > s && /\s/.test(text[e - 1]!)) e--;
		if (e > s) out.push({ start: s, end: e });
		start = end;
	};
	for (let i = 0; i < text.length; i++) {
		const c = text[i]!;
		if (c === '\n') push(i + 1);
		else if (c === '.' || c === '!' || c === '?') {
			let j = i + 1;
			while (j < text.length && /[.!?"'”’)\]]/.test(text[j]!)) j++;
			if (j >= text.length || /\s/.test(text[j]!)) {
				push(j);
				i = j - 1;
			}
		}
	}
	push(text.length);
	return out;
}
