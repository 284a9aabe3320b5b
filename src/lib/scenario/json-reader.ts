/**
 * The JSON half of the loader: bombs refused before JSON.parse spends seconds on them, syntax
 * errors placed by our own scanner, and what JSON.parse hides (duplicate keys) found after it.
 */
import { jsonProblems, prescanJson } from './json-checks';
import { scanJson } from './json-locate';
import type { LoadError } from './load-core';
import { binaryProblem, LineIndex } from './text-checks';

export interface JsonLimits {
	depth: number;
	keys: number;
}

export type JsonRead = { value: unknown } | { errors: LoadError[] };

/** JSON text -> its value, or every problem found before validation. */
export function readJson(text: string, file: string, limits: JsonLimits): JsonRead {
	const bomb = jsonBomb(text, file, limits);
	if (bomb) return bomb;
	const parsed = parseJson(file, text);
	if ('errors' in parsed) return parsed;
	return checkParsed(text, file, parsed.value, limits);
}

/**
 * YAML text that is JSON (a YAML 1.2 file may be written so, e.g. by a converter) read as JSON:
 * it means the same, and JSON.parse reads 5 MB in milliseconds where the YAML parser took 25 s.
 * Null when the text is not JSON.
 */
export function readYamlAsJson(text: string, file: string, limits: JsonLimits): JsonRead | null {
	if (!/^\s*[[{]/.test(text)) return null;
	const bomb = jsonBomb(text, file, limits);
	if (bomb) return bomb;
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		return null;
	}
	return checkParsed(text, file, value, limits);
}

function checkParsed(text: string, file: string, value: unknown, limits: JsonLimits): JsonRead {
	const lines = new LineIndex(text);
	const early = jsonProblems(text, value, limits, lines);
	if (early.length === 0) return { value };
	return {
		errors: early.map((p) => ({ file, ...lines.at(p.offset), path: p.path, message: p.message }))
	};
}

/** Nesting or width no scenario has, refused before JSON.parse spends seconds on it. */
function jsonBomb(text: string, file: string, limits: JsonLimits): JsonRead | null {
	const bomb = prescanJson(text, limits);
	if (!bomb) return null;
	if (bomb.deep) {
		// The path up to the limit, from a scan that stops there.
		const deep = scanJson(text, new Set(), limits.depth, false, true).tooDeep;
		const at = new LineIndex(text).at(deep?.offset ?? bomb.offset);
		const message = `nested deeper than ${limits.depth} levels; a scenario is at most 5`;
		return { errors: [{ file, ...at, path: deep?.path ?? '', message }] };
	}
	const message = `a mapping with more than ${limits.keys} keys; a scenario's mappings have at most 10`;
	return { errors: [{ file, ...new LineIndex(text).at(bomb.offset), path: '', message }] };
}

function parseJson(file: string, text: string): JsonRead {
	try {
		return { value: JSON.parse(text) };
	} catch (err) {
		const junk = binaryProblem(text);
		if (junk) return { errors: [{ file, ...junk, path: '' }] };
		// V8 does not always give a position, and quotes the file in its message: our own scanner
		// says where and what in one line.
		const scan = scanJson(text);
		if (scan.error) {
			const pos = new LineIndex(text).at(scan.error.offset);
			return {
				errors: [{ file, ...pos, path: '', message: `not valid JSON: ${scan.error.message}` }]
			};
		}
		const first = (err instanceof Error ? err.message : String(err)).split('\n')[0]!;
		return { errors: [{ file, line: 1, col: 1, path: '', message: `not valid JSON: ${first}` }] };
	}
}
