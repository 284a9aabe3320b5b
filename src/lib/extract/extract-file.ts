/**
 * An article file -> its text, with each parser fetched only when a file of its type is opened
 * (HTML, docx and PDF parsers are most of the editor's weight). Runs in the browser.
 */
import {
	MAX_ARTICLE_CHARS,
	normaliseArticleText,
	type ArticleKind,
	type ExtractResult,
	type PageMetadata
} from '../authoring/article-text';
import { decodeBytes } from '../scenario/decode';

/** Larger files are refused before they are read. */
export const MAX_ARTICLE_FILE_BYTES = 50 * 1024 * 1024;

export function articleKind(name: string, type = ''): ArticleKind | null {
	const n = name.toLowerCase();
	if (n.endsWith('.txt') || n.endsWith('.text') || n.endsWith('.md') || type === 'text/plain')
		return 'txt';
	if (n.endsWith('.html') || n.endsWith('.htm') || type === 'text/html') return 'html';
	if (
		n.endsWith('.docx') ||
		type === 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
	)
		return 'docx';
	if (n.endsWith('.pdf') || type === 'application/pdf') return 'pdf';
	return null;
}

function finish(
	name: string,
	raw: string,
	kind: ArticleKind,
	metadata: PageMetadata = {}
): ExtractResult {
	const text = normaliseArticleText(raw);
	if (text === '')
		return {
			ok: false,
			problem:
				kind === 'pdf'
					? `${name}: no text found. It may be a scan (an image of text); paste the text instead.`
					: `${name}: no text found in the file.`
		};
	if (text.length > MAX_ARTICLE_CHARS)
		return {
			ok: false,
			problem: `${name}: the text is ${text.length.toLocaleString('en')} characters; an article may hold at most ${MAX_ARTICLE_CHARS.toLocaleString('en')}.`
		};
	return { ok: true, text, kind, metadata };
}

export function extractPasted(text: string): ExtractResult {
	return finish('The pasted text', text, 'pasted');
}

export async function extractFile(file: File): Promise<ExtractResult> {
	const kind = articleKind(file.name, file.type);
	if (!kind)
		return {
			ok: false,
			problem: `${file.name}: expected a .txt, .html, .docx or .pdf file (or paste the text).`
		};
	if (file.size > MAX_ARTICLE_FILE_BYTES)
		return {
			ok: false,
			problem: `${file.name}: the file is ${(file.size / 1048576).toFixed(1)} MiB; the limit is ${MAX_ARTICLE_FILE_BYTES / 1048576} MiB.`
		};
	try {
		const bytes = new Uint8Array(await file.arrayBuffer());
		switch (kind) {
			case 'txt':
			case 'pasted':
				return finish(file.name, decodeBytes(bytes), 'txt');
			case 'html': {
				const { htmlArticle } = await import('./html');
				const article = await htmlArticle(decodeBytes(bytes));
				return finish(file.name, article.text, 'html', article.metadata);
			}
			case 'docx': {
				const { docxText } = await import('./docx');
				return finish(file.name, await docxText(bytes), 'docx');
			}
			case 'pdf': {
				const { pdfText } = await import('./pdf');
				return finish(file.name, await pdfText(bytes), 'pdf');
			}
		}
	} catch (err) {
		const why = err instanceof Error ? err.message : String(err);
		return {
			ok: false,
			problem: `${file.name}: could not be read as ${kind === 'txt' ? 'text' : kind.toUpperCase()} (${why}).`
		};
	}
}
