/**
 * An article's text as kept for authoring: what was pasted or extracted, with only what cannot be
 * quoted taken out. Line breaks become `\n`; control characters other than tab and line break,
 * and U+FFFD (a decoder's mark for bytes it could not read, not the author's text) are removed,
 * since the scenario loader refuses them in a file. Everything else stays exactly as given, so a
 * quote taken from this text is verbatim.
 *
 * Pure: no DOM, no Svelte.
 */

/** The longest article kept: about 200,000 words, far past any op-ed or report. */
export const MAX_ARTICLE_CHARS = 1_500_000;

export function normaliseArticleText(text: string): string {
	return (
		text
			.replace(/\r\n?|[\u2028\u2029\v\f]/g, '\n')
			// eslint-disable-next-line no-control-regex
			.replace(/[\u0000-\u0008\u000e-\u001f\u007f\ufffd]/g, '')
			.replace(/[ \t]+\n/g, '\n')
			.replace(/\n{3,}/g, '\n\n')
			.trim()
	);
}

export type ArticleKind = 'pasted' | 'txt' | 'html' | 'docx' | 'pdf';

/** What a page's own metadata says about it (HTML only), to prefill the source form. */
export interface PageMetadata {
	title?: string;
	byline?: string;
	siteName?: string;
	publishedTime?: string;
}

export type ExtractResult =
	| { ok: true; text: string; kind: ArticleKind; metadata: PageMetadata }
	| { ok: false; problem: string };
