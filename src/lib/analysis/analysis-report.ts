/**
 * Everything `stancegrid analyze --format json` prints: the agreement statistics (`analyze.ts`),
 * then the contradictions in stance, facts or values, how solid each finding is, and the decision
 * table for the given weights. The screens show these same objects, so a browser test can hold
 * them to the CLI's output. Numbers are rounded to 4 decimals, as in `analyze`.
 */
import type { Claim, Scenario } from '../scenario/schema';
import { analyze, round4, type AnalysisJson } from './analyze';
import { stanceContradictions, type StanceContradiction } from './contradictions';
import { decideOn, decisionBasis, type Decision } from './decision';
import { sensitivity, type Sensitivities } from './decision-sensitivity';
import type { Weights } from './decision-weights';
import { factsValues, type FactsValues } from './facts-values';
import { robustness, type Robustness } from './robustness';

export interface AnalysisReport extends AnalysisJson {
	stance_contradictions: StanceContradiction[];
	facts_values: FactsValues;
	robustness: Robustness;
	decision: Decision & { sensitivity: Sensitivities };
}

export interface ReportInput {
	weights?: Weights;
	claims?: readonly Claim[];
	commentators?: readonly string[];
}

/** The decision table and its sensitivity for one scope and weights, rounded for output. */
export function decisionReport(
	scenario: Scenario,
	weights: Weights = {},
	claims?: readonly Claim[],
	commentators?: readonly string[]
): AnalysisReport['decision'] {
	const basis = decisionBasis(scenario, claims, commentators);
	const decision = decideOn(basis, weights);
	return {
		...decision,
		options: decision.options.map((option) => ({
			...option,
			total: round4(option.total),
			commentators: option.commentators.map((c) => ({ ...c, score: round4(c.score) })),
			dimensions: option.dimensions.map((d) => ({ ...d, mean: round4(d.mean) }))
		})),
		sensitivity: sensitivity(basis, weights)
	};
}

/** Robustness with every agreement rounded for output. */
export function robustnessReport(
	scenario: Scenario,
	claims?: readonly Claim[],
	commentators?: readonly string[]
): Robustness {
	const result = robustness(scenario, claims, commentators);
	return {
		...result,
		options: result.options.map((option) => ({
			...option,
			agreement: round4(option.agreement),
			changes: option.changes.map((c) => ({ ...c, agreement: round4(c.agreement) }))
		}))
	};
}

export function analysisReport(scenario: Scenario, input: ReportInput = {}): AnalysisReport {
	const { weights = {}, claims, commentators } = input;
	return {
		...analyze(scenario, claims, commentators),
		stance_contradictions: stanceContradictions(scenario, claims, commentators),
		facts_values: factsValues(scenario, claims, commentators),
		robustness: robustnessReport(scenario, claims, commentators),
		decision: decisionReport(scenario, weights, claims, commentators)
	};
}
