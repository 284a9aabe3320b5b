/**
 * BibTeX and BibLaTeX (Zotero's "Better BibTeX" and built-in exports, JabRef): `@type{key,
 * field = {value} | "value" | 2025 | macro, ...}` with `#` joining pieces and `@string` macros.
 * Common LaTeX accents and escapes become the characters they stand for; other commands keep
 * their text. Names are split on " and " and read "Family, Given" into "Given Family".
 */
import {
	address,
	authorList,
	clean,
	dateFromParts,
	dateFromText,
	kindFromWords,
	monthNumber,
	stated,
	type CitationResult,
	type SourceDraft
} from './draft';

const ACCENTS: Record<string, string> = {
	"'": '\u0301',
	'`': '\u0300',
	'^': '\u0302',
	'"': '\u0308',
	'~': '\u0303',
	'=': '\u0304',
	'.': '\u0307',
	u: '\u0306',
	v: '\u030c',
	H: '\u030b',
	c: '\u0327',
	k: '\u0328',
	r: '\u030a'
};
const SYMBOLS: Record<string, string> = {
	ss: 'ß',
	o: 'ø',
	O: 'Ø',
	ae: 'æ',
	AE: 'Æ',
	oe: 'œ',
	OE: 'Œ',
	aa: 'å',
	AA: 'Å',
	l: 'ł',
	L: 'Ł',
	i: 'ı',
	textendash: '–',
	textemdash: '—',
	textquoteright: '’',
	textquoteleft: '‘',
	textbackslash: '\\',
	textasciitilde: '~',
	textasciicircum: '^'
};

/** LaTeX -> text, for the handful of constructs citation exports use. */
export function delatex(value: string): string {
	let out = value
		.replace(
			/\\([`'^"~=.])\s*\{?\s*\\?([A-Za-z])\}?/g,
			(_, a: string, ch: string) => ch + ACCENTS[a]
		)
		.replace(
			/\\([uvHckr])\s*\{\s*\\?([A-Za-z])\s*\}/g,
			(_, a: string, ch: string) => ch + ACCENTS[a]
		)
		.replace(/\\([uvHckr]) ([A-Za-z])/g, (_, a: string, ch: string) => ch + ACCENTS[a])
		.replace(/\\([A-Za-z]+)(?:\{\}|\s|(?=[^A-Za-z]|$))/g, (m, name: string) => SYMBOLS[name] ?? m)
		.replace(/\\([&%$#_{}])/g, '$1')
		.replace(/---/g, '—')
		.replace(/--/g, '–');
	// Remaining commands such as \emph{x} or \textit{x} keep their argument's text.
	out = out.replace(/\\[A-Za-z]+\s*/g, '');
	return out.replace(/[{}]/g, '').normalize('NFC');
}

interface Entry {
	type: string;
	fields: Map<string, string>;
}

class Reader {
	pos = 0;
	constructor(readonly text: string) {}
	line(at = this.pos): number {
		return this.text.slice(0, at).split('\n').length;
	}
	space(): void {
		while (this.pos < this.text.length && /\s/.test(this.text[this.pos]!)) this.pos++;
	}
	fail(what: string): never {
		throw new Error(`Not BibTeX: line ${this.line()}: ${what}.`);
	}
	word(): string {
		this.space();
		const m = /^[^\s{}(),="#%'~]+/.exec(this.text.slice(this.pos, this.pos + 200));
		if (!m) this.fail('expected a name');
		this.pos += m[0].length;
		return m[0];
	}
	braced(): string {
		const start = ++this.pos;
		let depth = 1;
		while (this.pos < this.text.length) {
			const c = this.text[this.pos++];
			if (c === '\\') this.pos++;
			else if (c === '{') depth++;
			else if (c === '}' && --depth === 0) return this.text.slice(start, this.pos - 1);
		}
		return this.fail('a brace is never closed');
	}
	quoted(): string {
		const start = ++this.pos;
		let depth = 0;
		while (this.pos < this.text.length) {
			const c = this.text[this.pos++];
			if (c === '\\') this.pos++;
			else if (c === '{') depth++;
			else if (c === '}') depth--;
			else if (c === '"' && depth === 0) return this.text.slice(start, this.pos - 1);
		}
		return this.fail('a quotation mark is never closed');
	}
	value(macros: Map<string, string>): string {
		let out = '';
		for (;;) {
			this.space();
			const c = this.text[this.pos];
			if (c === '{') out += this.braced();
			else if (c === '"') out += this.quoted();
			else {
				const w = this.word();
				out += /^\d+$/.test(w) ? w : (macros.get(w.toLowerCase()) ?? w);
			}
			this.space();
			if (this.text[this.pos] !== '#') return out;
			this.pos++;
		}
	}
}

function readEntries(text: string): Entry[] {
	const r = new Reader(text);
	const entries: Entry[] = [];
	const macros = new Map<string, string>();
	for (;;) {
		const at = text.indexOf('@', r.pos);
		if (at < 0) return entries;
		r.pos = at + 1;
		const type = r.word().toLowerCase();
		r.space();
		const open = text[r.pos];
		if (open !== '{' && open !== '(') r.fail(`expected "{" after @${type}`);
		if (type === 'comment' || type === 'preamble') {
			if (open === '{') r.braced();
			else r.pos = Math.max(r.pos + 1, text.indexOf(')', r.pos) + 1);
			continue;
		}
		r.pos++;
		const close = open === '{' ? '}' : ')';
		const fields = new Map<string, string>();
		if (type !== 'string') {
			r.word(); // the citation key
			r.space();
			if (text[r.pos] === ',') r.pos++;
		}
		for (;;) {
			r.space();
			if (text[r.pos] === close) {
				r.pos++;
				break;
			}
			if (r.pos >= text.length) r.fail(`@${type} is never closed`);
			const name = r.word().toLowerCase();
			r.space();
			if (text[r.pos] !== '=') r.fail(`expected "=" after the field "${name}"`);
			r.pos++;
			const value = r.value(macros);
			if (type === 'string') macros.set(name, value);
			else fields.set(name, value);
			r.space();
			if (text[r.pos] === ',') r.pos++;
		}
		if (type !== 'string') entries.push({ type, fields });
	}
}

/** "Family, Given" or "Given Family" (braced names are one literal name). */
function personName(raw: string): string {
	const parts = raw.split(',').map((p) => p.trim());
	const name = parts.length >= 2 ? [parts.slice(1).join(' '), parts[0]].join(' ') : raw;
	return clean(delatex(name));
}

/** Splits on " and " outside braces. */
function splitNames(raw: string): string[] {
	const names: string[] = [];
	let depth = 0;
	let start = 0;
	for (let i = 0; i < raw.length; i++) {
		const c = raw[i];
		if (c === '{') depth++;
		else if (c === '}') depth--;
		else if (depth === 0 && /\s/.test(c!) && /^\s+and\s+/i.test(raw.slice(i))) {
			names.push(raw.slice(start, i));
			i += /^\s+and\s+/i.exec(raw.slice(i))![0].length - 1;
			start = i + 1;
		}
	}
	names.push(raw.slice(start));
	return names.filter((n) => n.trim() !== '' && n.trim().toLowerCase() !== 'others');
}

function draft(entry: Entry): SourceDraft {
	const f = (name: string) => {
		const v = entry.fields.get(name);
		return v === undefined ? undefined : delatex(v);
	};
	const notes: string[] = [];
	const year = f('year');
	const date = f('date')
		? dateFromText(f('date'), notes)
		: year
			? dateFromParts(
					[Number(year.trim()), monthNumber(f('month')), f('day') ? Number(f('day')) : undefined],
					[year, f('month'), f('day')].filter((x) => x).join(' '),
					notes
				)
			: null;
	const rawAuthors = entry.fields.get('author');
	return {
		title: stated(f('title')),
		outlet: stated(
			f('journaltitle') ?? f('journal') ?? f('booktitle') ?? f('howpublished') ?? f('publisher')
		),
		date,
		authors: authorList(rawAuthors ? splitNames(rawAuthors).map(personName) : []),
		url: address(entry.fields.get('url'), notes),
		kind: kindFromWords(f('type')),
		notes
	};
}

export function parseBibtex(text: string): CitationResult {
	let entries: Entry[];
	try {
		entries = readEntries(text);
	} catch (err) {
		return { ok: false, problem: err instanceof Error ? err.message : 'Not BibTeX.' };
	}
	if (entries.length === 0) return { ok: false, problem: 'Not BibTeX: no @entry{...} found.' };
	return { ok: true, format: 'bibtex', drafts: entries.map(draft) };
}
