/**
 * Duplicate keys in JSON. JSON.parse keeps the last of two equal keys without a word: a second
 * `claims` would empty a scenario, a second `url` redirect every citation. Keys are counted
 * cheaply (in the text and in the parsed value) and located by a scan only when the counts differ.
 */
import { scanJson, type JsonScan } from './json-locate';

export function duplicateKeys(text: string, value: unknown): JsonScan['duplicates'] {
	if (keysInText(text) === keysInValue(value)) return [];
	return scanJson(text, new Set(), Infinity, true).duplicates;
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

/** Keys of every object in a parsed value (iteratively: the value may be nested deep). */
function keysInValue(value: unknown): number {
	let keys = 0;
	const stack: unknown[] = [value];
	while (stack.length > 0) {
		const item = stack.pop();
		if (item === null || typeof item !== 'object') continue;
		if (Array.isArray(item)) {
			for (const child of item) if (child !== null && typeof child === 'object') stack.push(child);
		} else {
			for (const key in item) {
				keys++;
				const child = (item as Record<string, unknown>)[key];
				if (child !== null && typeof child === 'object') stack.push(child);
			}
		}
	}
	return keys;
}
