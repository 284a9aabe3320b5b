/**
 * The findings of facts-or-values, robustness and the decision table in plain sentences, with
 * names and labels from the scenario. One home for the wording, so the method page, the screens,
 * the evidence panel and the decision memo say the same thing the same way.
 */
import type { Decision } from '../analysis/decision';
import type { Sensitivities } from '../analysis/decision-sensitivity';
import type {
	CommentatorFactsValues,
	FactsValuesFinding,
	FactsValuesOption,
	FactsValuesPair
} from '../analysis/facts-values';
import type { LeftOut } from '../analysis/robustness';
import type { Scenario, Stance } from '../scenario/schema';

export interface Names {
	option: (id: string) => string;
	commentator: (id: string) => string;
	dimension: (id: string) => string;
	goal: (id: string) => string;
	source: (id: string) => string;
}

export function namesOf(scenario: Scenario): Names {
	const lookup = <T extends { id: string }>(list: readonly T[], read: (item: T) => string) => {
		const map = new Map(list.map((item) => [item.id, read(item)]));
		return (id: string) => map.get(id) ?? id;
	};
	return {
		option: lookup(scenario.options, (o) => o.label),
		commentator: lookup(scenario.commentators, (c) => c.name),
		dimension: lookup(scenario.dimensions, (d) => d.label),
		goal: lookup(scenario.dimensions, (d) => d.goal),
		source: lookup(scenario.sources, (s) => `${s.outlet}, “${s.title}” (${s.date})`)
	};
}

/** "supports it", "supports it on conditions", "opposes it". */
export function stanceVerb(stance: Stance): string {
	return stance === 'support'
		? 'supports it'
		: stance === 'oppose'
			? 'opposes it'
			: 'supports it only on conditions';
}

/** One finding as a sentence: what each expects, and (for values) how each weighs it. */
export function findingSentence(names: Names, finding: FactsValuesFinding): string {
	const a = names.commentator(finding.a.commentator);
	const b = names.commentator(finding.b.commentator);
	const option = names.option(finding.option);
	const dimension = names.dimension(finding.dimension);
	const goal = names.goal(finding.dimension);
	if (finding.kind === 'values') {
		const verb = finding.a.direction === 'helps' ? 'help' : 'hurt';
		return `Both expect “${option}” to ${verb} on ${dimension} (${goal}); ${a} ${stanceVerb(finding.a.stance)}, ${b} ${stanceVerb(finding.b.stance)}. They disagree about values: the same consequence, weighed differently.`;
	}
	const says = (direction: string) => (direction === 'helps' ? 'help' : 'hurt');
	return `${a} expects “${option}” to ${says(finding.a.direction)} on ${dimension} (${goal}); ${b} expects it to ${says(finding.b.direction)}. They disagree about facts: what the option will do.`;
}

/** Why a disagreement cannot be read as facts or values. */
export function unclearSentence(names: Names, pair: FactsValuesPair): string {
	const a = names.commentator(pair.a);
	const b = names.commentator(pair.b);
	const why =
		pair.reason === 'unclear-direction'
			? `on ${pair.unclear.map(names.dimension).join(', ')} at least one of them leaves the direction unclear`
			: 'they speak to different dimensions';
	return `${a} ${stanceVerb(pair.a_stance)} and ${b} ${stanceVerb(pair.b_stance)}, but ${why}: facts or values cannot be told apart.`;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** An option's summary: how many pairs disagree about what, with n. */
export function optionFactsValuesSentence(names: Names, o: FactsValuesOption): string {
	if (o.pairs === 0) {
		return `Fewer than two commentators address “${names.option(o.option)}”: no pair to compare.`;
	}
	const lead = `Of the ${plural(o.pairs, 'pair')} of commentators who both address “${names.option(o.option)}”, ${o.facts} disagree about facts (opposite expected effects), ${o.values} about values (the same effect, a different verdict), ${o.unclear} in a way that cannot be told (an unclear direction or different dimensions), and ${o.agree} agree.`;
	const verdict =
		o.dominant === 'facts'
			? 'Mostly a disagreement about facts.'
			: o.dominant === 'values'
				? 'Mostly a disagreement about values.'
				: o.dominant === 'even'
					? 'Facts and values weigh the same.'
					: 'No disagreement that can be read as facts or values.';
	return `${lead} ${verdict}`;
}

/**
 * One commentator against the others on one option, for the evidence panel: how many disagree
 * about facts (what the option will do) or values (what matters), with n, and which dominates.
 */
export function commentatorFactsValuesSentence(names: Names, r: CommentatorFactsValues): string {
	const who = names.commentator(r.commentator);
	const option = names.option(r.option);
	if (r.others === 0) {
		return `No other commentator in view addresses “${option}”, so there is no one to compare ${who} with.`;
	}
	const lead = `Of the ${plural(r.others, 'other commentator')} in view who ${r.others === 1 ? 'addresses' : 'address'} “${option}” (n = ${r.others}), ${r.facts} ${r.facts === 1 ? 'disagrees' : 'disagree'} with ${who} about facts (what the option will do), ${r.values} about values (what matters: the same effect, weighed differently), ${r.unclear} in a way that cannot be told apart, and ${r.agree} ${r.agree === 1 ? 'agrees' : 'agree'}.`;
	const told = `Where it can be told, ${who}’s disagreements here are`;
	const verdict =
		r.facts > 0 && r.values === 0
			? `${told} about facts.`
			: r.values > 0 && r.facts === 0
				? `${told} about values.`
				: r.facts > r.values
					? `${told} mostly about facts.`
					: r.values > r.facts
						? `${told} mostly about values.`
						: r.facts > 0
							? 'Facts and values weigh the same here.'
							: r.unclear > 0
								? 'No disagreement here can be read as facts or values.'
								: 'No one disagrees here.';
	return `${lead} ${verdict}`;
}

/** "the Week article (The Week, “...”, 2025-09-10)" or "Donald Trump". */
export function leftOutName(names: Names, leftOut: LeftOut): string {
	return leftOut.kind === 'source'
		? `the source ${names.source(leftOut.id)}`
		: names.commentator(leftOut.id);
}

/** The decision table's verdict for its weights, with n. */
export function decisionSentence(names: Names, decision: Decision): string {
	if (decision.top === null) {
		return 'No option has a commentator with a clear expected effect on a goal with weight above 0.';
	}
	const top = decision.options.find((o) => o.option === decision.top)!;
	return `With these weights, “${names.option(top.option)}” comes out on top: its commentators' expected effects line up with the weighted goals at ${top.total!.toFixed(2)} on a scale from −1 (all hurt) to +1 (all help), n = ${top.n} ${top.n === 1 ? 'commentator' : 'commentators'} with a clear effect${top.unclear > 0 ? `, ${top.unclear} unclear` : ''}.`;
}

/** Which single weight change would change the top option, or that none within the search does. */
export function closestChangeSentence(names: Names, sensitivity: Sensitivities): string {
	const closest = sensitivity.closest;
	if (!closest) {
		return `No change of a single weight between 0 and ${sensitivity.cap} changes the top option.`;
	}
	return `${closest.to > closest.from ? 'Raising' : 'Lowering'} the weight of ${names.dimension(closest.dimension)} from ${closest.from} to ${closest.to} would make “${names.option(closest.top)}” the top option.`;
}

/** The reader's own stance on the option their weights put on top, for My position. */
export function yourStanceOnTopSentence(
	names: Names,
	decision: Decision,
	stance: Stance | null
): string | null {
	if (decision.top === null) return null;
	const option = names.option(decision.top);
	if (stance === null)
		return `You have not taken a stance on “${option}” yet: your weights put it first.`;
	const yours =
		stance === 'support'
			? 'you support it'
			: stance === 'oppose'
				? 'you oppose it'
				: 'you support it only on conditions';
	return `Your weights put “${option}” first, and ${yours}.`;
}
