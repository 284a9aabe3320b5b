/**
 * What the editor's crash journal writes on each keystroke: not the whole scenario (700 KB of
 * JSON at 1,000 claims, written synchronously to localStorage, held the main thread for a tenth
 * of a second per key) but only what differs from the version last saved. Drafts share every
 * part an edit left alone, so the difference is found by reference: a changed top-level value is
 * written whole, and a changed list as the saved list's indexes for the items it kept plus the
 * new or changed items themselves. Typing in one field writes that field's object.
 *
 * Pure: no DOM, no Svelte.
 */
import type { Scenario } from '../scenario/schema';

/** A list as kept items (their index in the base list) and new or changed items (the item). */
type ListPatch = (number | object)[];

export interface ScenarioPatch {
	/** Top-level members that changed, whole (meta, or a member the base lacked). */
	set: Record<string, unknown>;
	/** Top-level lists that changed, item by item. */
	lists: Record<string, ListPatch>;
	/** Top-level members the base had and the draft no longer has. */
	removed: string[];
}

/** The difference from `base` to `next`; empty when nothing changed. */
export function diffScenario(base: Scenario, next: Scenario): ScenarioPatch {
	const patch: ScenarioPatch = { set: {}, lists: {}, removed: [] };
	const from = base as unknown as Record<string, unknown>;
	const to = next as unknown as Record<string, unknown>;
	for (const [key, value] of Object.entries(to)) {
		const old = from[key];
		if (old === value) continue;
		if (Array.isArray(value) && Array.isArray(old) && value.every(isObject)) {
			const at = new Map<unknown, number>();
			old.forEach((item, i) => at.set(item, i));
			patch.lists[key] = value.map((item: object) => at.get(item) ?? item);
		} else patch.set[key] = value;
	}
	for (const key of Object.keys(from)) if (!(key in to)) patch.removed.push(key);
	return patch;
}

export function isEmptyPatch(patch: ScenarioPatch): boolean {
	return (
		Object.keys(patch.set).length === 0 &&
		Object.keys(patch.lists).length === 0 &&
		patch.removed.length === 0
	);
}

/**
 * The draft back from the saved base and a patch read from storage; null when the patch does not
 * fit that base (an index past its list, a malformed entry), so a damaged journal is never laid
 * over the saved version.
 */
export function applyPatch(base: Scenario, patch: unknown): Scenario | null {
	if (!isPatch(patch)) return null;
	const out: Record<string, unknown> = { ...(base as unknown as Record<string, unknown>) };
	for (const key of patch.removed) delete out[key];
	for (const [key, value] of Object.entries(patch.set)) out[key] = value;
	for (const [key, items] of Object.entries(patch.lists)) {
		const old = out[key];
		if (!Array.isArray(old) || !Array.isArray(items)) return null;
		const list: unknown[] = [];
		for (const item of items) {
			if (typeof item === 'number') {
				if (!Number.isInteger(item) || item < 0 || item >= old.length) return null;
				list.push(old[item]);
			} else if (isObject(item)) list.push(item);
			else return null;
		}
		out[key] = list;
	}
	return out as unknown as Scenario;
}

const isObject = (x: unknown): x is object => typeof x === 'object' && x !== null;

function isPatch(value: unknown): value is ScenarioPatch {
	if (typeof value !== 'object' || value === null) return false;
	const p = value as Partial<ScenarioPatch>;
	return (
		typeof p.set === 'object' &&
		p.set !== null &&
		typeof p.lists === 'object' &&
		p.lists !== null &&
		Array.isArray(p.removed) &&
		p.removed.every((k) => typeof k === 'string')
	);
}
