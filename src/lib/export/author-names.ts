/**
 * Author names as citation styles need them (family, given: "Kavanagh, J."), split only where
 * the split is certain enough; anything else stays one literal name, as written, because a wrong
 * split would put words in a source's mouth ("Board, Editorial"). Nothing is invented.
 */

/** A name split into family and given, or kept whole. */
export type AuthorName = { family: string; given: string } | { literal: string };

/** Words that mark an organisation or a byline rather than a person's name. */
const NOT_A_PERSON = new Set(
	'the staff board team desk editors editorial council committee institute center centre agency news press office group reporters correspondents service'.split(
		' '
	)
);
/** Generational suffixes, which a plain last-word split would take for the family name. */
const SUFFIX = /^(jr|sr|ii|iii|iv|v|phd|md)\.?$/i;
/** A capitalised word: a letter of upper or title case, then letters, marks, ' . or -. */
const NAME_WORD = /^[\p{Lu}\p{Lt}][\p{L}\p{M}'’.-]*$/u;

export function authorName(name: string): AuthorName {
	const trimmed = name.trim();
	// Written "Family, Given" by the scenario: the comma says where the split is.
	const comma = /^([^,]+),\s*([^,]+)$/.exec(trimmed);
	if (comma) return { family: comma[1]!.trim(), given: comma[2]!.trim() };
	const words = trimmed.split(/\s+/);
	const person =
		words.length >= 2 &&
		words.length <= 4 &&
		words.every((w) => NAME_WORD.test(w) && !SUFFIX.test(w)) &&
		!words.some((w) => NOT_A_PERSON.has(w.toLowerCase()));
	if (!person) return { literal: trimmed };
	return { family: words[words.length - 1]!, given: words.slice(0, -1).join(' ') };
}
