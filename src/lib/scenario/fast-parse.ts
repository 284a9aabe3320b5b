/**
 * A second reading of the valibot schema for the common case, a valid file: compiled once from
 * the schema's own definition (so there is no hand-written copy to drift from it) into plain
 * functions that build exactly the output valibot builds (keys in schema order, text trimmed),
 * or give up at the first thing they do not accept. Giving up is never a verdict: the loader then
 * runs valibot, which stays the authority and names every problem. Valibot's bookkeeping (a
 * dataset and an issue list per value) took ~57 ms for 20,000 claims; this takes about a third.
 *
 * Only the schema and action types the scenario format uses are compiled; any other type makes
 * `compileParse` throw, and the loader then uses valibot alone (checked by a unit test).
 */

/** What a compiled parser returns for input it does not accept (valibot may still explain it). */
export const GIVE_UP: unique symbol = Symbol('give up');

export type FastParse = (input: unknown) => unknown;

/** The parts of a valibot schema or action object read here (all public properties). */
interface Definition {
	kind: string;
	type: string;
	pipe?: Definition[];
	entries?: Record<string, Definition>;
	item?: Definition;
	options?: unknown[];
	wrapped?: Definition;
	literal?: unknown;
	requirement?: unknown;
	default?: unknown;
	fallback?: unknown;
}

function unsupported(definition: Definition): never {
	throw new Error(`no fast path for valibot ${definition.kind} "${definition.type}"`);
}

type Step = (value: never) => unknown;

/** One pipe action: a transformation returns the new value, a validation GIVE_UP or the value. */
function action(definition: Definition): Step {
	const req = definition.requirement;
	switch (definition.type) {
		case 'trim':
			return (s: string) => s.trim();
		case 'min_length':
			return (s: { length: number }) => (s.length >= (req as number) ? s : GIVE_UP);
		case 'max_length':
			return (s: { length: number }) => (s.length <= (req as number) ? s : GIVE_UP);
		case 'regex': {
			const re = req as RegExp;
			// A global or sticky expression keeps state between tests; valibot's own run would too.
			if (re.global || re.sticky) unsupported(definition);
			return (s: string) => (re.test(s) ? s : GIVE_UP);
		}
		case 'check': {
			const test = req as (value: unknown) => boolean;
			return (s: unknown) => (test(s) ? s : GIVE_UP);
		}
		default:
			return unsupported(definition);
	}
}

function strictObject(entries: Record<string, Definition>): FastParse {
	const keys = Object.keys(entries);
	const parsers = keys.map((key) => compileParse(entries[key]!));
	const optional = keys.map((key) => entries[key]!.type === 'optional');
	// An optional field with a default is written into the output when absent, as valibot does.
	const filled = keys.map((key) => entries[key]!.default !== undefined);
	const known = new Set(keys);
	return (input) => {
		if (!input || typeof input !== 'object') return GIVE_UP;
		const record = input as Record<string, unknown>;
		const out: Record<string, unknown> = {};
		for (let i = 0; i < keys.length; i++) {
			const key = keys[i]!;
			// `in`, as valibot tests presence: an absent optional key stays absent in the output.
			if (!(key in record) && !filled[i]) {
				if (optional[i]) continue;
				return GIVE_UP;
			}
			const value = parsers[i]!(record[key]);
			if (value === GIVE_UP) return GIVE_UP;
			out[key] = value;
		}
		for (const key in record) if (!known.has(key)) return GIVE_UP;
		return out;
	};
}

function schema(definition: Definition): FastParse {
	if (definition.fallback !== undefined) unsupported(definition);
	switch (definition.type) {
		case 'string':
			return (input) => (typeof input === 'string' ? input : GIVE_UP);
		case 'boolean':
			return (input) => (typeof input === 'boolean' ? input : GIVE_UP);
		case 'literal': {
			const literal = definition.literal;
			return (input) => (input === literal ? input : GIVE_UP);
		}
		case 'picklist': {
			const options = definition.options!;
			return (input) => (options.includes(input) ? input : GIVE_UP);
		}
		case 'optional': {
			const wrapped = compileParse(definition.wrapped!);
			const fallback = definition.default;
			if (fallback === undefined) return (input) => (input === undefined ? input : wrapped(input));
			// valibot runs a default through the wrapped schema too (a list default becomes a new list).
			const make = typeof fallback === 'function' ? (fallback as () => unknown) : () => fallback;
			return (input) => wrapped(input === undefined ? make() : input);
		}
		case 'union': {
			// Valibot returns the first option that accepts the value without issues.
			const options = (definition.options as Definition[]).map(compileParse);
			return (input) => {
				for (const option of options) {
					const value = option(input);
					if (value !== GIVE_UP) return value;
				}
				return GIVE_UP;
			};
		}
		case 'array': {
			const item = compileParse(definition.item!);
			return (input) => {
				if (!Array.isArray(input)) return GIVE_UP;
				const out: unknown[] = [];
				for (let i = 0; i < input.length; i++) {
					const value = item(input[i]);
					if (value === GIVE_UP) return GIVE_UP;
					out.push(value);
				}
				return out;
			};
		}
		case 'strict_object':
			return strictObject(definition.entries!);
		default:
			return unsupported(definition);
	}
}

/** A parser for `definition` (a valibot schema); throws if it uses a type not compiled here. */
export function compileParse(definition: object): FastParse {
	const d = definition as Definition;
	if (!d.pipe) return schema(d);
	// A piped schema's first element is the schema itself without its pipe; the rest are actions.
	const [first, ...rest] = d.pipe;
	const base = compileParse(first!);
	const steps = rest.map(action);
	return (input) => {
		let value = base(input);
		for (let i = 0; i < steps.length && value !== GIVE_UP; i++) value = steps[i]!(value as never);
		return value;
	};
}
