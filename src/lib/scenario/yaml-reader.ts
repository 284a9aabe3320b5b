/**
 * The YAML half of the loader: parses with positions kept, refuses duplicate keys and alias
 * bombs, and places later problems (schema, references) on the line that holds them.
 */
import { LineCounter, isMap, isNode, isPair, isScalar, isSeq, parseDocument, visit } from 'yaml';
import type { Document, Node as YamlNode } from 'yaml';
import { MAX_ALIASES, type LoadError, type ReadYaml } from './load-core';
import type { PathProblem } from './references';

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

/** Duplicate keys, found in one pass (yaml's own uniqueKeys check is quadratic in keys per map). */
function duplicateKeys(doc: Document, lines: LineCounter, file: string): LoadError[] {
	const errors: LoadError[] = [];
	visit(doc, {
		Map(_, map) {
			const seen = new Set<string>();
			for (const pair of map.items) {
				if (!isScalar(pair.key)) continue;
				const key = String(pair.key.value);
				if (seen.has(key)) {
					const pos = lines.linePos(pair.key.range?.[0] ?? 0);
					errors.push({
						file,
						line: pos.line,
						col: pos.col,
						path: '',
						message: `not valid YAML: Map keys must be unique ("${key}" appears twice)`
					});
				}
				seen.add(key);
			}
		}
	});
	return errors;
}

export const readYaml: ReadYaml = (text, file) => {
	const lines = new LineCounter();
	const doc = parseDocument(text, {
		lineCounter: lines,
		uniqueKeys: false,
		prettyErrors: false,
		strict: true
	});
	const problems = [...doc.errors, ...doc.warnings];
	if (problems.length > 0) {
		return {
			errors: problems.map((e) => {
				const pos = lines.linePos(e.pos[0]);
				return {
					file,
					line: pos.line,
					col: pos.col,
					path: '',
					message: `not valid YAML: ${e.message.split('\n')[0]}`
				};
			})
		};
	}
	const duplicates = duplicateKeys(doc, lines, file);
	if (duplicates.length > 0) return { errors: duplicates };
	try {
		return {
			value: doc.toJS({ maxAliasCount: MAX_ALIASES }),
			locate: (problem) => locate(doc, lines, problem)
		};
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
