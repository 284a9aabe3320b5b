/**
 * Worked examples for the method page, computed from a scenario (the reference one, at build
 * time) with the same functions as the CLI, so the page can never state a number the analysis
 * does not give. Each example carries its names, quotes and n.
 */
import { analysisReport } from '../analysis/analysis-report';
import { expectedEffects } from '../analysis/expected-effects';
import type { FactsValuesFinding } from '../analysis/facts-values';
import type { Scenario } from '../scenario/schema';
import {
	findingSentence,
	leftOutName,
	namesOf,
	optionFactsValuesSentence,
	type Names
} from './analysis-words';

export interface FindingExample {
	sentence: string;
	a: { name: string; quote: string };
	b: { name: string; quote: string };
}

export interface DecisionRow {
	name: string;
	/** "negotiations +1, cost to the West −1" */
	effects: string;
	score: number | null;
}

export interface MethodExamples {
	title: string;
	factsValues: { summary: string; facts: FindingExample | null; values: FindingExample | null };
	robustness: {
		top: string;
		agreement: number | null;
		n: number;
		changes: string[];
		sources: number;
		commentators: number;
	};
	decision: {
		option: string;
		rows: DecisionRow[];
		total: number | null;
		n: number;
		unclear: number;
		top: string | null;
		closest: string | null;
	};
}

function example(names: Names, finding: FactsValuesFinding | undefined): FindingExample | null {
	if (!finding) return null;
	return {
		sentence: findingSentence(names, finding),
		a: { name: names.commentator(finding.a.commentator), quote: finding.a.quote },
		b: { name: names.commentator(finding.b.commentator), quote: finding.b.quote }
	};
}

const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0');

export function methodExamples(scenario: Scenario): MethodExamples {
	const report = analysisReport(scenario);
	const names = namesOf(scenario);
	const { facts_values: fv, robustness, decision } = report;

	// The facts example from the most contested option where there is one, so the sections
	// build on each other; the summary for the option with the most pairs.
	const top = robustness.top.option;
	const facts =
		fv.findings.find((f) => f.kind === 'facts' && f.option === top) ??
		fv.findings.find((f) => f.kind === 'facts');
	const values = fv.findings.find((f) => f.kind === 'values');
	const busiest = [...fv.options].sort((x, y) => y.pairs - x.pairs)[0]!;

	const topStat = robustness.options.find((o) => o.option === top);
	const changes = robustness.top.changes.map(
		(c) =>
			`Without ${leftOutName(names, c.left_out)}, “${c.top === null ? 'no option' : names.option(c.top)}” would be the most contested.`
	);

	// The option with the most commentators who have a clear expected effect: the fullest table.
	const shown = [...decision.options].sort((x, y) => y.n - x.n)[0]!;
	const nets = new Map(
		expectedEffects(scenario).map((e) => [`${e.option}|${e.commentator}|${e.dimension}`, e.net])
	);
	const rows = shown.commentators.map((c) => {
		const effects = scenario.dimensions
			.map((d) => {
				const key = `${shown.option}|${c.commentator}|${d.id}`;
				if (!nets.has(key)) return null;
				const net = nets.get(key)!;
				return `${d.label} ${net === null ? 'unclear' : signed(Math.round(net * 100) / 100)}`;
			})
			.filter((t): t is string => t !== null)
			.join(', ');
		return { name: names.commentator(c.commentator), effects, score: c.score };
	});
	const closest = decision.sensitivity.closest;
	return {
		title: scenario.meta.title,
		factsValues: {
			summary: optionFactsValuesSentence(names, busiest),
			facts: example(names, facts),
			values: example(names, values)
		},
		robustness: {
			top: top === null ? 'no option' : names.option(top),
			agreement: topStat?.agreement ?? null,
			n: topStat?.n ?? 0,
			changes,
			sources: robustness.left_out.filter((l) => l.kind === 'source').length,
			commentators: robustness.left_out.filter((l) => l.kind === 'commentator').length
		},
		decision: {
			option: names.option(shown.option),
			rows,
			total: shown.total,
			n: shown.n,
			unclear: shown.unclear,
			top: decision.top === null ? null : names.option(decision.top),
			closest: closest
				? `${closest.to > closest.from ? 'Raising' : 'Lowering'} the weight of ${names.dimension(closest.dimension)} from ${closest.from} to ${closest.to} would make “${names.option(closest.top)}” the top option.`
				: null
		}
	};
}
