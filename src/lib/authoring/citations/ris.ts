/**
 * RIS (Zotero, EndNote, Mendeley): one `TAG  - value` per line, records from `TY` to `ER`.
 * Zotero writes `T2` for a newspaper's name; others write `JO`, `JF`, `JA` or `PB`.
 */
import {
	address,
	authorList,
	dateFromText,
	stated,
	type CitationResult,
	type SourceDraft
} from './draft';

const LINE = /^([A-Z][A-Z0-9])  ?- ?(.*)$/;

function first(tags: Map<string, string[]>, ...names: string[]): string | undefined {
	for (const n of names) {
		const v = tags.get(n)?.find((x) => x.trim() !== '');
		if (v !== undefined) return v;
	}
	return undefined;
}

function record(tags: Map<string, string[]>): SourceDraft {
	const notes: string[] = [];
	const authors = [...(tags.get('AU') ?? []), ...(tags.get('A1') ?? [])].map((a) => {
		// RIS writes "Family, Given"; people read "Given Family".
		const m = /^([^,]+),\s*([^,]+)(?:,\s*(.+))?$/.exec(a.trim());
		return m ? [m[2], m[1], m[3]].filter((x) => x).join(' ') : a;
	});
	const date = dateFromText(first(tags, 'DA', 'PY', 'Y1'), notes);
	return {
		title: stated(first(tags, 'TI', 'T1')),
		outlet: stated(first(tags, 'T2', 'JO', 'JF', 'JA', 'PB')),
		date,
		authors: authorList(authors),
		url: address(first(tags, 'UR', 'L2'), notes),
		kind: null,
		notes
	};
}

export function parseRis(text: string): CitationResult {
	const records: Map<string, string[]>[] = [];
	let current: Map<string, string[]> | null = null;
	let lastTag = '';
	const lines = text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/);
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i]!;
		if (line.trim() === '') continue;
		const m = LINE.exec(line);
		if (!m) {
			// Some writers wrap a long value onto the next line; it belongs to the last tag.
			if (current && lastTag) {
				const values = current.get(lastTag)!;
				values[values.length - 1] += ' ' + line.trim();
				continue;
			}
			return { ok: false, problem: `Not RIS: line ${i + 1} is not "TAG  - value".` };
		}
		const [, tag, value] = m as unknown as [string, string, string];
		if (tag === 'TY') {
			current = new Map();
			records.push(current);
		} else if (!current) {
			return { ok: false, problem: `Not RIS: line ${i + 1} comes before the first "TY  -".` };
		}
		if (tag === 'ER') {
			current = null;
			lastTag = '';
			continue;
		}
		current.set(tag, [...(current.get(tag) ?? []), value]);
		lastTag = tag;
	}
	if (records.length === 0)
		return { ok: false, problem: 'Not RIS: no record starts with "TY  -".' };
	return { ok: true, format: 'ris', drafts: records.map(record) };
}
