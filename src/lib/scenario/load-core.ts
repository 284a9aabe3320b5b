/**
 * The one way a scenario gets in: YAML or JSON text -> a validated `Scenario`, or every problem at
 * once as `file:line:col path: message`. Used by the command line and the app's import alike, so
 * a file the CLI accepts is a file the app accepts. Never returns a partial scenario.
 *
 * The YAML parser is a third of the app's loading code and a JSON link never needs it, so it is
 * handed in (`load.ts` for the command line) or fetched only for YAML text (`loadScenarioLazily`).
 */
import * as v from 'valibot';
import { compileParse, GIVE_UP, type FastParse } from './fast-parse';
import { readJson, readYamlAsJson, type JsonRead } from './json-reader';
import { scanJson } from './json-locate';
import { checkReferences, type PathProblem } from './references';
import {
	CHECK_DETAIL,
	characters,
	MAX_SCENARIO_BYTES,
	ScenarioSchema,
	tooLarge,
	type Scenario
} from './schema';
import { binaryProblem, byteLength, LineIndex, printable } from './text-checks';

export const MAX_BYTES = MAX_SCENARIO_BYTES;
/** A scenario nests five levels deep; anything far deeper is an attack or an accident. */
export const MAX_DEPTH = 24;
/** Aliases save typing in hand-written YAML; past this many they are a resource-exhaustion bomb. */
export const MAX_ALIASES = 200;
/** The most keys a mapping may have; a scenario's have at most 10, so more is a bomb. */
export const MAX_KEYS = 1000;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** Problems listed at most; the rest are counted (20,000 lines help nobody and cost seconds). */
export const MAX_LISTED = 100;

export interface LoadError {
	file: string;
	line: number;
	col: number;
	/** Field path such as `claims[3].stance`; empty for the file as a whole. */
	path: string;
	message: string;
}

export type LoadResult =
	| { ok: true; scenario: Scenario; format: 'yaml' | 'json' }
	| {
			ok: false;
			/** The first {@link MAX_LISTED} problems. */
			errors: LoadError[];
			/** How many more problems there are beyond those listed. */
			omitted?: number;
	  };

/** How many problems a failed load found in all. */
export function problemCount(result: { errors: LoadError[]; omitted?: number }): number {
	return result.errors.length + (result.omitted ?? 0);
}

/** One problem as one line: whatever the file name, path or message hold, it stays one line. */
export function formatLoadError(e: LoadError): string {
	return `${printable(e.file, 400)}:${e.line}:${e.col}${e.path ? ' ' + printable(e.path, 200) : ''}: ${printable(e.message, 600)}`;
}

export function formatPath(path: readonly (string | number)[]): string {
	let out = '';
	for (const key of path) {
		if (typeof key === 'number') out += `[${key}]`;
		else out += out ? `.${key}` : key;
	}
	return out;
}

type Format = 'yaml' | 'json';

function detectFormat(file: string, text: string): Format {
	const lower = file.toLowerCase();
	if (lower.endsWith('.json')) return 'json';
	if (lower.endsWith('.yaml') || lower.endsWith('.yml')) return 'yaml';
	return /^\s*[[{]/.test(text) ? 'json' : 'yaml';
}

/** A value met by the walk below, linked to its parent so a path is built only for a problem. */
interface ShapeNode {
	value: unknown;
	parent: ShapeNode | null;
	key: string | number;
	depth: number;
}

function pathOf(node: ShapeNode | null): (string | number)[] {
	const path: (string | number)[] = [];
	for (let n = node; n && n.parent; n = n.parent) path.push(n.key);
	return path.reverse();
}

/**
 * Walks a value the schema refused, once: depth bombs and prototype-pollution keys are named for
 * what they are (the schema would call them a wrong type or an unknown field). Paths are linked
 * to parents and built only for a problem, not for every node.
 */
function checkShape(value: unknown): PathProblem[] {
	const problems: PathProblem[] = [];
	const stack: ShapeNode[] = [{ value, parent: null, key: '', depth: 0 }];
	while (stack.length > 0 && problems.length < 50) {
		const node = stack.pop()!;
		const item = node.value;
		if (item === null || typeof item !== 'object') continue;
		if (node.depth >= MAX_DEPTH) {
			problems.push({
				path: pathOf(node),
				message: `nested deeper than ${MAX_DEPTH} levels; a scenario is at most 5`
			});
			continue;
		}
		const depth = node.depth + 1;
		if (Array.isArray(item)) {
			for (let i = item.length - 1; i >= 0; i--)
				stack.push({ value: item[i], parent: node, key: i, depth });
		} else {
			for (const key of Object.keys(item)) {
				if (FORBIDDEN_KEYS.has(key)) {
					problems.push({
						path: [...pathOf(node), key],
						message: `the key "${key}" is not allowed (it could alter object prototypes)`,
						atKey: true
					});
				} else
					stack.push({ value: (item as Record<string, unknown>)[key], parent: node, key, depth });
			}
		}
	}
	return problems;
}

function schemaEntriesAt(path: readonly (string | number)[]): string[] | undefined {
	// Walks the schema alongside the issue path so an unknown field can list the fields allowed there.
	let schema: unknown = ScenarioSchema;
	const unwrap = (s: unknown) => (s as { wrapped?: unknown }).wrapped ?? s;
	for (const key of path) {
		const s = unwrap(schema) as { entries?: Record<string, unknown>; item?: unknown };
		schema = typeof key === 'number' ? s.item : s.entries?.[key];
		if (!schema) return undefined;
	}
	const entries = (unwrap(schema) as { entries?: Record<string, unknown> }).entries;
	return entries ? Object.keys(entries) : undefined;
}

function describeIssue(issue: v.BaseIssue<unknown>): PathProblem {
	const path = (issue.path ?? []).map((item) => item.key as string | number);
	const last = issue.path?.[issue.path.length - 1];
	// valibot takes a list for an object and then reports every field missing; say what it is instead.
	if (issue.type === 'strict_object' && last?.origin === 'key' && Array.isArray(last.input)) {
		return { path: path.slice(0, -1), message: 'expected a mapping of fields; got a list' };
	}
	if (issue.type === 'strict_object' && last?.origin === 'key') {
		if (issue.expected === 'never') {
			const allowed = schemaEntriesAt(path.slice(0, -1));
			return {
				path,
				atKey: true,
				message: `unknown field "${String(last.key)}"${allowed ? `; expected one of: ${allowed.join(', ')}` : ''}`
			};
		}
		return { path, message: `missing required field "${String(last.key)}"` };
	}
	if (issue.type === 'min_length' && typeof issue.input === 'string') {
		return { path, message: 'expected non-empty text' };
	}
	if (issue.type === 'min_length' && Array.isArray(issue.input)) {
		return {
			path,
			message: `expected at least ${String(issue.requirement)} item(s); got an empty list`
		};
	}
	if (issue.type === 'strict_object') {
		return { path, message: `expected a mapping of fields; got ${issue.received}` };
	}
	if (typeof issue.input === 'string' && !issue.message.startsWith('Invalid')) {
		const detail = CHECK_DETAIL.get(issue.message);
		if (detail) {
			const shown = detail(issue.input);
			return { path, message: shown ? `${issue.message}; got ${shown}` : issue.message };
		}
		if (/^expected (an id of )?at most \d+ characters$/.test(issue.message))
			return { path, message: `${issue.message}; got ${characters(issue.input)}` };
		// The value itself, escaped and cut: a 5 MB value is not echoed whole.
		return { path, message: `${issue.message}; got "${printable(issue.input)}"` };
	}
	const message = issue.message.startsWith('Invalid')
		? issue.message.replace(/^Invalid \w+: Expected (.*) but received (.*)$/, 'expected $1; got $2')
		: `${issue.message}; got ${issue.received}`;
	return { path, message: printable(message, 300) };
}

/** Problems placed in the file: only the first {@link MAX_LISTED}, the rest counted. */
function failure(file: string, text: string, problems: PathProblem[], locate?: Locate): LoadResult {
	const listed = problems.slice(0, MAX_LISTED);
	const errors = toErrors(file, text, listed, locate);
	const omitted = problems.length - listed.length;
	return omitted > 0 ? { ok: false, errors, omitted } : { ok: false, errors };
}

function toErrors(
	file: string,
	text: string,
	problems: PathProblem[],
	locate?: Locate
): LoadError[] {
	if (locate) {
		return problems.map((p) => ({
			file,
			...locate(p),
			path: formatPath(p.path),
			message: p.message
		}));
	}
	// JSON that parsed: positions are worked out only now, on the error path, in one linear scan
	// for the paths named (and their ancestors, where a missing field points).
	const targets = new Set<string>();
	for (const p of problems) {
		for (let depth = 0; depth <= p.path.length; depth++)
			targets.add(formatPath(p.path.slice(0, depth)));
	}
	const { positions } = scanJson(text, targets);
	const lines = new LineIndex(text);
	return problems.map((p) => {
		let offset = 0;
		for (let depth = p.path.length; depth >= 0; depth--) {
			const found = positions.get(formatPath(p.path.slice(0, depth)));
			if (found) {
				offset =
					p.atKey && depth === p.path.length && found.key !== undefined ? found.key : found.value;
				break;
			}
		}
		return { file, ...lines.at(offset), path: formatPath(p.path), message: p.message };
	});
}

/** Where a problem's path sits in the file, for a parser that kept positions (YAML). */
export type Locate = (problem: PathProblem) => { line: number; col: number };

/** A YAML parser: the parsed value and a way to place problems in the text, or its own errors. */
export type ReadYaml = (
	text: string,
	file: string
) => { value: unknown; locate: Locate } | { errors: LoadError[] };

/** Loads with the YAML parser given; never throws. */
export function loadScenarioWith(text: string, file: string, readYaml: ReadYaml): LoadResult {
	try {
		const checked = checkText(text, file);
		if ('errors' in checked) return finish({ ok: false, errors: checked.errors });
		if (checked.format === 'json')
			return finish(validateJson(readJson(checked.text, file, LIMITS), checked.text, file));
		const json = readYamlAsJson(checked.text, file, LIMITS);
		if (json) return finish(validateJson(json, checked.text, file));
		return finish(loadYaml(checked.text, file, readYaml));
	} catch (err) {
		return crashed(file, err);
	}
}

/**
 * The app's loader: JSON is loaded at once, and the YAML parser is fetched only when the text
 * is YAML. Never throws (a failed fetch of the parser is reported as a problem with the file).
 * `size` is the file's size in bytes when the caller already has it (a fetched body, a File):
 * counting the UTF-8 bytes of 12 MiB of text again took 35 ms before anything was parsed.
 */
export async function loadScenarioLazily(
	text: string,
	file: string,
	size?: number
): Promise<LoadResult> {
	try {
		const checked = checkText(text, file, size);
		if ('errors' in checked) return finish({ ok: false, errors: checked.errors });
		if (checked.format === 'json')
			return finish(validateJson(readJson(checked.text, file, LIMITS), checked.text, file));
		const json = readYamlAsJson(checked.text, file, LIMITS);
		if (json) return finish(validateJson(json, checked.text, file));
		const { readYaml } = await import('./yaml-reader');
		return finish(loadYaml(checked.text, file, readYaml));
	} catch (err) {
		return crashed(file, err);
	}
}

/** At most {@link MAX_LISTED} problems, the rest counted; in file order where positions tell. */
function finish(result: LoadResult): LoadResult {
	if (result.ok || result.errors.length <= MAX_LISTED) return result;
	return {
		ok: false,
		errors: result.errors.slice(0, MAX_LISTED),
		omitted: result.errors.length - MAX_LISTED
	};
}

function crashed(file: string, err: unknown): LoadResult {
	// The loader's promise is "never a crash": whatever slipped through still becomes a message.
	return {
		ok: false,
		...fail(file, `could not be read: ${err instanceof Error ? err.message : String(err)}`)
	};
}

/** What holds for any file, whatever its format: size, not empty, text rather than binary. */
function checkText(
	text: string,
	file: string,
	size?: number
): { text: string; format: Format } | { errors: LoadError[] } {
	if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
	const bytes = size ?? byteLength(text);
	if (bytes > MAX_BYTES) {
		return fail(file, tooLarge(bytes));
	}
	if (text.trim() === '') return fail(file, 'file is empty; expected a scenario in YAML or JSON');
	const format = detectFormat(file, text);
	// JSON that parses holds no raw control characters (bytes that are not UTF-8 arrive as NUL,
	// see decode.ts), so a JSON file is only searched for them when it does not parse (a scan of
	// a 12 MiB file costs more than the rest of the checks).
	if (format === 'yaml') {
		const junk = binaryProblem(text);
		if (junk) return { errors: [{ file, ...junk, path: '' }] };
	}
	return { text, format };
}

function fail(file: string, message: string): { errors: LoadError[] } {
	return { errors: [{ file, line: 1, col: 1, path: '', message }] };
}

/** YAML text that passed `checkText`. */
function loadYaml(text: string, file: string, readYaml: ReadYaml): LoadResult {
	const read = readYaml(text, file);
	if ('errors' in read) return { ok: false, errors: read.errors };
	return validate(read.value, 'yaml', text, file, read.locate);
}

const LIMITS = { depth: MAX_DEPTH, keys: MAX_KEYS };

function validateJson(read: JsonRead, text: string, file: string): LoadResult {
	if ('errors' in read) return { ok: false, errors: read.errors };
	return validate(read.value, 'json', text, file);
}

function validate(
	value: unknown,
	format: Format,
	text: string,
	file: string,
	locate?: Locate
): LoadResult {
	// Every object in the schema is strict and at most five levels deep, so a value the schema
	// accepts has no forbidden key and no depth bomb: the walk that names those problems runs
	// only for a file that fails. (The schema never recurses deeper than itself.)
	const fast = fastParse === null ? GIVE_UP : fastParse(value);
	if (fast !== GIVE_UP) return checked(fast as Scenario, format, text, file, locate);
	const result = v.safeParse(ScenarioSchema, value);
	if (!result.success) {
		const shape = checkShape(value);
		if (shape.some((p) => !p.atKey)) return failure(file, text, shape, locate);
		const seen = new Set(shape.map((p) => formatPath(p.path)));
		const issues = result.issues.map(describeIssue).filter((p) => {
			const key = `${formatPath(p.path)}\n${p.message}`;
			if (seen.has(formatPath(p.path)) || seen.has(key)) return false;
			seen.add(key);
			return true;
		});
		return failure(file, text, [...shape, ...issues], locate);
	}
	return checked(result.output, format, text, file, locate);
}

/** A value the schema accepted, checked for the cross-references it cannot express. */
function checked(
	scenario: Scenario,
	format: Format,
	text: string,
	file: string,
	locate?: Locate
): LoadResult {
	const references = checkReferences(scenario);
	if (references.length > 0) return failure(file, text, references, locate);
	return { ok: true, scenario, format };
}

/**
 * The schema compiled for valid files (fast-parse.ts); null only if the schema ever uses
 * something the compiler does not know, and then valibot alone is used (a unit test fails).
 */
const fastParse: FastParse | null = (() => {
	try {
		return compileParse(ScenarioSchema);
	} catch {
		return null;
	}
})();
