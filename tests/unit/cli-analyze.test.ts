import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import type { AnalysisReport as AnalysisJson } from '../../src/lib/analysis/analysis-report';
import { loadScenario } from '../../src/lib/scenario/load';

const REFERENCE = 'scenarios/ukraine-war-2025.yaml';
const MINI = 'tests/fixtures/scenarios/mini.yaml';

async function cli(...args: string[]) {
	let out = '';
	let err = '';
	const code = await main(args, {
		out: (t) => (out += typeof t === 'string' ? t : new TextDecoder().decode(t)),
		err: (t) => (err += t)
	});
	return { code, out, err };
}

async function analyzeReference(): Promise<AnalysisJson> {
	const { code, out, err } = await cli('analyze', REFERENCE, '--format', 'json');
	expect(err).toBe('');
	expect(code).toBe(0);
	return JSON.parse(out) as AnalysisJson;
}

describe('stancegrid analyze', () => {
	it('prints options, pairs, camps and contradictions with the documented fields', async () => {
		const json = await analyzeReference();
		expect(Object.keys(json).sort()).toEqual([
			'camps',
			'contradictions',
			'decision',
			'facts_values',
			'options',
			'pairs',
			'robustness',
			'stance_contradictions'
		]);
		for (const option of json.options) {
			expect(Object.keys(option)).toEqual(
				expect.arrayContaining([
					'id',
					'label',
					'n',
					'support',
					'conditional',
					'oppose',
					'not_addressed',
					'agreement'
				])
			);
		}
		for (const pair of json.pairs)
			expect(Object.keys(pair).sort()).toEqual(['a', 'agreement', 'b', 'n']);
	});

	it('gives the hand-computed numbers for two options on the reference scenario', async () => {
		const json = await analyzeReference();
		const option = (id: string) => json.options.find((o) => o.id === id);

		// More sanctions and secondary tariffs: 15 commentators in the scenario. Positions:
		//   support: Vacroux, Budrys, Trump, European governments          -> 4
		//   conditional: European capitals, the unnamed US official
		//     (two conditional claims, one position, not mixed)            -> 2
		//   oppose: Kavanagh, Responsible Statecraft                       -> 2
		// n = 8, not addressed = 15 - 8 = 7.
		// A over (oppose, conditional, support) = (2, 2, 4): layer 1 takes 2 from each category
		// (6 of 8 people, all three categories filled: agreement 0); layer 2 is the 2 support left
		// (2 of 8, one category: agreement 1). A = 6/8 * 0 + 2/8 * 1 = 0.25.
		expect(option('sanctions-tariffs')).toEqual({
			id: 'sanctions-tariffs',
			label: 'More sanctions and secondary tariffs',
			n: 8,
			support: 4,
			conditional: 2,
			oppose: 2,
			mixed: 0,
			not_addressed: 7,
			agreement: 0.25
		});

		// Direct diplomacy and summitry. Positions:
		//   Kavanagh support + support -> support
		//   Putin conditional + conditional -> conditional
		//   Vacroux oppose
		//   Responsible Statecraft support + conditional + support: mean (1 + 0 + 1) / 3 = 0.67 > 0
		//     -> support, and mixed
		//   Trump support; Kendall-Taylor support
		// support 4, conditional 1, oppose 1, of which mixed 1; n = 6, not addressed 9.
		// A of (1, 1, 4): layer 1, one from each category (3 of 6, agreement 0); layer 2, the 3
		// support left (3 of 6, agreement 1). A = 0.5 * 0 + 0.5 * 1 = 0.5.
		expect(option('direct-diplomacy')).toEqual({
			id: 'direct-diplomacy',
			label: 'Direct diplomacy and summitry',
			n: 6,
			support: 4,
			conditional: 1,
			oppose: 1,
			mixed: 1,
			not_addressed: 9,
			agreement: 0.5
		});

		// Tomahawks and other military pressure: support Sybiha, European governments; oppose
		// Kavanagh, Responsible Statecraft (three oppose claims, one position). (2, 0, 2) is one
		// layer split between the extremes with nothing between: A = -1, the most contested.
		expect(option('military-pressure')).toMatchObject({
			n: 4,
			support: 2,
			oppose: 2,
			agreement: -1
		});
		expect(json.options[0]!.id).toBe('military-pressure');
	});

	it('gives the hand-computed numbers for pairs on the reference scenario', async () => {
		const json = await analyzeReference();
		const pair = (a: string, b: string) =>
			json.pairs.find((p) => (p.a === a && p.b === b) || (p.a === b && p.b === a));

		// Kavanagh and Responsible Statecraft share three options:
		//   sanctions: oppose (-1) and oppose (-1): 1 - 0/2 = 1
		//   military pressure: oppose and oppose: 1
		//   direct diplomacy: support (+1) and RS's mean 2/3: 1 - (1/3)/2 = 5/6
		// mean = (1 + 1 + 5/6) / 3 = 17/18 = 0.94444 -> 0.9444, n = 3.
		expect(pair('jennifer-kavanagh', 'responsible-statecraft-analysis')).toEqual({
			a: 'jennifer-kavanagh',
			b: 'responsible-statecraft-analysis',
			n: 3,
			agreement: 0.9444
		});

		// Vacroux and Responsible Statecraft share two options:
		//   sanctions: support (+1) vs oppose (-1): 1 - 2/2 = 0
		//   direct diplomacy: oppose (-1) vs 2/3: 1 - (5/3)/2 = 1/6
		// mean = (0 + 1/6) / 2 = 1/12 = 0.08333 -> 0.0833, n = 2.
		expect(pair('alexandra-vacroux', 'responsible-statecraft-analysis')).toEqual({
			a: 'alexandra-vacroux',
			b: 'responsible-statecraft-analysis',
			n: 2,
			agreement: 0.0833
		});

		// Putin and Responsible Statecraft: compromise framework support/support = 1; direct
		// diplomacy conditional (0) vs 2/3: 1 - (2/3)/2 = 2/3. Mean (1 + 2/3) / 2 = 5/6 -> 0.8333.
		expect(pair('vladimir-putin', 'responsible-statecraft-analysis')).toMatchObject({
			n: 2,
			agreement: 0.8333
		});

		// Responsible Statecraft and the European governments take opposite stances on all four
		// options they share (sanctions, military pressure, compromise framework, reassurance force).
		expect(pair('responsible-statecraft-analysis', 'european-governments')).toMatchObject({
			n: 4,
			agreement: 0
		});

		// Kavanagh speaks to sanctions, military pressure and diplomacy; the Kremlin to concessions,
		// the reassurance force and peacekeeping: nothing shared, reported as null, not 0.
		expect(pair('jennifer-kavanagh', 'kremlin')).toEqual({
			a: 'jennifer-kavanagh',
			b: 'kremlin',
			n: 0,
			agreement: null
		});
	});

	it('lists every pair once and puts every commentator in exactly one camp', async () => {
		const json = await analyzeReference();
		const loaded = loadScenario(readFileSync(REFERENCE, 'utf8'), REFERENCE);
		if (!loaded.ok) throw new Error('reference scenario does not load');
		const ids = loaded.scenario.commentators.map((c) => c.id);
		expect(json.pairs).toHaveLength((ids.length * (ids.length - 1)) / 2);
		expect(json.camps.flat().sort()).toEqual([...ids].sort());
		for (const c of json.contradictions) {
			expect(c.a.direction).not.toBe(c.b.direction);
			expect(c.a.quote.length).toBeGreaterThan(0);
			expect(c.b.quote.length).toBeGreaterThan(0);
		}
	});

	it('rejects another format with exit 2 and an invalid file with exit 1', async () => {
		expect((await cli('analyze', MINI, '--format', 'csv')).code).toBe(2);
		const missing = await cli('analyze', 'no/such.yaml', '--format', 'json');
		expect(missing.code).toBe(1);
		expect(missing.out).toBe('');
	});

	it('runs as the installed bin and prints parseable JSON', () => {
		const out = execFileSync(
			process.execPath,
			['src/cli/stancegrid.js', 'analyze', MINI, '--format', 'json'],
			{ encoding: 'utf8' }
		);
		const json = JSON.parse(out) as AnalysisJson;
		expect(json.options.length).toBe(3);
	});
});
