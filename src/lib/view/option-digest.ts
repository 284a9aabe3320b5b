/**
 * "Who says what about this option", as plain data: one option's claims in view, per
 * commentator and per stance. The phone's option cards, the focused list of an option's claims
 * and presentation mode all read this, so the three never disagree about who said what.
 */
import { byId } from '../scenario/group';
import {
	STANCES,
	type Claim,
	type Commentator,
	type Option,
	type Scenario,
	type Stance
} from '../scenario/schema';

/** One commentator on one option: their claims in view, in scenario order. */
export interface Voice {
	commentator: Commentator;
	claims: Claim[];
	/** The one stance of all their claims, or `mixed` when these differ. */
	verdict: Stance | 'mixed';
}

/** The commentators with at least one claim of this stance, each with those claims only. */
export interface StanceGroup {
	stance: Stance;
	voices: { commentator: Commentator; claims: Claim[]; alsoOther: boolean }[];
}

export interface OptionDigest {
	option: Option;
	/** Commentators who address the option (in view), in scenario order. */
	voices: Voice[];
	/** Support, conditional, oppose: a mixed commentator appears under each stance they take. */
	groups: StanceGroup[];
	/** Commentators in scope who do not address the option. */
	silent: Commentator[];
	/** Claims on the option in view. */
	claimCount: number;
}

/**
 * The commentators a view covers: everyone when `claims` is the scenario's own list (nothing
 * filtered), else those with at least one claim in view (the rule the statistics use).
 */
export function commentatorsInScope(scenario: Scenario, claims: readonly Claim[]): Commentator[] {
	if (claims === scenario.claims) return scenario.commentators;
	const speaking = new Set(claims.map((c) => c.commentator));
	return scenario.commentators.filter((c) => speaking.has(c.id));
}

/** A digest per option, in scenario order; `optionIds` limits which (in that order of the scenario). */
export function optionDigests(
	scenario: Scenario,
	claims: readonly Claim[],
	optionIds?: readonly string[]
): OptionDigest[] {
	const scope = commentatorsInScope(scenario, claims);
	const people = byId(scenario.commentators);
	const wanted = optionIds ? new Set(optionIds) : null;
	const byOption = new Map<string, Map<string, Claim[]>>();
	for (const claim of claims) {
		let row = byOption.get(claim.option);
		if (!row) byOption.set(claim.option, (row = new Map()));
		const list = row.get(claim.commentator);
		if (list) list.push(claim);
		else row.set(claim.commentator, [claim]);
	}
	const order = new Map(scenario.commentators.map((c, i) => [c.id, i]));
	return scenario.options
		.filter((o) => !wanted || wanted.has(o.id))
		.map((option) => {
			const row = byOption.get(option.id) ?? new Map<string, Claim[]>();
			const voices: Voice[] = [...row.entries()]
				.sort((a, b) => order.get(a[0])! - order.get(b[0])!)
				.map(([id, list]) => {
					const stances = new Set(list.map((c) => c.stance));
					return {
						commentator: people.get(id)!,
						claims: list,
						verdict: stances.size === 1 ? list[0]!.stance : 'mixed'
					};
				});
			const groups: StanceGroup[] = STANCES.map((stance) => ({
				stance,
				voices: voices
					.filter((v) => v.claims.some((c) => c.stance === stance))
					.map((v) => ({
						commentator: v.commentator,
						claims: v.claims.filter((c) => c.stance === stance),
						alsoOther: v.verdict === 'mixed'
					}))
			}));
			return {
				option,
				voices,
				groups,
				silent: scope.filter((c) => !row.has(c.id)),
				claimCount: voices.reduce((n, v) => n + v.claims.length, 0)
			};
		});
}

/** Other stances a mixed commentator takes on the option, for "(also conditional)" notes. */
export function otherStances(voice: Voice, stance: Stance): Stance[] {
	return STANCES.filter((s) => s !== stance && voice.claims.some((c) => c.stance === s));
}
