/**
 * Checks on parsed JSON that must come before the schema sees it, each linear and each stopping
 * early: nesting far deeper than a scenario's, an object with thousands of keys (valibot would
 * report each as an unknown field: 1.4 million keys took 23 s), and duplicate keys, which
 * JSON.parse drops without a word (a second `claims` would empty a scenario, a second `url`
 * redirect every citation).
 */
import { scanJson } from './json-locate';
import { printable, type LineIndex } from './text-checks';

/** A problem found before validation: the offset it points at and its path. */
export interface JsonProblem {
	offset: number;
	path: string;
	message: string;
}

export function jsonProblems(
	text: string,
	value: unknown,
	limits: { depth: number; keys: number },
	lines: LineIndex
): JsonProblem[] {
	const shape = walk(value, limits);
	if (shape.tooDeep) {
		const deep = scanJson(text, new Set(), limits.depth, false, true).tooDeep;
		return [
			{
				offset: deep?.offset ?? 0,
				path: deep?.path ?? '',
				message: `nested deeper than ${limits.depth} levels; a scenario is at most 5`
			}
		];
	}
	if (shape.wide !== null) {
		const found = scanJson(text, new Set([shape.wide])).positions.get(shape.wide);
		return [
			{
				offset: found?.value ?? 0,
				path: shape.wide,
				message: `a mapping with more than ${limits.keys} keys; a scenario's mappings have at most 10`
			}
		];
	}
	if (keysInText(text) === shape.keys) return [];
	return scanJson(text, new Set(), Infinity, true).duplicates.map((d) => ({
		offset: d.offset,
		path: d.path,
		message: `duplicate key "${printable(d.key)}" (first at line ${lines.at(d.first).line}); a key may appear once in a mapping`
	}));
}

/** Strings followed by a colon in JSON that parsed: its object keys, duplicates included. */
function keysInText(text: string): number {
	// Matching whole strings from the start keeps every match aligned on a real opening quote.
	const strings = /"(?:[^"\\]|\\.)*"/g;
	let keys = 0;
	while (strings.exec(text) !== null) {
		let i = strings.lastIndex;
		let c = text.charCodeAt(i);
		while (c === 32 || c === 10 || c === 13 || c === 9) c = text.charCodeAt(++i);
		if (c === 58) keys++;
	}
	return keys;
}

interface Frame {
	value: unknown;
	depth: number;
	parent: Frame | null;
	key: string | number;
}

function pathOf(frame: Frame): string {
	let path = '';
	for (let f: Frame | null = frame; f && f.parent; f = f.parent)
		path =
			typeof f.key === 'number'
				? `[${f.key}]${path}`
				: f.parent.parent
					? `.${f.key}${path}`
					: `${f.key}${path}`;
	return path;
}

/** Keys of every object; stops at the first container too deep or object too wide. */
function walk(
	value: unknown,
	limits: { depth: number; keys: number }
): { keys: number; tooDeep: boolean; wide: string | null } {
	let keys = 0;
	const stack: Frame[] = [{ value, depth: 0, parent: null, key: '' }];
	while (stack.length > 0) {
		const frame = stack.pop()!;
		const item = frame.value;
		if (item === null || typeof item !== 'object') continue;
		if (frame.depth >= limits.depth) return { keys, tooDeep: true, wide: null };
		const depth = frame.depth + 1;
		if (Array.isArray(item)) {
			for (let i = 0; i < item.length; i++) {
				const child = item[i];
				if (child !== null && typeof child === 'object')
					stack.push({ value: child, depth, parent: frame, key: i });
			}
			continue;
		}
		let own = 0;
		for (const key in item) {
			own++;
			const child = (item as Record<string, unknown>)[key];
			if (child !== null && typeof child === 'object')
				stack.push({ value: child, depth, parent: frame, key });
		}
		if (own > limits.keys) return { keys, tooDeep: false, wide: pathOf(frame) };
		keys += own;
	}
	return { keys, tooDeep: false, wide: null };
}

/**
 * A bracket count before JSON.parse, which is itself the slow part for a bomb: V8 took 37 s on
 * 10 million nested brackets and 13 s on an object with 1.4 million keys. Strings are skipped
 * whole; stops at the first container past the depth limit or object past the key limit.
 */
export function prescanJson(
	text: string,
	limits: { depth: number; keys: number }
): { offset: number; deep: boolean } | null {
	const commas: number[] = [];
	const objects: boolean[] = [];
	const starts: number[] = [];
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c === 34) {
			let j = i + 1;
			for (;;) {
				j = text.indexOf('"', j);
				if (j < 0) return null; // never closed: JSON.parse names the problem
				let slashes = 0;
				while (text.charCodeAt(j - 1 - slashes) === 92) slashes++;
				if (slashes % 2 === 0) break;
				j++;
			}
			i = j;
		} else if (c === 123 || c === 91) {
			if (objects.length >= limits.depth) return { offset: i, deep: true };
			objects.push(c === 123);
			commas.push(0);
			starts.push(i);
		} else if (c === 125 || c === 93) {
			objects.pop();
			commas.pop();
			starts.pop();
		} else if (c === 44 && objects[objects.length - 1]) {
			const top = commas.length - 1;
			if (++commas[top]! >= limits.keys) return { offset: starts[top]!, deep: false };
		}
	}
	return null;
}
