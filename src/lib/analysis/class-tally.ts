/**
 * A class's answers counted for the dashboard (issue 14): per option the distribution before and
 * after reading, the shift, the quotes that weighed most; and where the class sits among the
 * commentators, measured with the same pair agreement and camps as the commentators themselves.
 * Pure: the live dashboard and the position-file dashboard both hand their answers here.
 *
 * Groups under MIN_GROUP answers are marked `hidden`: the pages show no number for them, so that
 * nobody can read a single student's answer off a count.
 */
import { MIN_GROUP, type ClassAnswer, type ClassStance } from '../class/protocol';
import type { Claim, Commentator, Scenario, Stance } from '../scenario/schema';
import { camps } from './camps';
import { pairStats } from './pairs';
import { STANCE_SCORE } from './positions';

export interface PhaseCounts {
	support: number;
	conditional: number;
	oppose: number;
	unsure: number;
	/** Students who answered this option in this phase (unsure included). */
	n: number;
	/** Mean score over support (+1), conditional (0), oppose (-1); unsure left out. */
	mean: number | null;
	/** The students behind `mean`. */
	positioned: number;
	hidden: boolean;
}

export interface QuoteCount {
	claim: string;
	count: number;
}

export interface OptionTally {
	id: string;
	label: string;
	before: PhaseCounts;
	after: PhaseCounts;
	/** Students with a position (not unsure) on the option both before and after. */
	paired: number;
	/** Of `paired`, those whose stance changed. */
	changed: number;
	/** Mean of (after - before) over `paired`, in [-2, 2]; null when none. */
	shift: number | null;
	shiftHidden: boolean;
	/** Quotes picked as weighing most, most picked first (ties: scenario order). */
	quotes: QuoteCount[];
	/** Students who picked a quote on this option. */
	quotesN: number;
	quotesHidden: boolean;
}

export interface ClassTally {
	/** Distinct students with any answer. */
	students: number;
	answeredBefore: number;
	answeredAfter: number;
	options: OptionTally[];
}

const EMPTY = (): Omit<PhaseCounts, 'mean' | 'hidden'> => ({
	support: 0,
	conditional: 0,
	oppose: 0,
	unsure: 0,
	n: 0,
	positioned: 0
});

const score = (stance: ClassStance): number | null =>
	stance === 'unsure' ? null : STANCE_SCORE[stance];

/**
 * The latest answer per student and phase. Answers arrive as a stream where a student's later
 * revision replaces the earlier one, so the one with the highest `seq` wins.
 */
export function latestAnswers(answers: Iterable<ClassAnswer>): ClassAnswer[] {
	const latest = new Map<string, ClassAnswer>();
	for (const answer of answers) {
		const key = `${answer.participant}\u0000${answer.phase}`;
		const seen = latest.get(key);
		if (!seen || seen.seq < answer.seq) latest.set(key, answer);
	}
	return [...latest.values()];
}

function finish(counts: Omit<PhaseCounts, 'mean' | 'hidden'>): PhaseCounts {
	const sum = counts.support - counts.oppose;
	return {
		...counts,
		mean: counts.positioned === 0 ? null : sum / counts.positioned,
		hidden: counts.n < MIN_GROUP
	};
}

export function tallyClass(scenario: Scenario, answers: Iterable<ClassAnswer>): ClassTally {
	const latest = latestAnswers(answers);
	const claimOrder = new Map(scenario.claims.map((c, i) => [c.id, i]));
	const before = new Map<string, ClassAnswer>();
	const after = new Map<string, ClassAnswer>();
	for (const answer of latest)
		(answer.phase === 'before' ? before : after).set(answer.participant, answer);
	const students = new Set(latest.map((a) => a.participant)).size;

	const options = scenario.options.map((option): OptionTally => {
		const phaseCounts = (answersOf: Map<string, ClassAnswer>) => {
			const counts = EMPTY();
			for (const answer of answersOf.values()) {
				if (!Object.hasOwn(answer.stances, option.id)) continue;
				const stance = answer.stances[option.id]!;
				counts[stance]++;
				counts.n++;
				if (stance !== 'unsure') counts.positioned++;
			}
			return finish(counts);
		};
		let paired = 0;
		let changed = 0;
		let shiftSum = 0;
		for (const [participant, late] of after) {
			const early = before.get(participant);
			if (!early || !Object.hasOwn(early.stances, option.id)) continue;
			if (!Object.hasOwn(late.stances, option.id)) continue;
			const from = score(early.stances[option.id]!);
			const to = score(late.stances[option.id]!);
			if (from === null || to === null) continue;
			paired++;
			if (from !== to) changed++;
			shiftSum += to - from;
		}
		const picks = new Map<string, number>();
		let quotesN = 0;
		for (const answer of after.values()) {
			if (!Object.hasOwn(answer.quotes, option.id)) continue;
			const claim = answer.quotes[option.id]!;
			if (!claimOrder.has(claim)) continue;
			quotesN++;
			picks.set(claim, (picks.get(claim) ?? 0) + 1);
		}
		const quotes = [...picks]
			.map(([claim, count]) => ({ claim, count }))
			.sort((x, y) => y.count - x.count || claimOrder.get(x.claim)! - claimOrder.get(y.claim)!);
		return {
			id: option.id,
			label: option.label,
			before: phaseCounts(before),
			after: phaseCounts(after),
			paired,
			changed,
			shift: paired === 0 ? null : shiftSum / paired,
			shiftHidden: paired < MIN_GROUP,
			quotes,
			quotesN,
			quotesHidden: quotesN < MIN_GROUP
		};
	});
	return { students, answeredBefore: before.size, answeredAfter: after.size, options };
}

export interface ClassAgreement {
	commentator: string;
	/** Options the class (with enough answers) and the commentator both take a position on. */
	n: number;
	agreement: number;
}

export interface ClassBeside {
	phase: 'before' | 'after';
	/** Options with enough positioned answers to count (>= MIN_GROUP). */
	options: number;
	/** Most to least agreement with the class. */
	ranked: ClassAgreement[];
	/** The commentators in the same camp as the class (empty: the class is in no camp). */
	camp: string[];
}

/** A commentator id not used by the scenario, for the class as a column of its own. */
function classId(scenario: Scenario, phase: string): string {
	const taken = new Set(scenario.commentators.map((c) => c.id));
	let id = `class-${phase}`;
	while (taken.has(id)) id += '-x';
	return id;
}

/**
 * The class as one more commentator: on each option with at least MIN_GROUP positioned answers,
 * one claim per student position, so the class's combined score is the class mean, exactly as a
 * commentator's combined score is the mean of their claims. Pair agreement and camps then place
 * the class with the very measures the analysis uses for commentators.
 */
export function classBesideCommentators(
	scenario: Scenario,
	tally: ClassTally,
	phase: 'before' | 'after'
): ClassBeside {
	const id = classId(scenario, phase);
	const source = scenario.sources[0]?.id ?? 'class';
	const claims: Claim[] = [];
	let options = 0;
	for (const option of tally.options) {
		const counts = option[phase];
		if (counts.positioned < MIN_GROUP) continue;
		options++;
		for (const stance of ['support', 'conditional', 'oppose'] as Stance[]) {
			for (let i = 0; i < counts[stance]; i++) {
				claims.push({
					id: `${id}-${option.id}-${stance}-${i}`,
					option: option.id,
					commentator: id,
					source,
					stance,
					consequence: '',
					effects: [],
					quote: { exact: '', prefix: '', suffix: '' }
				} as Claim);
			}
		}
	}
	if (options === 0) return { phase, options, ranked: [], camp: [] };
	const classColumn: Commentator = {
		id,
		name: phase === 'before' ? 'The class before reading' : 'The class after reading',
		role: '',
		affiliation: '',
		kind: 'unnamed'
	};
	const augmented: Scenario = {
		...scenario,
		commentators: [...scenario.commentators, classColumn],
		claims: [...scenario.claims, ...claims]
	};
	const ranked = pairStats(augmented)
		.filter((pair) => (pair.a === id || pair.b === id) && pair.agreement !== null)
		.map((pair) => ({
			commentator: pair.a === id ? pair.b : pair.a,
			n: pair.n,
			agreement: pair.agreement!
		}))
		.sort((x, y) => y.agreement - x.agreement || y.n - x.n);
	const block = camps(augmented).blocks.find((b) => b.members.includes(id));
	const camp = block && block.members.length > 1 ? block.members.filter((m) => m !== id) : [];
	return { phase, options, ranked, camp };
}
