/**
 * A PDF -> its text layer (pdf.js), page by page. The worker is one of our own files (the CSP
 * allows workers only from 'self'), and pdf.js is told not to use eval (the CSP forbids it).
 * A scanned PDF has no text layer: the caller says so.
 */
import { getDocument, GlobalWorkerOptions } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

GlobalWorkerOptions.workerSrc = workerUrl;

interface TextItem {
	str: string;
	hasEOL?: boolean;
}

export async function pdfText(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
	const task = getDocument({ data: bytes, isEvalSupported: false, useSystemFonts: false });
	const pdf = await task.promise;
	try {
		const pages: string[] = [];
		for (let n = 1; n <= pdf.numPages; n++) {
			const page = await pdf.getPage(n);
			const content = await page.getTextContent();
			let text = '';
			for (const item of content.items as TextItem[]) {
				if (typeof item.str !== 'string') continue;
				text += item.str;
				if (item.hasEOL) text += '\n';
			}
			pages.push(text);
			page.cleanup();
		}
		return pages.join('\n\n');
	} finally {
		await task.destroy();
	}
}
