/**
 * `stancegrid analyze` beyond agreement: facts or values, robustness and the decision table on
 * the reference scenario, with the numbers worked out by hand from scenarios/ukraine-war-2025.yaml.
 */
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import type { AnalysisReport } from '../../src/lib/analysis/analysis-report';

const REFERENCE = 'scenarios/ukraine-war-2025.yaml';

async function cli(...args: string[]) {
	let out = '';
	let err = '';
	const code = await main(args, {
		out: (t) => (out += typeof t === 'string' ? t : new TextDecoder().decode(t)),
		err: (t) => (err += t)
	});
	return { code, out, err };
}

async function report(...extra: string[]): Promise<AnalysisReport> {
	const { code, out, err } = await cli('analyze', REFERENCE, '--format', 'json', ...extra);
	expect(err).toBe('');
	expect(code).toBe(0);
	return JSON.parse(out) as AnalysisReport;
}

describe('stancegrid analyze: facts or values on the reference scenario', () => {
	it('counts the pairs on sanctions by hand', async () => {
		const json = await report();
		// Eight commentators address sanctions: 28 pairs.
		// Facts (3): Kavanagh expects sanctions to hurt negotiations, Vacroux, Budrys and Trump
		//   to help them.
		// Values (1): the unnamed US official (conditional) and the European governments
		//   (support) both expect them to help a durable settlement.
		// Agree (8): Vacroux, Budrys, Trump and the European governments all support (6 pairs);
		//   the European capitals and the US official are both conditional and both expect a
		//   cost to the West; Kavanagh and Responsible Statecraft both oppose.
		// Unclear: the other 16 (2 because Responsible Statecraft's effect on a durable
		//   settlement is unclear, 14 because the two speak to different dimensions).
		expect(json.facts_values.options.find((o) => o.option === 'sanctions-tariffs')).toEqual({
			option: 'sanctions-tariffs',
			label: 'More sanctions and secondary tariffs',
			pairs: 28,
			facts: 3,
			values: 1,
			unclear: 16,
			agree: 8,
			dominant: 'facts'
		});
		const unclear = json.facts_values.pairs.filter(
			(p) => p.option === 'sanctions-tariffs' && p.kind === 'unclear'
		);
		expect(unclear.filter((p) => p.reason === 'unclear-direction')).toHaveLength(2);
		const values = json.facts_values.findings.filter(
			(f) => f.option === 'sanctions-tariffs' && f.kind === 'values'
		);
		expect(values.map((f) => [f.dimension, f.a.claim, f.b.claim])).toEqual([
			['durable-settlement', 'us-official-sanctions-1', 'europeans-sanctions-1']
		]);
	});

	it('finds facts on Tomahawks and values on diplomacy', async () => {
		const json = await report();
		const option = (id: string) => json.facts_values.options.find((o) => o.option === id);
		// Sybiha (support) expects military pressure to help on escalation, Responsible
		// Statecraft (oppose) to hurt; RS and the European governments differ on a durable
		// settlement. Kavanagh-RS and Sybiha-European governments agree; 2 pairs unclear.
		expect(option('military-pressure')).toMatchObject({
			pairs: 6,
			facts: 2,
			values: 0,
			unclear: 2,
			agree: 2,
			dominant: 'facts'
		});
		// Kavanagh (support) and Putin (conditional), and Putin and RS (support), all expect
		// diplomacy to help a durable settlement.
		expect(option('direct-diplomacy')).toMatchObject({ pairs: 15, facts: 0, values: 2 });
		expect(option('direct-diplomacy')?.dominant).toBe('values');
	});
});

describe('stancegrid analyze: robustness on the reference scenario', () => {
	it('marks the most contested option as depending on one source, and names it', async () => {
		const json = await report();
		expect(json.robustness.top.option).toBe('military-pressure');
		// Without the Kavanagh article, Tomahawks is (oppose, conditional, support) = (1, 0, 2),
		// A = 2/3 * -1 + 1/3 * 1 = -1/3, n = 3; the compromise framework has the same A and n
		// and comes first by label. Without the Week article (Sybiha's support goes), Tomahawks,
		// the framework and the reassurance force are all (2, 0, 1) or (1, 0, 2) at -1/3, n = 3,
		// and "A European..." comes first.
		expect(
			json.robustness.top.changes.map((c) => `${c.left_out.kind}:${c.left_out.id}->${c.top}`)
		).toEqual([
			'source:dp-kavanagh-2025-09->compromise-framework',
			'source:week-putin-table-2025-09->european-reassurance',
			'commentator:jennifer-kavanagh->compromise-framework',
			'commentator:andrii-sybiha->compromise-framework',
			'commentator:responsible-statecraft-analysis->compromise-framework'
		]);
		// Sanctions' A = 0.25 (see cli-analyze.test.ts) turns negative without the Week article:
		// Kavanagh and RS oppose, the European governments support: (2, 0, 1), A = -1/3.
		const sanctions = json.robustness.options.find((o) => o.option === 'sanctions-tariffs')!;
		expect(sanctions.changes[0]).toMatchObject({
			left_out: { kind: 'source', id: 'week-putin-table-2025-09', claims: 12 },
			agreement: -0.3333,
			n: 3,
			sign: 'negative'
		});
	});
});

describe('stancegrid analyze: the decision table on the reference scenario', () => {
	it('gives the hand-computed totals with equal weights', async () => {
		const json = await report();
		const option = (id: string) => json.decision.options.find((o) => o.option === id)!;
		// Direct diplomacy: Kavanagh helps negotiations and a settlement (1); Putin helps a
		// settlement, negotiations unclear (1); RS helps negotiations and a settlement, hurts
		// alliance unity: (1 + 1 - 1) / 3 = 1/3; Trump 1; Vacroux and Kendall-Taylor only
		// unclear. Total (1 + 1 + 1/3 + 1) / 4 = 5/6.
		expect(option('direct-diplomacy')).toMatchObject({
			total: 0.8333,
			n: 4,
			unclear: 2,
			not_addressed: 9
		});
		expect(
			option('direct-diplomacy').commentators.find(
				(c) => c.commentator === 'responsible-statecraft-analysis'
			)
		).toMatchObject({
			score: 0.3333,
			helps: 2,
			hurts: 1,
			claims: ['rs-diplomacy-1', 'rs-diplomacy-2', 'rs-diplomacy-3']
		});
		// The compromise framework: Putin (negotiations) and RS (settlement) both 1, the
		// European governments unclear: total 1 with n = 2, ahead of peacekeeping's 1 with n = 1.
		expect(option('compromise-framework')).toMatchObject({ total: 1, n: 2, unclear: 1 });
		expect(json.decision.top).toBe('compromise-framework');
		// Only alliance unity at 0 lifts RS to 1 and diplomacy to 1 with n = 4.
		expect(json.decision.sensitivity.closest).toEqual({
			dimension: 'alliance-unity',
			from: 1,
			to: 0,
			top: 'direct-diplomacy'
		});
	});

	it('takes --weights and refuses an unknown dimension or a non-number, naming it', async () => {
		const json = await report('--weights', 'alliance-unity=0,negotiations=2');
		expect(json.decision.weights['alliance-unity']).toBe(0);
		expect(json.decision.weights.negotiations).toBe(2);
		expect(json.decision.top).toBe('direct-diplomacy');

		const unknown = await cli('analyze', REFERENCE, '--weights', 'morale=2');
		expect(unknown.code).toBe(2);
		expect(unknown.out).toBe('');
		expect(unknown.err).toContain('weight for "morale": the scenario has no such dimension');
		const word = await cli('analyze', REFERENCE, '--weights=negotiations=lots');
		expect(word.code).toBe(2);
		// The problem on the first line, then the command's usage (as for every usage error).
		expect(word.err.split('\n')[0]).toBe(
			'analyze: --weights: weight for "negotiations": "lots" is not a number'
		);
		expect(word.err).toContain('Usage: stancegrid analyze FILE');
	});
});
