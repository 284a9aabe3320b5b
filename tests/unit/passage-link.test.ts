/**
 * Passage links are written into hyperlinks (XLSX, Markdown, HTML) without being parsed again,
 * so they must come out as normalised http(s) URLs that the URL parser leaves exactly as they are.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeHref } from '../../src/lib/export/escape';
import { passageUrl } from '../../src/lib/scenario/passage-link';

const ADDRESSES = fc.oneof(
	fc.webUrl({ withFragments: true, withQueryParameters: true }),
	fc.constantFrom(
		'HTTPS://Example.ORG/a b/"quoted"<tag>',
		'https://example.org/path#old-fragment',
		'http://[::1]:8080/x?y=1',
		'https://exämple.org/ünïcode',
		'not stated',
		'javascript:alert(1)',
		'data:text/html,<script>',
		'ftp://example.org/file',
		'https://',
		''
	)
);
const TEXT = fc.string({
	unit: fc.oneof(
		fc.constantFrom('-', ',', '&', ' ', '\t', '\n', '#', '%', '"', '<', 'é', '“', '🙂'),
		fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })
	),
	maxLength: 300
});
const QUOTES = fc.record({ exact: TEXT, prefix: TEXT, suffix: TEXT });

describe('passageUrl', () => {
	it('gives null or an http(s) link that re-parses to itself', () => {
		fc.assert(
			fc.property(ADDRESSES, QUOTES, (address, quote) => {
				const link = passageUrl(address, quote);
				if (link === null) return;
				expect(link).toMatch(/^https?:\/\/[^#]*#:~:text=/);
				expect(safeHref(link)).toBe(link);
			}),
			{ numRuns: 500 }
		);
	});

	it('gives the same link for an address however often it is asked (the per-address cache)', () => {
		fc.assert(
			fc.property(ADDRESSES, QUOTES, QUOTES, (address, a, b) => {
				const first = passageUrl(address, a);
				passageUrl(address, b);
				expect(passageUrl(address, a)).toBe(first);
			})
		);
	});

	it('refuses addresses that are not http(s)', () => {
		for (const address of ['not stated', 'javascript:alert(1)', 'data:text/html,x', 'ftp://a/b'])
			expect(passageUrl(address, { exact: 'x', prefix: '', suffix: '' })).toBeNull();
	});
});
