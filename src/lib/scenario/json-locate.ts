/**
 * A single-pass JSON scanner for the error path only: it finds where a syntax error is (V8's
 * messages sometimes give no position, and quote the file across lines) and where the values
 * at given field paths start, without re-parsing megabytes of JSON as YAML.
 */

export interface JsonPosition {
	/** Offset of the value. */
	value: number;
	/** Offset of the member's key, when the value is an object member. */
	key?: number;
}

export interface JsonScan {
	error?: { offset: number; message: string };
	/** Keyed by the path as `formatPath` writes it (`claims[3].stance`). */
	positions: Map<string, JsonPosition>;
	/** Offset where nesting first went past `maxDepth`, if it did. */
	tooDeep?: { offset: number; path: string };
	/** Keys met a second time in one object (asked for with `findDuplicates`), at most 100. */
	duplicates: { path: string; key: string; offset: number; first: number }[];
}

/** Paths are built this deep when looking for duplicates; deeper is a depth problem anyway. */
const DUPLICATE_DEPTH = 30;

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPE = /["\\/bfnrt]/;
const HEX4 = /^[0-9a-fA-F]{4}$/;

class Stop {
	constructor(
		readonly offset: number,
		readonly message: string
	) {}
}

function describe(text: string, i: number): string {
	if (i >= text.length) return 'the end of the file';
	const c = text[i]!;
	return /\s/.test(c) ? 'a line break or space' : `'${c}'`;
}

export function scanJson(
	text: string,
	targets: ReadonlySet<string> = new Set(),
	maxDepth = Infinity,
	findDuplicates = false,
	/** Stop at the first container past `maxDepth` (its path is built): a bomb is not read on. */
	stopWhenTooDeep = false
): JsonScan {
	const positions = new Map<string, JsonPosition>();
	const duplicates: JsonScan['duplicates'] = [];
	let tooDeep: JsonScan['tooDeep'];
	let i = 0;
	const n = text.length;
	const track = targets.size > 0 || findDuplicates || stopWhenTooDeep;
	// Paths deeper than any target are never looked up; not building them keeps a file of deeply
	// nested brackets linear instead of quadratic in its depth.
	let trackDepth = 0;
	for (const t of targets) trackDepth = Math.max(trackDepth, (t.match(/[.[]/g) ?? []).length + 1);
	if (findDuplicates) trackDepth = DUPLICATE_DEPTH;
	if (stopWhenTooDeep) trackDepth = maxDepth + 1;

	const ws = () => {
		while (i < n) {
			const c = text.charCodeAt(i);
			if (c === 32 || c === 9 || c === 10 || c === 13) i++;
			else break;
		}
	};

	const string = (): number => {
		const start = i;
		i++;
		while (i < n) {
			const c = text.charCodeAt(i);
			if (c === 34) return i++;
			if (c === 92) {
				const e = text[i + 1];
				if (e === 'u') {
					if (!HEX4.test(text.slice(i + 2, i + 6)))
						throw new Stop(i, 'invalid \\u escape in a string');
					i += 6;
				} else if (e !== undefined && ESCAPE.test(e)) i += 2;
				else throw new Stop(i, `invalid escape '\\${e ?? ''}' in a string`);
			} else if (c < 32) throw new Stop(i, 'a line break or control character inside a string');
			else i++;
		}
		throw new Stop(start, 'a string that never ends (missing closing ")');
	};

	const literal = (word: string) => {
		if (text.startsWith(word, i)) i += word.length;
		else throw new Stop(i, `unexpected ${describe(text, i)}; expected a value`);
	};

	// Iterative: a file of 150,000 nested brackets must not exhaust the call stack.
	type Frame = {
		kind: 'object' | 'array';
		path: string;
		index: number;
		keys?: Map<string, number>;
	};
	const stack: Frame[] = [];

	const record = (path: string, key?: number) => {
		if (track && stack.length <= trackDepth && targets.has(path))
			positions.set(path, { value: i, key });
	};

	const value = (path: string): boolean => {
		ws();
		const c = text[i];
		if (c === '{' || c === '[') {
			if (stack.length >= maxDepth && !tooDeep) {
				tooDeep = { offset: i, path };
				if (stopWhenTooDeep) throw new Stop(i, '');
			}
			stack.push({
				kind: c === '{' ? 'object' : 'array',
				path,
				index: 0,
				keys: findDuplicates && c === '{' ? new Map<string, number>() : undefined
			});
			i++;
			return true;
		}
		if (c === '"') string();
		else if (c === 't') literal('true');
		else if (c === 'f') literal('false');
		else if (c === 'n') literal('null');
		else {
			NUMBER.lastIndex = i;
			const m = NUMBER.exec(text);
			if (!m || m[0] === '' || m[0] === '-')
				throw new Stop(i, `unexpected ${describe(text, i)}; expected a value`);
			i += m[0].length;
		}
		return false;
	};

	const child = (frame: Frame, key: string | number): string => {
		if (!track || stack.length > trackDepth) return '';
		if (typeof key === 'number') return `${frame.path}[${key}]`;
		return frame.path ? `${frame.path}.${key}` : key;
	};

	try {
		ws();
		record('');
		let opened = value('');
		while (stack.length > 0) {
			const frame = stack[stack.length - 1]!;
			ws();
			const closing = frame.kind === 'object' ? '}' : ']';
			if (!opened) {
				// After a member: a comma or the end of this container.
				if (text[i] === ',') {
					const comma = i++;
					ws();
					if (text[i] === closing)
						throw new Stop(comma, `a trailing comma before '${closing}' (JSON allows none)`);
				} else if (text[i] === closing) {
					i++;
					stack.pop();
					continue;
				} else throw new Stop(i, `unexpected ${describe(text, i)}; expected ',' or '${closing}'`);
			} else if (text[i] === closing) {
				i++;
				stack.pop();
				opened = false;
				continue;
			}
			ws();
			if (frame.kind === 'object') {
				if (text[i] !== '"')
					throw new Stop(
						i,
						`unexpected ${describe(text, i)}; expected a property name in double quotes`
					);
				const keyStart = i;
				const end = string();
				const key = track ? (JSON.parse(text.slice(keyStart, end + 1)) as string) : '';
				ws();
				if (text[i] !== ':')
					throw new Stop(i, `unexpected ${describe(text, i)}; expected ':' after a property name`);
				i++;
				ws();
				const path = child(frame, key);
				if (frame.keys) {
					const first = frame.keys.get(key);
					if (first === undefined) frame.keys.set(key, keyStart);
					else if (duplicates.length < 100) duplicates.push({ path, key, offset: keyStart, first });
				}
				record(path, keyStart);
				opened = value(path);
			} else {
				const path = child(frame, frame.index++);
				ws();
				record(path);
				opened = value(path);
			}
		}
		ws();
		if (i < n) throw new Stop(i, `unexpected ${describe(text, i)} after the end of the JSON value`);
		return { positions, tooDeep, duplicates };
	} catch (err) {
		if (err instanceof Stop && err.message === '') return { positions, tooDeep, duplicates };
		if (err instanceof Stop)
			return {
				error: { offset: err.offset, message: err.message },
				positions,
				tooDeep,
				duplicates
			};
		throw err;
	}
}
