/**
 * Two tabs with the same position open: a three-way merge of what this tab last read (base), what
 * it has now (mine) and what the other tab saved (theirs), option by option. A change made in only
 * one tab is kept; where both tabs changed the same option differently, this tab's answer is kept
 * and the option is named, so the student is told rather than losing an answer silently.
 */
import type { MyPosition } from '../analysis/my-position';

export interface Merged {
	value: MyPosition;
	/** Options both tabs changed differently (this tab's answer kept). */
	conflicts: string[];
}

function mergeField<T>(
	base: Readonly<Record<string, T>>,
	mine: Readonly<Record<string, T>>,
	theirs: Readonly<Record<string, T>>,
	conflicts: Set<string>
): Record<string, T> {
	const out: Record<string, T> = {};
	const get = (r: Readonly<Record<string, T>>, k: string) =>
		Object.hasOwn(r, k) ? r[k] : undefined;
	for (const key of new Set([...Object.keys(base), ...Object.keys(mine), ...Object.keys(theirs)])) {
		const b = get(base, key);
		const m = get(mine, key);
		const t = get(theirs, key);
		let value: T | undefined;
		if (m === t || t === b) value = m;
		else if (m === b) value = t;
		else {
			value = m;
			conflicts.add(key);
		}
		if (value !== undefined) out[key] = value;
	}
	return out;
}

export function mergePositions(base: MyPosition, mine: MyPosition, theirs: MyPosition): Merged {
	const conflicts = new Set<string>();
	const value = {
		stances: mergeField(base.stances, mine.stances, theirs.stances, conflicts),
		reasons: mergeField(base.reasons, mine.reasons, theirs.reasons, conflicts)
	};
	return { value, conflicts: [...conflicts] };
}
