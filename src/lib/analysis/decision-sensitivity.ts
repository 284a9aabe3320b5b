/**
 * Which weight change would change the top option of the decision table? For each dimension on
 * its own (the others held), the nearest weight above and below the current one at which another
 * option comes out on top, and which. Weights are searched from 0 to the larger of 10 and twice
 * the largest weight given, checked at {@link STEPS} even steps and then narrowed by bisection to
 * the boundary, so a top option that changes and changes back within one step can be missed.
 */
import type { Weights } from './decision-weights';
import { fullWeights } from './decision-weights';
import type { DecisionBasis } from './decision';

export const STEPS = 200;

export interface WeightChange {
	/** The weight at which the top option changes, rounded to 2 decimals on the far side. */
	to: number;
	/** The top option at that weight. */
	top: string;
}

export interface Sensitivity {
	dimension: string;
	weight: number;
	raise: WeightChange | null;
	lower: WeightChange | null;
}

export interface Sensitivities {
	/** Largest weight searched. */
	cap: number;
	dimensions: Sensitivity[];
	/** The smallest change of one weight that changes the top option; null when none does. */
	closest: { dimension: string; from: number; to: number; top: string } | null;
}

interface Scorer {
	/** Room for one option's scores, reused by every evaluation. */
	buffer: Float64Array;
	/** Per option, per commentator: dimension indexes and net directions. */
	options: Array<{
		option: string;
		label: string;
		people: Array<{ dims: Int32Array; nets: Float64Array }>;
	}>;
}

function scorer(basis: DecisionBasis): Scorer {
	const { grid, effects, claimsByCell } = basis;
	const D = basis.scenario.dimensions.length;
	const columns = grid.commentators.length;
	return {
		buffer: new Float64Array(columns),
		options: grid.options.map((option, o) => {
			const people: Scorer['options'][number]['people'] = [];
			for (let c = 0; c < columns; c++) {
				const cell = o * columns + c;
				if (!claimsByCell.has(cell)) continue;
				const dims: number[] = [];
				const nets: number[] = [];
				for (let d = 0; d < D; d++) {
					const net = effects.get(cell * D + d)?.net;
					if (net === undefined || net === null) continue;
					dims.push(d);
					nets.push(net);
				}
				people.push({ dims: Int32Array.from(dims), nets: Float64Array.from(nets) });
			}
			return { option: option.id, label: option.label, people };
		})
	};
}

/** Better first, as {@link rankDecision} orders rows. */
function before(
	x: { option: string; label: string; total: number | null; n: number },
	y: { option: string; label: string; total: number | null; n: number }
): boolean {
	if (x.total !== y.total) {
		if (x.total === null) return false;
		if (y.total === null) return true;
		return x.total > y.total;
	}
	if (x.n !== y.n) return x.n > y.n;
	if (x.label !== y.label) return x.label < y.label;
	return x.option < y.option;
}

/**
 * The top option for weights (one per dimension, in scenario order), as `decideOn` ranks. Called
 * thousands of times per table, so it sorts each option's scores as a typed array (numeric, the
 * same ascending order `meanScore` sums in, so the same bits) and keeps only the best row, the
 * first of `rankDecision`'s order, instead of sorting them all.
 */
function topAt(model: Scorer, weights: Float64Array): string | null {
	const largest = Math.max(0, ...weights);
	let best: { option: string; label: string; total: number | null; n: number } | null = null;
	for (const o of model.options) {
		const scores = model.buffer;
		let n = 0;
		for (const person of o.people) {
			let weighted = 0;
			let weightSum = 0;
			for (let i = 0; i < person.dims.length; i++) {
				// The same operations, in the same order, as decideOn: the two must agree to the bit.
				const w = largest > 0 ? weights[person.dims[i]!]! / largest : 0;
				if (w === 0) continue;
				weighted += w * person.nets[i]!;
				weightSum += w;
			}
			if (weightSum > 0) scores[n++] = weighted / weightSum;
		}
		let total: number | null = null;
		if (n > 0) {
			const sorted = scores.subarray(0, n).sort();
			let sum = 0;
			for (let i = 0; i < n; i++) sum += sorted[i]!;
			total = sum / n;
		}
		const row = { option: o.option, label: o.label, total, n };
		if (best === null || before(row, best)) best = row;
	}
	return best && best.total !== null ? best.option : null;
}

/** Where, between `same` (top unchanged) and `other` (changed), the top option changes. */
function boundary(
	model: Scorer,
	weights: Float64Array,
	d: number,
	same: number,
	other: number,
	top: string | null
): WeightChange {
	const at = (t: number) => {
		const w = weights.slice();
		w[d] = t;
		return topAt(model, w);
	};
	for (let i = 0; i < 40; i++) {
		const mid = (same + other) / 2;
		if (at(mid) === top) same = mid;
		else other = mid;
	}
	const rounded = other > same ? Math.ceil(other * 100) / 100 : Math.floor(other * 100) / 100;
	const to = at(rounded) !== top ? rounded : other;
	return { to, top: at(to)! };
}

export function sensitivity(basis: DecisionBasis, given: Weights = {}): Sensitivities {
	const dims = basis.scenario.dimensions;
	const full = fullWeights(dims, given);
	const weights = Float64Array.from(dims.map((d) => full[d.id]!));
	const cap = Math.max(10, 2 * Math.max(0, ...weights));
	const model = scorer(basis);
	const top = topAt(model, weights);
	const result: Sensitivities = { cap, dimensions: [], closest: null };
	if (top === null) return result;

	dims.forEach((dimension, d) => {
		const current = weights[d]!;
		const at = (t: number) => {
			const w = weights.slice();
			w[d] = t;
			return topAt(model, w);
		};
		const find = (direction: 1 | -1): WeightChange | null => {
			let previous = current;
			for (let step = 1; step <= STEPS; step++) {
				const t = current + (direction * step * cap) / STEPS;
				if (t > cap + 1e-12 || t < -1e-12) break;
				const clamped = Math.min(cap, Math.max(0, t));
				if (at(clamped) !== top) return boundary(model, weights, d, previous, clamped, top);
				previous = clamped;
			}
			// The last step can fall short of 0: try the end itself.
			if (direction === -1 && previous > 0 && at(0) !== top) {
				return boundary(model, weights, d, previous, 0, top);
			}
			return null;
		};
		const entry: Sensitivity = {
			dimension: dimension.id,
			weight: current,
			raise: find(1),
			lower: current > 0 ? find(-1) : null
		};
		result.dimensions.push(entry);
		for (const change of [entry.raise, entry.lower]) {
			if (!change) continue;
			const distance = Math.abs(change.to - current);
			const best = result.closest;
			if (!best || distance < Math.abs(best.to - best.from)) {
				result.closest = { dimension: dimension.id, from: current, to: change.to, top: change.top };
			}
		}
	});
	return result;
}
