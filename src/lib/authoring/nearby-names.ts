/**
 * Names that appear in the text near a passage, offered as commentators when a claim is made
 * from it ("said Jennifer Kavanagh", "according to the Kremlin"). A name here is a run of two to
 * four capitalised words (particles such as "de" or "von" allowed inside), without the words that
 * merely start a sentence ("The", "But"). Offered, never chosen: the person picks. Known commentators whose names occur near the passage come first.
 *
 * Pure: no DOM, no Svelte.
 */
import type { Span } from './quote-selector';

/** How far around the passage names are looked for, in characters. */
export const NEAR = 600;

export interface NearbyName {
	name: string;
	/** Characters between the name and the passage (0 when inside it). */
	distance: number;
	/** The id of a commentator already in the scenario with this name, if any. */
	commentator?: string;
}

/** A capitalised word, or an initial ("J."); a full stop otherwise ends the name. */
const WORD = "(?:\\p{Lu}\\.|\\p{Lu}[\\p{L}\\p{M}'’-]*)";
const PARTICLE = '(?:de|da|del|der|den|van|von|bin|al|le|la|di|du)';
const NAME = new RegExp(`${WORD}(?:\\s+(?:${PARTICLE}\\s+)?${WORD}){1,3}`, 'gu');
/** Capitalised words that start many sentences and are not names. */
const NOT_NAMES = new Set(
	(
		'The A An In On At By For But And Or If When While This That These Those It Its He She They We ' +
		'I You His Her Their Our As After Before Since Still Yet So Then There Here What Why How Who Mr Mrs Ms Dr ' +
		'Mayor President Senator Minister Professor Prof General Judge Governor Chancellor Secretary Councillor ' +
		'Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July ' +
		'August September October November December'
	).split(' ')
);

function trimName(raw: string): string {
	const words = raw.split(/\s+/);
	while (words.length > 0 && NOT_NAMES.has(words[0]!.replace(/[.’']+$/, ''))) words.shift();
	return words.join(' ').replace(/[.’']+$/, '');
}

export function nearbyNames(
	text: string,
	passage: Span,
	known: readonly { id: string; name: string }[] = []
): NearbyName[] {
	const from = Math.max(0, passage.start - NEAR);
	const to = Math.min(text.length, passage.end + NEAR);
	const window = text.slice(from, to);
	const found = new Map<string, NearbyName>();
	const distanceOf = (start: number, end: number) =>
		end <= passage.start ? passage.start - end : start >= passage.end ? start - passage.end : 0;
	const add = (name: string, start: number, end: number, commentator?: string) => {
		const distance = distanceOf(start, end);
		const prior = found.get(name);
		if (!prior || distance < prior.distance)
			found.set(name, { name, distance, ...(commentator ? { commentator } : {}) });
	};
	for (const c of known) {
		if (c.name.trim().length < 2) continue;
		for (let at = window.indexOf(c.name); at >= 0; at = window.indexOf(c.name, at + 1))
			add(c.name, from + at, from + at + c.name.length, c.id);
	}
	for (const m of window.matchAll(NAME)) {
		const name = trimName(m[0]);
		if (name.split(/\s+/).length < 2) continue;
		if (found.has(name)) continue;
		const start = from + m.index + m[0].indexOf(name);
		add(name, start, start + name.length);
	}
	return [...found.values()].sort(
		(a, b) => Number(!a.commentator) - Number(!b.commentator) || a.distance - b.distance
	);
}
