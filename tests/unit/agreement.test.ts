import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { agreement, patternAgreement } from '../../src/lib/analysis/agreement';

/** agrmt's `patternAgreement`, transcribed literally (triple loop), as an independent check. */
function publishedPatternAgreement(pattern: readonly number[]): number {
	const k = pattern.length;
	let tdu = 0;
	let tu = 0;
	for (let i = 0; i < k - 2; i++) {
		for (let j = i + 1; j < k - 1; j++) {
			for (let m = j + 1; m < k; m++) {
				const [a, b, c] = [pattern[i], pattern[j], pattern[m]];
				if (a === 1 && b === 0 && c === 1) tdu++;
				if (a === 1 && b === 1 && c === 0) tu++;
				if (a === 0 && b === 1 && c === 1) tu++;
			}
		}
	}
	const u = ((k - 2) * tu - (k - 1) * tdu) / ((k - 2) * (tu + tdu));
	const s = pattern.reduce((sum, x) => sum + x, 0);
	let a = u * (1 - (s - 1) / (k - 1));
	if (Number.isNaN(a)) a = 0;
	if (s === 1) a = 1;
	return a;
}

/** agrmt's `agreement`: peel layers by subtracting the smallest non-zero remainder. */
function publishedAgreement(frequencies: readonly number[]): number {
	const total = frequencies.reduce((sum, x) => sum + x, 0);
	let remainder = [...frequencies];
	let result = 0;
	for (let layer = 0; layer < frequencies.length; layer++) {
		const pattern = remainder.map((x): number => (x > 0 ? 1 : 0));
		if (Math.max(...pattern) === 0) break;
		const height = Math.min(...remainder.filter((x) => x > 0));
		const cases = pattern.reduce((sum, x) => sum + x, 0) * height;
		result += (cases / total) * publishedPatternAgreement(pattern);
		remainder = remainder.map((x, i) => x - (pattern[i] ?? 0) * height);
	}
	return result;
}

describe('agreement (van der Eijk A)', () => {
	it('reproduces the worked example in agrmt: (30,40,210,130,530,50,10) -> 0.6113', () => {
		const a = agreement([30, 40, 210, 130, 530, 50, 10]);
		expect(a).toBeCloseTo(0.6113333, 6);
		expect(Math.round((a ?? NaN) * 1e4) / 1e4).toBe(0.6113);
	});

	it('is 1 when everyone is in one category, wherever it is', () => {
		expect(agreement([0, 5, 0])).toBe(1);
		expect(agreement([9, 0, 0])).toBe(1);
		expect(agreement([0, 0, 0, 0, 0, 0, 1])).toBe(1);
	});

	it('is 0 for an even spread', () => {
		expect(agreement([1, 1, 1])).toBe(0);
		expect(agreement([20, 20, 20, 20, 20])).toBe(0);
	});

	it('is -1 when split evenly between the two extremes', () => {
		expect(agreement([1, 0, 1])).toBe(-1);
		expect(agreement([50, 0, 0, 0, 50])).toBe(-1);
	});

	it('matches hand-computed values on the three-point stance scale', () => {
		// (2,1,0): layer 1 = pattern 110 on 2/3 of cases, U = 1, S = 2 -> A = 1/2;
		// layer 2 = pattern 100 on 1/3 -> 1. A = 2/3 * 1/2 + 1/3 = 2/3.
		expect(agreement([2, 1, 0])).toBeCloseTo(2 / 3, 12);
		// (2,0,1): 101 on 2/3 (-1), then 100 on 1/3 (1) -> -1/3.
		expect(agreement([2, 0, 1])).toBeCloseTo(-1 / 3, 12);
		// (2,1,1): 111 on 3/4 (0), then 100 on 1/4 (1) -> 1/4.
		expect(agreement([2, 1, 1])).toBeCloseTo(0.25, 12);
		// (1,2,1): 111 on 3/4 (0), then 010 on 1/4 (1) -> 1/4.
		expect(agreement([1, 2, 1])).toBeCloseTo(0.25, 12);
		// (0,1,1): 011 on all cases, U = 1, S = 2 -> 1/2.
		expect(agreement([0, 1, 1])).toBe(0.5);
	});

	it('matches the values agrmt gives for its test vectors', () => {
		const cases: Array<[number[], number]> = [
			[[10, 30, 50, 30, 10], 0.384615384615385],
			[[50, 30, 10, 5, 5], 0.575],
			[[40, 10, 0, 10, 40], -0.655555555555556],
			[[60, 0, 10, 20, 30], 0],
			[[5, 10, 20, 40, 50, 40, 20, 10, 5, 0], 0.505555555555556],
			[[50, 20, 5, 0, 0, 0, 5, 20, 50, 0], -0.349814814814815]
		];
		for (const [frequencies, expected] of cases) {
			expect(agreement(frequencies)).toBeCloseTo(expected, 12);
		}
	});

	it('is null when there are no cases', () => {
		expect(agreement([0, 0, 0])).toBeNull();
		expect(agreement([])).toBeNull();
	});

	it('handles vectors of fewer than three categories', () => {
		expect(agreement([7])).toBe(1);
		expect(agreement([3, 0])).toBe(1);
		expect(agreement([2, 2])).toBe(0);
		expect(agreement([3, 1])).toBe(0.5);
	});

	it('rejects negative or non-finite counts', () => {
		expect(() => agreement([1, -1, 2])).toThrow(RangeError);
		expect(() => agreement([1, NaN, 2])).toThrow(RangeError);
		expect(() => agreement([1, Infinity, 2])).toThrow(RangeError);
	});

	it('patternAgreement matches hand counts of the triples', () => {
		// 1010000 (K = 7, the second pattern of van der Eijk's example, p. 333): one bimodal triple
		// (0,1,2) and four unimodal ones (0,2,m) for m = 3..6, so U = (5*4 - 6*1) / (5*5) = 0.56;
		// S = 2 -> A = 0.56 * (1 - 1/6).
		expect(patternAgreement([true, false, true, false, false, false, false])).toBeCloseTo(
			0.56 * (5 / 6),
			12
		);
		expect(patternAgreement([true, true, true])).toBe(0);
		expect(patternAgreement([false, false, false])).toBe(0);
	});

	const frequencyVector = fc.array(fc.nat({ max: 1000 }), { minLength: 3, maxLength: 9 });
	const nonEmpty = frequencyVector.filter((v) => v.some((x) => x > 0));

	it('property: equals a literal transcription of agrmt on integer vectors', () => {
		fc.assert(
			fc.property(nonEmpty, (v) => {
				expect(agreement(v)).toBeCloseTo(publishedAgreement(v), 12);
			})
		);
	});

	it('property: the O(K) triple count equals the published triple loop', () => {
		fc.assert(
			fc.property(fc.array(fc.boolean(), { minLength: 3, maxLength: 12 }), (pattern) => {
				expect(patternAgreement(pattern)).toBeCloseTo(
					publishedPatternAgreement(pattern.map(Number)),
					12
				);
			})
		);
	});

	it('property: A is in [-1, 1]', () => {
		fc.assert(
			fc.property(nonEmpty, (v) => {
				const a = agreement(v) as number;
				expect(a).toBeGreaterThanOrEqual(-1 - 1e-12);
				expect(a).toBeLessThanOrEqual(1 + 1e-12);
			})
		);
	});

	it('property: A is invariant to scaling the frequency vector', () => {
		fc.assert(
			fc.property(
				nonEmpty,
				fc.double({ min: 0.001, max: 1000, noNaN: true }),
				fc.integer({ min: 1, max: 50 }),
				(v, factor, multiple) => {
					const a = agreement(v) as number;
					expect(agreement(v.map((x) => x * multiple))).toBeCloseTo(a, 12);
					expect(agreement(v.map((x) => x * factor))).toBeCloseTo(a, 9);
				}
			)
		);
	});

	it('property: A does not depend on which end of the scale is which', () => {
		fc.assert(
			fc.property(nonEmpty, (v) => {
				expect(agreement([...v].reverse())).toBeCloseTo(agreement(v) as number, 12);
			})
		);
	});
});
