/**
 * The sources in view as citations for reference managers: CSL-JSON (Zotero, Pandoc, Mendeley),
 * BibTeX and RIS. Nothing is invented: an address or author list the scenario gives as "not
 * stated" is left out, a name is split into family and given only where that is certain
 * (author-names.ts) and stays literal otherwise, an accessed date is written only when the
 * scenario records one, and an inferred date says so in a note.
 */
import { NOT_STATED, type Source, type SourceKind } from '../scenario/schema';
import { authorName } from './author-names';
import { oneLine, safeHref } from './escape';
import type { ExportInput } from './format-info';
import { resolveView } from './view';
import { SOURCE_KIND_WORDS } from './words';

/** Year, month and day as numbers, as many as the date gives. */
export function dateParts(date: string): number[] {
	return date.split('-').map(Number);
}

function inferredNote(source: Source): string | undefined {
	if (!source.date_inferred) return undefined;
	return source.date_note ? `date inferred: ${source.date_note}` : 'date inferred';
}

const authorsOf = (source: Source): string[] =>
	source.authors === NOT_STATED ? [] : source.authors;

/** News kinds are newspaper articles; an analysis is left generic rather than guessed at. */
const NEWS: ReadonlySet<SourceKind> = new Set(['op-ed', 'news-explainer', 'news-report']);

export function cslJson(input: ExportInput): string {
	const items = resolveView(input).sources.map((source) => {
		const url = safeHref(source.url);
		const note = inferredNote(source);
		const authors = authorsOf(source);
		return {
			id: source.id,
			type: NEWS.has(source.kind) ? 'article-newspaper' : 'article',
			genre: SOURCE_KIND_WORDS[source.kind],
			title: source.title,
			'container-title': source.outlet,
			issued: { 'date-parts': [dateParts(source.date)] },
			...(authors.length > 0 ? { author: authors.map(authorName) } : {}),
			...(url ? { URL: url } : {}),
			...(source.accessed ? { accessed: { 'date-parts': [dateParts(source.accessed)] } } : {}),
			...(note ? { note } : {})
		};
	});
	return JSON.stringify(items, null, 2) + '\n';
}

const BIB_ESCAPES: Record<string, string> = {
	'\\': '\\textbackslash{}',
	'{': '\\{',
	'}': '\\}',
	'#': '\\#',
	$: '\\$',
	'%': '\\%',
	'&': '\\&',
	_: '\\_',
	'~': '\\textasciitilde{}',
	'^': '\\textasciicircum{}'
};

/** Text for a braced BibTeX field: LaTeX specials escaped, so braces always balance. */
export function bibEscape(text: string): string {
	return oneLine(text).replace(/[\\{}#$%&_~^]/g, (c) => BIB_ESCAPES[c]!);
}

function bibName(author: string): string {
	const name = authorName(author);
	return 'literal' in name
		? `{${bibEscape(name.literal)}}`
		: `${bibEscape(name.family)}, ${bibEscape(name.given)}`;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

export function bibtex(input: ExportInput): string {
	const entries = resolveView(input).sources.map((source) => {
		const [year, month] = dateParts(source.date);
		const url = safeHref(source.url);
		const note = inferredNote(source);
		const authors = authorsOf(source);
		const news = NEWS.has(source.kind);
		const fields: [string, string][] = [];
		// "Family, Given" where the split is certain; otherwise braced whole, so BibTeX never splits
		// a literal name into first and last itself.
		if (authors.length > 0) fields.push(['author', `{${authors.map(bibName).join(' and ')}}`]);
		// Double braces keep the title's capitalisation in every style.
		fields.push(['title', `{{${bibEscape(source.title)}}}`]);
		fields.push([news ? 'journal' : 'howpublished', `{${bibEscape(source.outlet)}}`]);
		fields.push(['year', `{${year}}`]);
		if (month !== undefined) fields.push(['month', MONTHS[month - 1]!]);
		fields.push(['date', `{${source.date}}`]);
		if (url) fields.push(['url', `{${url.replace(/[{}\\]/g, (c) => encodeURIComponent(c))}}`]);
		if (source.accessed) fields.push(['urldate', `{${source.accessed}}`]);
		if (note) fields.push(['note', `{${bibEscape(note)}}`]);
		const body = fields.map(([name, value]) => `  ${name} = ${value},`).join('\n');
		return `@${news ? 'article' : 'misc'}{${source.id},\n${body}\n}\n`;
	});
	return ['% Sources exported by Stancegrid. Encoding: UTF-8.\n', ...entries].join('\n');
}

/** RIS type: newspaper article for news kinds, generic otherwise. */
function risType(kind: SourceKind): string {
	return NEWS.has(kind) ? 'NEWS' : 'GEN';
}

/** RIS dates: YYYY/MM/DD/ with missing parts left empty. */
function risDate(date: string): string {
	const [year, month, day] = dateParts(date);
	const pad = (n: number | undefined) => (n === undefined ? '' : String(n).padStart(2, '0'));
	return `${year}/${pad(month)}/${pad(day)}/`;
}

export function ris(input: ExportInput): string {
	const records = resolveView(input).sources.map((source) => {
		const [year, month] = dateParts(source.date);
		const url = safeHref(source.url);
		const note = inferredNote(source);
		const lines: [string, string][] = [
			['TY', risType(source.kind)],
			['ID', source.id]
		];
		for (const author of authorsOf(source)) {
			const name = authorName(author);
			lines.push(['AU', 'literal' in name ? name.literal : `${name.family}, ${name.given}`]);
		}
		lines.push(['TI', source.title], ['T2', source.outlet], ['PY', String(year)]);
		if (month !== undefined) lines.push(['DA', risDate(source.date)]);
		if (url) lines.push(['UR', url]);
		if (source.accessed) lines.push(['Y2', risDate(source.accessed)]);
		if (note) lines.push(['N1', note]);
		lines.push(['ER', '']);
		// A tag line is one line: a line break in a value would start a bogus tag.
		return lines.map(([tag, value]) => `${tag}  - ${oneLine(value)}`).join('\r\n') + '\r\n';
	});
	return records.join('\r\n');
}
