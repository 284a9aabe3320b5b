/**
 * A citation file (as Zotero and other reference managers export it) -> source drafts. The
 * format is told by the file's name where it says, else by its first non-blank character.
 */
import { parseBibtex } from './citations/bibtex';
import { parseCslJson } from './citations/csl-json';
import type { CitationResult } from './citations/draft';
import { parseRis } from './citations/ris';

export type { CitationFormat, CitationResult, SourceDraft } from './citations/draft';

export function importCitation(text: string, fileName = ''): CitationResult {
	const name = fileName.toLowerCase();
	const body = text.replace(/^\ufeff/, '');
	if (name.endsWith('.json')) return parseCslJson(body);
	if (name.endsWith('.ris')) return parseRis(body);
	if (name.endsWith('.bib') || name.endsWith('.bibtex')) return parseBibtex(body);
	const start = body.trimStart();
	if (start.startsWith('[') || start.startsWith('{')) return parseCslJson(body);
	if (/^TY {1,2}-/.test(start)) return parseRis(body);
	if (/^(%[^\n]*\n\s*)*@/.test(start)) return parseBibtex(body);
	return {
		ok: false,
		problem:
			'This is not a citation file Stancegrid reads: expected CSL-JSON (.json), RIS (.ris) or BibTeX (.bib), as a reference manager such as Zotero exports.'
	};
}
