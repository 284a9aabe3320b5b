import { readdirSync, readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { syntheticScenario } from '../bench/synthetic';
import { decodeBytes } from '../../src/lib/scenario/decode';
import { compileParse, GIVE_UP } from '../../src/lib/scenario/fast-parse';
import { ScenarioSchema } from '../../src/lib/scenario/schema';
import { arbitraryScenario } from './arbitrary-scenario';

const fast = compileParse(ScenarioSchema);

/**
 * The contract: whatever the fast path accepts, valibot accepts with the very same output, key
 * order included (exports and the YAML writer follow it); and it accepts everything valibot
 * does, or valid files would quietly lose the speed.
 */
function agrees(value: unknown): boolean {
	const mine = fast(value);
	const theirs = v.safeParse(ScenarioSchema, value);
	if (mine === GIVE_UP) return !theirs.success;
	return (
		theirs.success &&
		isDeepStrictEqual(mine, theirs.output) &&
		JSON.stringify(mine) === JSON.stringify(theirs.output)
	);
}

function raw(file: string): unknown {
	const text = decodeBytes(readFileSync(file));
	return /\.json$/.test(file) ? JSON.parse(text) : parse(text, { logLevel: 'silent' });
}

/** A copy of `value` with `change` applied to the node at a path chosen by `pick` (0..1). */
function mutate(value: unknown, pick: number, change: (node: unknown, key: string) => unknown) {
	const copy = structuredClone(value) as Record<string, unknown>;
	const paths: [Record<string, unknown>, string][] = [];
	const walk = (node: unknown) => {
		if (!node || typeof node !== 'object') return;
		for (const key of Object.keys(node)) {
			paths.push([node as Record<string, unknown>, key]);
			walk((node as Record<string, unknown>)[key]);
		}
	};
	walk(copy);
	const [parent, key] = paths[Math.floor(pick * paths.length)]!;
	const next = change(parent[key], key);
	if (next === DELETE) delete parent[key];
	else parent[key] = next;
	return copy;
}
const DELETE = Symbol('delete');

const changes: ((node: unknown, key: string) => unknown)[] = [
	() => DELETE,
	(node) => (typeof node === 'string' ? `  ${node}\n` : node),
	(node) => (typeof node === 'string' ? ' ' : node),
	(node) => (typeof node === 'string' ? node.repeat(400) : node),
	(node) => (typeof node === 'string' ? node.toUpperCase() + ' x' : node),
	(node) => (typeof node === 'string' ? 'javascript:alert(1)' : node),
	(node) => (typeof node === 'string' ? '2025-02-30' : node),
	(node) => (typeof node === 'string' ? 'not stated' : node),
	() => 42,
	() => null,
	() => [],
	() => ({}),
	() => true,
	(node) => (Array.isArray(node) ? [] : node),
	(node) => (Array.isArray(node) ? [...node, ...node] : node),
	(node) =>
		node && typeof node === 'object' && !Array.isArray(node) ? { ...node, extra: 'x' } : node,
	(node) =>
		node && typeof node === 'object' && !Array.isArray(node)
			? JSON.parse(JSON.stringify({ ...node, constructor: 'x', ['__proto__']: { a: 1 } }))
			: node,
	(node) =>
		node && typeof node === 'object' && !Array.isArray(node)
			? Object.fromEntries(Object.entries(node).reverse())
			: node
];

describe('the fast path beside valibot', () => {
	it('compiles the scenario schema (else every file falls back to valibot, slowly)', () => {
		expect(() => compileParse(ScenarioSchema)).not.toThrow();
	});

	it('gives valibot’s output for every bundled scenario and each synthetic size', () => {
		const files = readdirSync('scenarios')
			.filter((f) => /\.(json|ya?ml)$/.test(f))
			.map((f) => `scenarios/${f}`);
		const values = [
			...files.map(raw),
			...(['small', 'medium'] as const).map((size) =>
				JSON.parse(JSON.stringify(syntheticScenario(size)))
			)
		];
		for (const value of values) {
			expect(fast(value)).not.toBe(GIVE_UP);
			expect(agrees(value)).toBe(true);
		}
	});

	it('agrees with valibot on every file of the hostile corpus', () => {
		const dir = 'tests/fixtures/hostile';
		for (const name of readdirSync(dir).filter((f) => /\.(json|ya?ml)$/.test(f))) {
			let value: unknown;
			try {
				value = raw(`${dir}/${name}`);
			} catch {
				continue; // not parseable: never reaches either validator
			}
			expect([name, agrees(value)]).toEqual([name, true]);
		}
	});

	it('agrees with valibot on generated scenarios, valid and damaged anywhere', () => {
		fc.assert(
			fc.property(
				arbitraryScenario,
				fc.double({ min: 0, max: 0.999999, noNaN: true }),
				fc.nat(changes.length - 1),
				fc.boolean(),
				(scenario, pick, which, damage) => {
					const value = JSON.parse(JSON.stringify(scenario));
					expect(agrees(damage ? mutate(value, pick, changes[which]!) : value)).toBe(true);
				}
			),
			{ numRuns: 400 }
		);
	});
});
