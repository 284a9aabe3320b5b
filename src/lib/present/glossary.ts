/**
 * Plain-language meanings of the words and numbers Stancegrid shows (issue 13: a student meets
 * "A = -1.00", "n", "camp", "conditional", "mixed" and "Escalation risk: helps" with no word of
 * explanation). One home, so the grid legend, the charts and the panel say the same thing.
 */
import type { Direction } from '../scenario/schema';

export const TERMS = {
	A: {
		label: 'A',
		title: 'Agreement A',
		text: 'How far the commentators on an option agree (van der Eijk’s A). 1: all take the same stance. 0: evenly spread over support, conditional and oppose. −1: split into two camps at the extremes, as many for as against.'
	},
	n: {
		label: 'n',
		title: 'n',
		text: 'How many commentators a number rests on. With few named sources, a number from n = 1 or 2 says little: read the quotes.'
	},
	camp: {
		label: 'camp',
		title: 'Camp',
		text: 'A group of commentators who mostly take the same stances on the options they all address. Camps are found by clustering (average linkage), cut where agreement drops below 0.5.'
	},
	conditional: {
		label: 'conditional',
		title: 'Conditional',
		text: 'Supports the option only under stated conditions or with strong caveats: neither a plain yes nor a no.'
	},
	mixed: {
		label: 'mixed',
		title: 'Mixed',
		text: 'The commentator makes several claims on the option and they do not all take the same stance (for example one supports, one is conditional). Their position is the average.'
	},
	direction: {
		label: 'helps / hurts',
		title: 'Helps, hurts, unclear',
		text: 'Each consequence is measured against a goal, such as “keeps the risk of escalation with Russia down”. Helps: moves toward that goal. Hurts: moves away from it. Unclear: little or no effect, unsure, or not said which way.'
	},
	notAddressed: {
		label: 'not addressed',
		title: 'Not addressed',
		text: 'The commentator says nothing about this option in the articles coded. That is not the same as opposing it.'
	}
} as const;

export type Term = keyof typeof TERMS;

/** "Escalation risk: helps" in words, against the dimension's goal. */
export function directionSentence(direction: Direction, goal: string): string {
	switch (direction) {
		case 'helps':
			return `helps: moves toward the goal (${goal})`;
		case 'hurts':
			return `hurts: moves away from the goal (${goal})`;
		case 'unclear':
			return `unclear: little or no effect on the goal, or not said which way (${goal})`;
	}
}

export interface StanceCounts {
	support: number;
	conditional: number;
	oppose: number;
}

/**
 * What an agreement A means for these counts, in words: "split 2 for, 2 against", "all 3 for",
 * "mostly for: 4 for, 1 conditional, 1 against". Counts are positions (one per commentator).
 */
export function agreementSentence(counts: StanceCounts): string {
	const { support: f, conditional: c, oppose: a } = counts;
	const n = f + c + a;
	if (n === 0) return 'no commentator takes a position';
	const parts = [
		f > 0 ? `${f} for` : '',
		c > 0 ? `${c} conditional` : '',
		a > 0 ? `${a} against` : ''
	].filter(Boolean);
	const list = parts.join(', ');
	if (n === 1) return `only one position (${list}): too few to speak of agreement`;
	if (parts.length === 1) return `all ${n} ${f > 0 ? 'for' : c > 0 ? 'conditional' : 'against'}`;
	if (f > 0 && a > 0 && f === a && c === 0) return `split ${f} for, ${a} against`;
	if (f > 0 && a > 0 && Math.abs(f - a) <= 1 && f + a > 2 * c) return `divided: ${list}`;
	const most = Math.max(f, c, a);
	if (most * 2 > n) {
		const side = most === f ? 'for' : most === a ? 'against' : 'conditional';
		return `mostly ${side}: ${list}`;
	}
	return `spread out: ${list}`;
}
