import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { seededRandom, SIZES, syntheticScenario } from '../bench/synthetic';
import { loadScenario } from '../../src/lib/scenario/load';
import type { Scenario } from '../../src/lib/scenario/schema';

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

function loads(scenario: Scenario): void {
	const result = loadScenario(JSON.stringify(scenario), 'synthetic.json');
	expect(result.ok ? [] : result.errors.slice(0, 5)).toEqual([]);
	expect(result.ok && result.scenario).toEqual(scenario);
}

describe('seededRandom', () => {
	it('is deterministic, in [0, 1), and differs by seed', () => {
		const a = seededRandom(42);
		const b = seededRandom(42);
		const c = seededRandom(43);
		const xs = Array.from({ length: 1000 }, () => a());
		expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
		expect(Array.from({ length: 1000 }, () => c())).not.toEqual(xs);
		expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
		expect(mean(xs)).toBeGreaterThan(0.45);
		expect(mean(xs)).toBeLessThan(0.55);
	});
});

describe.each(['small', 'medium', 'large'] as const)('%s scenario', (size) => {
	const scenario = syntheticScenario(size);

	it('has exactly the requested counts', () => {
		expect(scenario.options).toHaveLength(SIZES[size].options);
		expect(scenario.commentators).toHaveLength(SIZES[size].commentators);
		expect(scenario.claims).toHaveLength(SIZES[size].claims);
		expect(scenario.dimensions).toHaveLength(6);
	});

	it('is valid: the loader accepts it from JSON unchanged', () => {
		loads(scenario);
	});

	it('every commentator and option is spoken about', () => {
		const speaking = new Set(scenario.claims.map((c) => c.commentator));
		const argued = new Set(scenario.claims.map((c) => c.option));
		expect(speaking.size).toBe(scenario.commentators.length);
		expect(argued.size).toBe(scenario.options.length);
	});
});

describe('realistic shape (reference scenario: consequence ~106, quote ~179, prefix 32 chars)', () => {
	const { claims, sources } = syntheticScenario('medium');

	it('text lengths are near the reference scenario', () => {
		expect(mean(claims.map((c) => c.consequence.length))).toBeGreaterThan(80);
		expect(mean(claims.map((c) => c.consequence.length))).toBeLessThan(130);
		expect(mean(claims.map((c) => c.quote.exact.length))).toBeGreaterThan(150);
		expect(mean(claims.map((c) => c.quote.exact.length))).toBeLessThan(210);
		expect(Math.max(...claims.map((c) => c.quote.prefix.length))).toBeLessThanOrEqual(32);
		expect(Math.max(...claims.map((c) => c.quote.suffix.length))).toBeLessThanOrEqual(32);
	});

	it('uses all three stances, several claims in some cells, and some two-dimension claims', () => {
		for (const stance of ['support', 'conditional', 'oppose'] as const) {
			const share = claims.filter((c) => c.stance === stance).length / claims.length;
			expect(share, stance).toBeGreaterThan(0.15);
		}
		const cells = new Set(claims.map((c) => `${c.option} ${c.commentator}`));
		expect(cells.size).toBeLessThan(claims.length);
		expect(claims.some((c) => c.effects.length === 2)).toBe(true);
	});

	it('has text that exercises CSV quoting and Unicode, and some unknown dates and addresses', () => {
		expect(claims.some((c) => c.quote.exact.includes(','))).toBe(true);
		expect(claims.some((c) => /[’“”É]/.test(c.quote.exact))).toBe(true);
		expect(sources.some((s) => s.url === 'not stated')).toBe(true);
		expect(sources.some((s) => s.date_inferred)).toBe(true);
	});
});

describe('determinism', () => {
	it('the same size and seed give the same scenario; another seed another', () => {
		expect(syntheticScenario('medium', 7)).toEqual(syntheticScenario('medium', 7));
		expect(JSON.stringify(syntheticScenario('medium', 8))).not.toBe(
			JSON.stringify(syntheticScenario('medium', 7))
		);
	});

	it('is byte-identical across machines (benchmarks compare like with like)', () => {
		// Pinned: if the generator changes on purpose, update this hash and say so in the bench notes.
		const hash = createHash('sha256')
			.update(JSON.stringify(syntheticScenario('small')))
			.digest('hex');
		expect(hash).toBe(PINNED_SMALL_SHA256);
	});
});

describe('custom sizes', () => {
	it('builds any size, with one dimension and one source at the least', () => {
		const tiny = syntheticScenario({ options: 1, commentators: 1, claims: 0, dimensions: 1 });
		expect(tiny.sources).toHaveLength(1);
		expect(tiny.claims).toEqual([]);
		loads(tiny);
		loads(syntheticScenario({ options: 3, commentators: 40, claims: 500, sources: 2 }, 99));
	});

	it('refuses a scenario with no option or no commentator', () => {
		expect(() => syntheticScenario({ options: 0, commentators: 1, claims: 0 })).toThrow(RangeError);
		expect(() => syntheticScenario({ options: 1, commentators: 0, claims: 0 })).toThrow(RangeError);
	});
});

const PINNED_SMALL_SHA256 = '599f55a4ca10570e7248d045d78ef6dffcaa61d712a1cdb76dc9ef9cfe005269';
