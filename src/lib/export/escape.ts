/**
 * Escaping for every text format the exports write. Scenario files are untrusted: their text must
 * come out as text, never as markup, links or formulas, whatever it holds.
 */
import { isHttpUrl } from '../scenario/schema';

const HTML_ESCAPES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;'
};

/** Safe in element content and in quoted attribute values alike. */
export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/**
 * Every line break a reader might split on (CR, LF, VT, FF, NEL, the Unicode line and paragraph
 * separators) and tabs as single spaces, and any other control character (NUL, ESC) as U+FFFD:
 * for formats where a line break ends a row, a cell or an RIS tag line.
 */
export function oneLine(text: string): string {
	return text.replace(LINE_BREAKS, ' ').replace(CONTROLS, '\ufffd');
}

const LINE_BREAKS = /[\t\n\v\f\r\u0085\u2028\u2029]+/g;
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;

/**
 * Markdown text that renders exactly as written. Backslash-escapes every character that starts
 * inline markup (emphasis, code, links, footnotes, HTML, tables, strikethrough, maths, entities,
 * closing heading marks),
 * and breaks the patterns GitHub's extended autolinks look for (`://`, `www.`, `@`), so scenario
 * text can neither format itself nor become a link. Line breaks become spaces (a table row is one
 * line); block syntax cannot start because every escaped text sits after other text on its line.
 */
export function escapeMarkdown(text: string): string {
	return oneLine(text)
		.replace(/[\\`*_[\]<>|~$&@!#]/g, (c) => '\\' + c)
		.replace(/:\/\//g, '\\://')
		.replace(/\bwww\./gi, (m) => m.slice(0, 3) + '\\.');
}

/**
 * A link target safe for the formats that write one: http(s) only, normalised by the URL parser
 * (which percent-encodes spaces, quotes and angle brackets), or null.
 */
export function safeHref(url: string | null | undefined): string | null {
	if (!url || !isHttpUrl(url)) return null;
	return new URL(url).href;
}

/** A Markdown link destination: the characters that could end or escape it percent-encoded. */
export function markdownHref(href: string): string {
	return href.replace(
		/[()<>\\\s"'`[\]]/g,
		(c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')
	);
}

/**
 * Characters XML 1.0 cannot hold at all (most C0 controls, lone surrogates, U+FFFE/U+FFFF): a
 * YAML or JSON escape can put them in a scenario, and one of them makes an XLSX unreadable.
 */
const NOT_XML =
	// eslint-disable-next-line no-control-regex
	/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text with XML-illegal characters shown as U+FFFD, the replacement character. */
export function xmlSafe(text: string): string {
	return text.replace(NOT_XML, '\ufffd');
}
