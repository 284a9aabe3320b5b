import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	CONTEXT,
	locateSelector,
	MAX_EXACT,
	selectorFor
} from '../../src/lib/authoring/quote-selector';
import { reanchor } from '../../src/lib/authoring/reanchor';
import { findQuote } from '../../src/lib/scenario/quote-match';

const ARTICLE =
	'Sanctions have failed before. The envoy said sanctions would bite by spring. ' +
	'Critics replied that sanctions would bite only if India stopped buying oil. ' +
	'Nobody expects a quick end.';

describe('selectorFor', () => {
	it('takes the selection verbatim with about 32 characters each side', () => {
		const start = ARTICLE.indexOf('sanctions would bite by spring');
		const made = selectorFor(ARTICLE, start, start + 'sanctions would bite by spring'.length);
		expect(made.ok).toBe(true);
		if (!made.ok) return;
		expect(made.quote.exact).toBe('sanctions would bite by spring');
		expect(made.quote.prefix).toBe(ARTICLE.slice(start - CONTEXT, start));
		expect(made.quote.suffix.length).toBe(CONTEXT);
		expect(findQuote(ARTICLE, made.quote).found).toBe(true);
	});

	it('leaves outer whitespace out of the quote, as the format trims it', () => {
		const start = ARTICLE.indexOf(' The envoy');
		const made = selectorFor(ARTICLE, start, start + 11);
		expect(made.ok && made.quote.exact).toBe('The envoy');
	});

	it('grows the context until a repeated phrase is told apart', () => {
		const start = ARTICLE.lastIndexOf('sanctions would bite');
		const made = selectorFor(ARTICLE, start, start + 'sanctions would bite'.length);
		expect(made.ok && made.ambiguous).toBe(false);
		if (made.ok) expect(locateSelector(ARTICLE, made.quote)).toEqual(made.span);
		const text = 'ab '.repeat(300);
		const twice = selectorFor(text, 300, 302);
		expect(twice.ok && twice.ambiguous).toBe(true);
	});

	it('refuses an empty or over-long selection in words', () => {
		expect(selectorFor(ARTICLE, 5, 5)).toMatchObject({ ok: false });
		expect(selectorFor(ARTICLE, 3, 2)).toMatchObject({ ok: false });
		const long = 'word '.repeat(1000);
		const made = selectorFor(long, 0, MAX_EXACT + 10);
		expect(made.ok).toBe(false);
		if (!made.ok) expect(made.problem).toMatch(/at most 3000/);
	});

	it('never splits a character outside the basic plane', () => {
		const text = '😀😀 quote 😀😀';
		const made = selectorFor(text, 1, text.length - 1);
		expect(made.ok && made.quote.exact).toBe('😀 quote 😀');
	});

	it('round trip: the selector finds the selection again at the same place', () => {
		fc.assert(
			fc.property(
				fc.string({ unit: fc.constantFrom('a', 'b', ' ', 'c', '\n', 'é', '😀'), maxLength: 300 }),
				fc.nat(),
				fc.nat(),
				(text, x, y) => {
					const a = text.length === 0 ? 0 : x % (text.length + 1);
					const b = text.length === 0 ? 0 : y % (text.length + 1);
					const made = selectorFor(text, Math.min(a, b), Math.max(a, b));
					if (!made.ok) return;
					expect(text.slice(made.span.start, made.span.end)).toBe(made.quote.exact);
					expect(made.quote.exact).toBe(made.quote.exact.trim());
					expect(made.quote.prefix.length).toBeLessThanOrEqual(200);
					if (!made.ambiguous) expect(locateSelector(text, made.quote)).toEqual(made.span);
				}
			),
			{ numRuns: 400 }
		);
	});
});

describe('reanchor', () => {
	const quoteAt = (text: string, phrase: string) => {
		const at = text.indexOf(phrase);
		const made = selectorFor(text, at, at + phrase.length);
		if (!made.ok) throw new Error(made.problem);
		return made.quote;
	};

	it('finds an unchanged quote in a text that changed around it', () => {
		const quote = quoteAt(ARTICLE, 'Nobody expects a quick end.');
		const edited = 'A new first line. ' + ARTICLE;
		const r = reanchor(edited, quote);
		expect(r.status).toBe('exact');
		if (r.status === 'exact') expect(edited.slice(r.span.start, r.span.end)).toBe(quote.exact);
	});

	it('picks the right one of two occurrences by its context', () => {
		const quote = quoteAt(ARTICLE, 'sanctions would bite only');
		const r = reanchor('Intro. ' + ARTICLE, quote);
		expect(r.status).toBe('exact');
		if (r.status === 'exact')
			expect(r.span.start).toBe(7 + ARTICLE.indexOf('sanctions would bite only'));
	});

	it('places a corrected quote between its unchanged prefix and suffix', () => {
		const quote = quoteAt(ARTICLE, 'The envoy said sanctions would bite by spring.');
		const corrected = ARTICLE.replace('by spring', 'by late spring');
		const r = reanchor(corrected, quote);
		expect(r.status).toBe('context');
		if (r.status === 'context')
			expect(r.quote.exact).toBe('The envoy said sanctions would bite by late spring.');
	});

	it('offers a close match for confirmation when the context changed too', () => {
		const quote = quoteAt(
			ARTICLE,
			'Critics replied that sanctions would bite only if India stopped buying oil.'
		);
		const text =
			'Something else entirely. Critics replied that sanctions would bite only if India stopped buying Russian oil. The end.';
		const r = reanchor(text, quote);
		expect(r.status).toBe('close');
		if (r.status === 'close') {
			expect(r.similarity).toBeGreaterThan(0.8);
			expect(r.quote.exact).toBe(
				'Critics replied that sanctions would bite only if India stopped buying Russian oil.'
			);
		}
	});

	it('orphans a quote whose passage is gone, rather than attach it to a lookalike', () => {
		const quote = quoteAt(
			ARTICLE,
			'Critics replied that sanctions would bite only if India stopped buying oil.'
		);
		expect(
			reanchor('Critics replied that tariffs would hurt only farmers in Ohio.', quote).status
		).toBe('orphaned');
		expect(reanchor('', quote).status).toBe('orphaned');
	});

	it('never re-anchors without a person to a passage that is not the quote', () => {
		fc.assert(
			fc.property(
				fc.string({ maxLength: 200 }),
				fc.string({ minLength: 1, maxLength: 40 }),
				(text, exact) => {
					const quote = { exact: exact.trim() || 'x', prefix: '', suffix: '' };
					const r = reanchor(text, quote);
					if (r.status === 'exact') expect(r.quote.exact).toBe(quote.exact);
					if (r.status === 'exact' || r.status === 'context' || r.status === 'close')
						expect(text.slice(r.span.start, r.span.end)).toBe(r.quote.exact);
				}
			),
			{ numRuns: 300 }
		);
	});
});
