/**
 * CSL-JSON (Zotero's "CSL JSON" export, Pandoc, Mendeley): an array of items, or one item.
 * Names are `{family, given}` or `{literal}`; dates are `date-parts` or a `raw` string.
 */
import {
	address,
	authorList,
	clean,
	dateFromParts,
	dateFromText,
	kindFromWords,
	stated,
	type CitationResult,
	type SourceDraft
} from './draft';

type Json = Record<string, unknown>;

const str = (v: unknown): string | undefined =>
	typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;

function name(v: unknown): string {
	if (!v || typeof v !== 'object') return '';
	const n = v as Json;
	const literal = str(n.literal);
	if (literal) return literal;
	const parts = [str(n.given), str(n['non-dropping-particle']), str(n.family), str(n.suffix)];
	return clean(parts.filter((p) => p).join(' '));
}

function issued(v: unknown, notes: string[]): string | null {
	if (!v || typeof v !== 'object') return null;
	const d = v as Json;
	const parts = d['date-parts'];
	if (Array.isArray(parts) && Array.isArray(parts[0])) {
		const first = (parts[0] as unknown[]).map((x) => {
			const n = typeof x === 'number' ? x : typeof x === 'string' ? Number(x) : NaN;
			return Number.isFinite(n) ? n : undefined;
		});
		return dateFromParts(first, JSON.stringify(parts[0]), notes);
	}
	return dateFromText(str(d.raw) ?? str(d.literal), notes);
}

function item(v: Json): SourceDraft {
	const notes: string[] = [];
	const authors = Array.isArray(v.author) ? v.author.map(name) : [];
	return {
		title: stated(str(v.title)),
		outlet: stated(str(v['container-title']) ?? str(v.publisher)),
		date: issued(v.issued, notes),
		authors: authorList(authors),
		url: address(str(v.URL), notes),
		kind: kindFromWords(str(v.genre)),
		notes
	};
}

export function parseCslJson(text: string): CitationResult {
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch (err) {
		return {
			ok: false,
			problem: `Not CSL-JSON: ${err instanceof Error ? err.message : 'the JSON does not parse'}.`
		};
	}
	const items = Array.isArray(value) ? value : [value];
	if (items.length === 0 || !items.every((x) => x && typeof x === 'object' && !Array.isArray(x)))
		return { ok: false, problem: 'Not CSL-JSON: expected a list of citation items.' };
	const usable = (items as Json[]).filter((x) => 'title' in x || 'type' in x);
	if (usable.length === 0)
		return {
			ok: false,
			problem: 'Not CSL-JSON: no item has a title or type.'
		};
	return { ok: true, format: 'csl-json', drafts: usable.map(item) };
}
