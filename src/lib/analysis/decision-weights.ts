/**
 * Weights for the decision table: how much each dimension's goal counts, a number from 0 up. One
 * reading and one writing, so `--weights` on the command line, the address and My position all
 * accept and print the same text: `dimension=number,dimension=number`.
 */
import type { Dimension } from '../scenario/schema';

/** A weight per dimension id; a dimension left out weighs {@link DEFAULT_WEIGHT}. */
export type Weights = Readonly<Record<string, number>>;

export const DEFAULT_WEIGHT = 1;
/** Largest weight accepted: past it a slip of the keyboard (1e9) would flatten every other goal. */
export const MAX_WEIGHT = 1000;

export type WeightsResult = { ok: true; weights: Weights } | { ok: false; error: string };

/** Every dimension's weight, in scenario order, defaults filled in. */
export function fullWeights(dimensions: readonly Dimension[], weights: Weights = {}): Weights {
	const out: Record<string, number> = {};
	for (const d of dimensions) {
		out[d.id] = Object.hasOwn(weights, d.id) ? weights[d.id]! : DEFAULT_WEIGHT;
	}
	return out;
}

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Reads `dimension=number,...`. Refuses, naming it, a dimension the scenario does not have, a
 * weight that is not a number, a negative or too large weight, and a dimension given twice.
 */
export function parseWeights(text: string, dimensions: readonly Dimension[]): WeightsResult {
	const known = new Set(dimensions.map((d) => d.id));
	const list = dimensions.map((d) => d.id).join(', ');
	const weights: Record<string, number> = {};
	const trimmed = text.trim();
	if (trimmed === '') return { ok: true, weights };
	for (const part of trimmed.split(',')) {
		const entry = part.trim();
		const at = entry.indexOf('=');
		if (at < 0) {
			return {
				ok: false,
				error: `weight "${entry}": expected dimension=number, e.g. ${dimensions[0]?.id ?? 'cost'}=2`
			};
		}
		const id = entry.slice(0, at).trim();
		const value = entry.slice(at + 1).trim();
		if (!known.has(id)) {
			return {
				ok: false,
				error: `weight for "${id}": the scenario has no such dimension (it has: ${list})`
			};
		}
		if (Object.hasOwn(weights, id)) {
			return { ok: false, error: `weight for "${id}" is given twice` };
		}
		if (!NUMBER.test(value)) {
			return { ok: false, error: `weight for "${id}": "${value}" is not a number` };
		}
		const number = Number(value);
		if (!Number.isFinite(number) || number < 0 || number > MAX_WEIGHT) {
			return { ok: false, error: `weight for "${id}": expected a number from 0 to ${MAX_WEIGHT}` };
		}
		weights[id] = number;
	}
	return { ok: true, weights };
}

/** The text {@link parseWeights} reads, listing only weights that differ from the default. */
export function formatWeights(dimensions: readonly Dimension[], weights: Weights): string {
	return dimensions
		.filter((d) => Object.hasOwn(weights, d.id) && weights[d.id] !== DEFAULT_WEIGHT)
		.map((d) => `${d.id}=${weights[d.id]}`)
		.join(',');
}

/**
 * The weights with one dimension's weight set from what was typed, under the rules of
 * {@link parseWeights} (so a form accepts exactly what the address and `--weights` accept).
 */
export function withWeight(
	dimensions: readonly Dimension[],
	weights: Weights,
	id: string,
	text: string
): WeightsResult {
	// A comma or "=" would be read as another entry: as typed into one field, it is not a number.
	if (/[,=]/.test(text))
		return { ok: false, error: `weight for "${id}": "${text.trim()}" is not a number` };
	const one = parseWeights(`${id}=${text}`, dimensions);
	if (!one.ok) return one;
	return { ok: true, weights: { ...fullWeights(dimensions, weights), ...one.weights } };
}

/** What a form says when a typed weight is refused: every refusal of one known field is this. */
export function weightProblem(label: string): string {
	return `Weight for ${label}: expected a number from 0 to ${MAX_WEIGHT}.`;
}
