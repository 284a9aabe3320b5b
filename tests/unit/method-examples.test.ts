import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analysisReport } from '../../src/lib/analysis/analysis-report';
import { methodExamples } from '../../src/lib/present/method-examples';
import { loadScenario } from '../../src/lib/scenario/load';

const loaded = loadScenario(readFileSync('scenarios/ukraine-war-2025.yaml', 'utf8'), 'ref.yaml');
if (!loaded.ok) throw new Error('reference scenario does not load');
const reference = loaded.scenario;

describe('the method page examples', () => {
	const examples = methodExamples(reference);
	const report = analysisReport(reference);

	it('take their numbers from the analysis of the reference scenario', () => {
		const sanctions = report.decision.options.find((o) => o.option === 'sanctions-tariffs')!;
		expect(examples.decision).toMatchObject({
			option: 'More sanctions and secondary tariffs',
			total: sanctions.total,
			n: sanctions.n,
			unclear: sanctions.unclear,
			top: 'A compromise framework codifying the summit understandings'
		});
		// Kavanagh -1, Vacroux, Budrys, Trump +1, European capitals -1, the US official
		// (cost -1, settlement +1) 0, the European governments +1: 2/7; RS unclear.
		expect(examples.decision.total).toBe(0.2857);
		expect(examples.decision.rows.map((r) => r.score)).toEqual([-1, 1, 1, 1, -1, 0, null, 1]);
		expect(examples.decision.rows[5]?.effects).toBe('Cost to the West −1, Durable settlement +1');
		expect(examples.robustness).toMatchObject({
			top: 'Tomahawks and other military pressure',
			agreement: -1,
			n: 4,
			sources: 4,
			commentators: 15
		});
		expect(examples.robustness.changes).toHaveLength(report.robustness.top.changes.length);
	});

	it('quote both sides of a facts and a values disagreement verbatim', () => {
		const quotes = new Map(reference.claims.map((c) => [c.id, c.quote.exact]));
		const facts = report.facts_values.findings.find(
			(f) => f.kind === 'facts' && f.option === 'military-pressure'
		)!;
		expect(examples.factsValues.facts?.a.quote).toBe(quotes.get(facts.a.claim));
		expect(examples.factsValues.facts?.b.quote).toBe(quotes.get(facts.b.claim));
		expect(examples.factsValues.facts?.sentence).toMatch(
			/^Andrii Sybiha expects “Tomahawks and other military pressure” to help on Escalation risk/
		);
		expect(examples.factsValues.values?.sentence).toMatch(/^Both expect “More sanctions/);
		expect(examples.factsValues.summary).toMatch(/^Of the 28 pairs of commentators/);
	});
});
