/**
 * The YAML half of the loader: parses with positions kept, refuses duplicate keys (also keys
 * written through aliases) and alias bombs, and places later problems (schema, references) on the
 * line that holds them.
 *
 * The text is read token by token so that two kinds of bomb are stopped before they cost
 * anything: nesting far deeper than a scenario's (yaml's composer recurses, and a few thousand
 * levels overflow the stack) and a mapping with thousands of keys (a scenario's have at most ten;
 * 1.4 million keys took 30 s in the parser alone).
 */
import {
	Composer,
	LineCounter,
	Lexer,
	Parser,
	isAlias,
	isMap,
	isNode,
	isPair,
	isScalar,
	isSeq,
	visit
} from 'yaml';
import type { Document, Node as YamlNode } from 'yaml';
import { MAX_ALIASES, MAX_DEPTH, MAX_KEYS, type LoadError, type ReadYaml } from './load-core';
import type { PathProblem } from './references';

/** Parser stack entries per level of nesting are one or two; past this the file is refused. */
const MAX_STACK = 4 * MAX_DEPTH;

function locate(
	doc: Document,
	lines: LineCounter,
	problem: PathProblem
): { line: number; col: number } {
	// The deepest node that exists on the path: a missing field points at the mapping that lacks it.
	for (let depth = problem.path.length; depth >= 0; depth--) {
		const keys = problem.path.slice(0, depth);
		let node: unknown = doc.contents;
		let keyNode: unknown;
		for (const key of keys) {
			keyNode = undefined;
			if (isMap(node)) {
				const pair = node.items.find(
					(p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(key)
				);
				keyNode = pair?.key;
				node = pair?.value;
			} else if (isSeq(node) && typeof key === 'number') node = node.items[key];
			else node = undefined;
			if (node === undefined) break;
		}
		const target = problem.atKey && depth === problem.path.length && keyNode ? keyNode : node;
		if (isNode(target) && (target as YamlNode).range) {
			const pos = lines.linePos((target as YamlNode).range![0]);
			return { line: pos.line, col: pos.col };
		}
	}
	return { line: 1, col: 1 };
}

/**
 * Duplicate keys, found in one pass (yaml's own uniqueKeys check is quadratic in keys per map);
 * a key written as an alias (`*k`) counts as the text it stands for. A list or mapping as a key
 * cannot become a field name, so it is refused here rather than stringified with a warning.
 */
function keyProblems(doc: Document, lines: LineCounter, file: string): LoadError[] {
	const errors: LoadError[] = [];
	const at = (node: { range?: unknown } | null | undefined) =>
		lines.linePos((node?.range as number[] | undefined)?.[0] ?? 0);
	visit(doc, {
		Map(_, map) {
			const seen = new Set<string>();
			for (const pair of map.items) {
				const key = isAlias(pair.key) ? pair.key.resolve(doc) : pair.key;
				if (key == null) continue;
				if (!isScalar(key)) {
					errors.push({
						file,
						...at(pair.key as YamlNode),
						path: '',
						message: 'not valid here: a key must be text, not a list or a mapping'
					});
					continue;
				}
				const text = String(key.value);
				if (seen.has(text)) {
					errors.push({
						file,
						...at(pair.key as YamlNode),
						path: '',
						message: `not valid YAML: Map keys must be unique ("${text}" appears twice)`
					});
				}
				seen.add(text);
			}
		}
	});
	return errors;
}

const COLLECTIONS = new Set(['block-map', 'block-seq', 'flow-collection']);

type Bomb = { offset: number; message: string };

/** Lexes and parses, stopping at the first structure no scenario could have. */
function tokens(text: string, lines: LineCounter): { tokens: unknown[] } | Bomb {
	const parser = new Parser(lines.addNewLine);
	const out: unknown[] = [];
	/** Where nesting first went past MAX_DEPTH collections: the offset the message points at. */
	let deepAt = -1;
	// As Parser.parse does: the first line starts at offset 0.
	lines.addNewLine(0);
	for (const lexeme of new Lexer().lex(text)) {
		for (const token of parser.next(lexeme)) out.push(token);
		const stack = parser.stack;
		if (deepAt < 0 && stack.length > MAX_DEPTH) {
			let collections = 0;
			for (const token of stack) if (COLLECTIONS.has(token.type)) collections++;
			if (collections > MAX_DEPTH) deepAt = parser.offset - lexeme.length;
		}
		if (stack.length > MAX_STACK)
			return {
				offset: Math.max(deepAt, 0),
				message: `nested deeper than ${MAX_DEPTH} levels; a scenario is at most 5`
			};
		for (let i = Math.max(0, stack.length - 2); i < stack.length; i++) {
			const token = stack[i]!;
			if (
				(token.type === 'block-map' ||
					(token.type === 'flow-collection' && token.start.source === '{')) &&
				token.items.length > MAX_KEYS
			)
				return {
					offset: parser.offset,
					message: `a mapping with more than ${MAX_KEYS} keys; a scenario's mappings have at most 10`
				};
		}
	}
	for (const token of parser.end()) out.push(token);
	return { tokens: out };
}

export const readYaml: ReadYaml = (text, file) => {
	// YAML 1.2 reads CR alone as a line break, as the yaml library does not.
	if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
	const lines = new LineCounter();
	const parsed = tokens(text, lines);
	if ('message' in parsed) {
		const pos = lines.linePos(parsed.offset);
		return { errors: [{ file, line: pos.line, col: pos.col, path: '', message: parsed.message }] };
	}
	// `logLevel: 'error'`: yaml's warnings are reported below as problems, never printed to stderr.
	const composer = new Composer({
		uniqueKeys: false,
		prettyErrors: false,
		strict: true,
		logLevel: 'error',
		version: '1.2'
	});
	let doc: Document | null = null;
	const errors: LoadError[] = [];
	const problem = (offset: number, message: string) => {
		const pos = lines.linePos(offset);
		errors.push({ file, line: pos.line, col: pos.col, path: '', message });
	};
	for (const next of composer.compose(
		parsed.tokens as Parameters<Composer['compose']>[0],
		true,
		text.length
	)) {
		if (!doc) doc = next as Document;
		else {
			problem(next.range[0], 'not valid YAML: Source contains multiple documents');
			break;
		}
	}
	if (!doc) return { errors: [{ file, line: 1, col: 1, path: '', message: 'not valid YAML' }] };
	for (const e of [...doc.errors, ...doc.warnings])
		problem(e.pos[0], `not valid YAML: ${e.message.split('\n')[0]}`);
	// A %YAML 1.1 directive would switch on 1.1's rules (`<<` merges, yes/no as booleans, octal
	// 010): the same text would then mean something else here than in a 1.2 reader. Refused.
	const version = doc.directives?.yaml;
	if (version?.explicit && version.version !== '1.2')
		problem(
			0,
			`not valid here: a %YAML ${version.version} directive; Stancegrid reads YAML 1.2 (remove the %YAML line)`
		);
	if (errors.length > 0) return { errors };
	const duplicates = keyProblems(doc, lines, file);
	if (duplicates.length > 0) return { errors: duplicates };
	try {
		const value = doc.toJS({ maxAliasCount: MAX_ALIASES });
		const ready = doc;
		return { value, locate: (problem) => locate(ready, lines, problem) };
	} catch (err) {
		const message = err instanceof Error ? err.message : String(err);
		return {
			errors: [
				{
					file,
					line: 1,
					col: 1,
					path: '',
					message: /alias/i.test(message)
						? `too many YAML aliases (over ${MAX_ALIASES}): refused as a possible alias bomb`
						: `not valid YAML: ${message}`
				}
			]
		};
	}
};
