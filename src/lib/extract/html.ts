/**
 * An HTML page -> its article's text, never live HTML. The page is parsed by DOMParser into an
 * inert document (no scripts run, nothing loads), Readability finds the main text, DOMPurify
 * strips what Readability kept of markup that could run, and the text is read from the result
 * node by node, a line break after each block. Only text leaves this module.
 */
import { Readability } from '@mozilla/readability';
import DOMPurify from 'dompurify';
import type { PageMetadata } from '../authoring/article-text';

const BLOCKS = new Set([
	'P',
	'DIV',
	'SECTION',
	'ARTICLE',
	'LI',
	'BLOCKQUOTE',
	'H1',
	'H2',
	'H3',
	'H4',
	'H5',
	'H6',
	'PRE',
	'TR',
	'FIGCAPTION',
	'DD',
	'DT',
	'HEADER',
	'FOOTER'
]);

function textOf(root: Node): string {
	const out: string[] = [];
	const walk = (node: Node) => {
		if (node.nodeType === Node.TEXT_NODE) {
			out.push((node.nodeValue ?? '').replace(/\s+/g, ' '));
			return;
		}
		if (node.nodeType !== Node.ELEMENT_NODE) {
			// The sanitised body or a fragment: read what is inside it.
			if (node.nodeType === Node.DOCUMENT_FRAGMENT_NODE)
				for (const child of Array.from(node.childNodes)) walk(child);
			return;
		}
		const tag = (node as Element).tagName;
		if (tag === 'BR') {
			out.push('\n');
			return;
		}
		const block = BLOCKS.has(tag);
		if (block) out.push('\n\n');
		for (const child of Array.from(node.childNodes)) walk(child);
		if (block) out.push('\n\n');
	};
	walk(root);
	return out
		.join('')
		.replace(/[ \t]*\n[ \t]*/g, '\n')
		.replace(/\n{3,}/g, '\n\n')
		.trim();
}

const clean = (s: string | null | undefined) => s?.replace(/\s+/g, ' ').trim() || undefined;

export async function htmlArticle(html: string): Promise<{ text: string; metadata: PageMetadata }> {
	const doc = new DOMParser().parseFromString(html, 'text/html');
	const article = new Readability(doc, { keepClasses: false }).parse();
	const content = article?.content ?? doc.body?.innerHTML ?? '';
	// RETURN_DOM keeps the result in DOMPurify's own inert document: nothing from the page is
	// ever adopted into the app's live document (where an <img> would start loading).
	const safe = DOMPurify.sanitize(content, { RETURN_DOM: true });
	const metadata: PageMetadata = {};
	const title = clean(article?.title);
	const byline = clean(article?.byline);
	const siteName = clean(article?.siteName);
	const publishedTime = clean(article?.publishedTime);
	if (title) metadata.title = title;
	if (byline) metadata.byline = byline;
	if (siteName) metadata.siteName = siteName;
	if (publishedTime) metadata.publishedTime = publishedTime;
	return { text: textOf(safe), metadata };
}
