/**
 * A student's own position on a scenario's options (brief §1: "records a position of their own
 * and sees whom they agree with"), and how it compares with each commentator's. Pure: no Svelte,
 * no DOM, no storage; the page keeps the position and hands it here.
 *
 * Agreement with a commentator uses the same measure as commentator pairs (brief §4): over the
 * options both take a position on, the mean of 1 - |s_me - s_them| / 2, with the overlap n. A
 * commentator with no such option has "no shared options", which is not agreement 0.
 */
import type { Claim, Scenario, Stance } from '../scenario/schema';
import { STANCES } from '../scenario/schema';
import { STANCE_SCORE, type Position } from './positions';

/** Longest "why" a student can write per option; the text box has the same limit. */
export const MAX_REASON = 500;
/** Option ids are slugs of at most 80 characters (schema and address share the limit). */
const OPTION_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_OPTION_ID = 80;
/** More entries than any real scenario has options: a guard against a stored value run wild. */
const MAX_ENTRIES = 5000;

/** The student's position: a stance per option (absent = no position) and an optional reason. */
export interface MyPosition {
	stances: Readonly<Record<string, Stance>>;
	reasons: Readonly<Record<string, string>>;
}

export const EMPTY_POSITION: MyPosition = Object.freeze({
	stances: Object.freeze({}),
	reasons: Object.freeze({})
});

/** The stance on an option; own keys only, so an option called "constructor" is safe. */
export function stanceOf(mine: MyPosition, option: string): Stance | null {
	return Object.hasOwn(mine.stances, option) ? mine.stances[option]! : null;
}

export function reasonOf(mine: MyPosition, option: string): string {
	return Object.hasOwn(mine.reasons, option) ? mine.reasons[option]! : '';
}

/** Options the student took a stance on, in scenario order. */
export function stancedOptions(scenario: Scenario, mine: MyPosition): string[] {
	return scenario.options.filter((o) => Object.hasOwn(mine.stances, o.id)).map((o) => o.id);
}

/**
 * The commentators a view of `claims` covers, by the rule `scope.ts` sets: everyone when the
 * claims are the scenario's own list, else those with at least one claim in view.
 */
export function commentatorsInView(scenario: Scenario, claims: readonly Claim[]): string[] {
	if (claims === scenario.claims) return scenario.commentators.map((c) => c.id);
	const speaking = new Set(claims.map((c) => c.commentator));
	return scenario.commentators.filter((c) => speaking.has(c.id)).map((c) => c.id);
}

/** Option ids in the position that the scenario does not have (it changed since the save). */
export function unknownOptions(scenario: Scenario, mine: MyPosition): string[] {
	const known = new Set(scenario.options.map((o) => o.id));
	const ids = new Set([...Object.keys(mine.stances), ...Object.keys(mine.reasons)]);
	return [...ids].filter((id) => !known.has(id));
}

/** A copy with one option's stance set, or removed when `stance` is null ("No position"). */
export function withStance(mine: MyPosition, option: string, stance: Stance | null): MyPosition {
	const stances = { ...mine.stances };
	if (stance === null) delete stances[option];
	else stances[option] = stance;
	return { stances, reasons: mine.reasons };
}

/**
 * A copy with one option's reason set (cut to {@link MAX_REASON}); empty removes it. Spaces are
 * kept as typed, so a text box bound to this never loses what the student is typing.
 */
export function withReason(mine: MyPosition, option: string, reason: string): MyPosition {
	const reasons = { ...mine.reasons };
	if (reason === '') delete reasons[option];
	else reasons[option] = reason.slice(0, MAX_REASON);
	return { stances: mine.stances, reasons };
}

export function isEmpty(mine: MyPosition): boolean {
	return Object.keys(mine.stances).length === 0 && Object.keys(mine.reasons).length === 0;
}

/** An option where the student and a commentator both take a position. */
export interface SharedOption {
	option: string;
	mine: Stance;
	/** The commentator's combined position (several claims are averaged, see `positions`). */
	theirs: Position;
	/** 1 - |s_me - s_them| / 2, in [0, 1]. */
	agreement: number;
}

export interface CommentatorAgreement {
	commentator: string;
	/** Options both take a position on (>= 1). */
	n: number;
	/** Mean of the shared options' agreement, in [0, 1]. */
	agreement: number;
	/** Shared options where the stances differ, widest gap first, then scenario order. */
	differ: SharedOption[];
	/** Shared options with the same stance score, in scenario order. */
	same: SharedOption[];
}

/**
 * Fewer shared options than this and an agreement figure says little (100% over one option is
 * one coincidence): such commentators are listed in their own group, never above a match that
 * rests on more options.
 */
export const MIN_SHARED = 3;

export interface AgreementWithMe {
	/**
	 * Commentators sharing at least {@link MIN_SHARED} options: most to least agreement; ties:
	 * more shared options first, then scenario order.
	 */
	ranked: CommentatorAgreement[];
	/** Commentators sharing 1 to MIN_SHARED - 1 options, ordered the same way. */
	fewShared: CommentatorAgreement[];
	/** Commentators in scope who take no position on any option the student did, scenario order. */
	noSharedOptions: string[];
}

/**
 * Compares the student's stances with each commentator's positions (from `positions(scenario,
 * claims)`, so a filtered view compares with what is in view). The commentators compared are
 * `commentators` when given, else everyone with at least one position, in scenario order.
 */
export function agreementWithMe(
	scenario: Scenario,
	mine: MyPosition,
	theirPositions: readonly Position[],
	commentators?: readonly string[]
): AgreementWithMe {
	const optionOrder = new Map(scenario.options.map((o, i) => [o.id, i]));
	const byCommentator = new Map<string, Position[]>();
	for (const position of theirPositions) {
		const list = byCommentator.get(position.commentator);
		if (list) list.push(position);
		else byCommentator.set(position.commentator, [position]);
	}
	const scope = commentators
		? scenario.commentators.filter((c) => commentators.includes(c.id))
		: scenario.commentators.filter((c) => byCommentator.has(c.id));

	const ranked: (CommentatorAgreement & { order: number })[] = [];
	const noSharedOptions: string[] = [];
	scope.forEach((person, order) => {
		const shared: SharedOption[] = [];
		for (const theirs of byCommentator.get(person.id) ?? []) {
			const stance = stanceOf(mine, theirs.option);
			if (stance === null || !optionOrder.has(theirs.option)) continue;
			shared.push({
				option: theirs.option,
				mine: stance,
				theirs,
				agreement: 1 - Math.abs(STANCE_SCORE[stance] - theirs.score) / 2
			});
		}
		if (shared.length === 0) {
			noSharedOptions.push(person.id);
			return;
		}
		shared.sort((x, y) => optionOrder.get(x.option)! - optionOrder.get(y.option)!);
		const sum = shared.reduce((total, s) => total + s.agreement, 0);
		ranked.push({
			commentator: person.id,
			n: shared.length,
			agreement: sum / shared.length,
			differ: shared.filter((s) => s.agreement < 1).sort((x, y) => x.agreement - y.agreement),
			same: shared.filter((s) => s.agreement === 1),
			order
		});
	});
	ranked.sort((x, y) => y.agreement - x.agreement || y.n - x.n || x.order - y.order);
	const strip = (rows: typeof ranked) => rows.map(({ order: _order, ...rest }) => rest);
	return {
		ranked: strip(ranked.filter((r) => r.n >= MIN_SHARED)),
		fewShared: strip(ranked.filter((r) => r.n < MIN_SHARED)),
		noSharedOptions
	};
}

/** "based on 1 option only", "based on 3 options": small n said plainly. */
export function basedOn(n: number): string {
	return n === 1 ? 'based on 1 option only' : `based on ${n} options`;
}

/** Agreement in [0, 1] as a whole percentage, e.g. 0.5556 -> "56%". */
export function percent(value: number): string {
	return `${Math.round(value * 100)}%`;
}

type Checked = { ok: true; value: MyPosition } | { ok: false; problem: string };

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isOptionId(key: string): boolean {
	return key.length <= MAX_OPTION_ID && OPTION_ID.test(key);
}

/**
 * Checks a stored position (untrusted: another tab, an old version or a hand edit may have
 * written it). Anything off refuses the whole value, so the caller can show the text for
 * download instead of quietly keeping part of it.
 */
export function validatePosition(data: unknown): Checked {
	if (!isRecord(data)) return { ok: false, problem: 'it is not a saved position' };
	const { stances, reasons } = data;
	if (!isRecord(stances) || !isRecord(reasons)) {
		return { ok: false, problem: 'it is not a saved position (no stances or reasons)' };
	}
	if (Object.keys(stances).length + Object.keys(reasons).length > MAX_ENTRIES) {
		return { ok: false, problem: 'it holds far more options than any scenario' };
	}
	const outStances: Record<string, Stance> = {};
	for (const [key, value] of Object.entries(stances)) {
		if (!isOptionId(key))
			return { ok: false, problem: `"${key.slice(0, 40)}" is not an option id` };
		if (typeof value !== 'string' || !(STANCES as readonly string[]).includes(value)) {
			return { ok: false, problem: `the stance on ${key} is not support, conditional or oppose` };
		}
		outStances[key] = value as Stance;
	}
	const outReasons: Record<string, string> = {};
	for (const [key, value] of Object.entries(reasons)) {
		if (!isOptionId(key))
			return { ok: false, problem: `"${key.slice(0, 40)}" is not an option id` };
		if (typeof value !== 'string') {
			return { ok: false, problem: `the reason given for ${key} is not text` };
		}
		if (value.length > MAX_REASON) {
			return { ok: false, problem: `the reason given for ${key} is over ${MAX_REASON} characters` };
		}
		outReasons[key] = value;
	}
	return { ok: true, value: { stances: outStances, reasons: outReasons } };
}

/** What "Download my position" writes: ids for tools, labels and words for people. */
export interface PositionFile {
	format: 'stancegrid-position';
	version: 1;
	scenario: string;
	scenario_title: string;
	question: string;
	exported_at: string;
	stances: Record<string, Stance>;
	reasons: Record<string, string>;
	options: Array<{ id: string; label: string; stance: Stance | null; reason: string }>;
}

export function positionFile(scenario: Scenario, mine: MyPosition, now: Date): PositionFile {
	const known = scenario.options.map((o) => ({ id: o.id, label: o.label }));
	// Options the scenario no longer has are kept, under their ids, so nothing is lost.
	const extra = unknownOptions(scenario, mine).map((id) => ({ id, label: id }));
	return {
		format: 'stancegrid-position',
		version: 1,
		scenario: scenario.meta.id,
		scenario_title: scenario.meta.title,
		question: scenario.meta.question,
		exported_at: now.toISOString(),
		stances: { ...mine.stances },
		reasons: { ...mine.reasons },
		options: [...known, ...extra].map(({ id, label }) => ({
			id,
			label,
			stance: stanceOf(mine, id),
			reason: reasonOf(mine, id)
		}))
	};
}

const STANCE_WORD: Record<Stance, string> = {
	support: 'Support',
	conditional: 'Conditional',
	oppose: 'Oppose'
};

/**
 * Plain text to paste into an email or a document for a teacher: the position option by option,
 * then whom it agrees with and on how many options.
 */
export function positionText(
	scenario: Scenario,
	mine: MyPosition,
	compared: AgreementWithMe,
	names: ReadonlyMap<string, string>,
	now: Date,
	filters: readonly string[] = []
): string {
	const lines: string[] = [
		`My position: ${scenario.meta.question}`,
		`Scenario: ${scenario.meta.title} (${scenario.meta.id}), as of ${scenario.meta.as_of}`,
		`Recorded: ${now.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
		''
	];
	scenario.options.forEach((option, i) => {
		const stance = stanceOf(mine, option.id);
		lines.push(`${i + 1}. ${option.label}: ${stance ? STANCE_WORD[stance] : 'No position'}`);
		const reason = reasonOf(mine, option.id).trim();
		if (reason) lines.push(`   Why: ${reason.replace(/\s*\n\s*/g, ' ')}`);
	});
	for (const id of unknownOptions(scenario, mine)) {
		const stance = stanceOf(mine, id);
		lines.push(
			`- ${id} (no longer in this scenario): ${stance ? STANCE_WORD[stance] : 'No position'}`
		);
	}
	lines.push('');
	const taken = stancedOptions(scenario, mine).length;
	if (taken === 0) {
		lines.push('No stance taken yet, so no comparison with the commentators.');
		return lines.join('\n');
	}
	lines.push(
		`Whom I agree with (agreement per option: same stance 100%, one step apart 50%, opposite 0%; averaged over the options we both take a position on):`
	);
	if (filters.length > 0)
		lines.push(`Compared only with the claims in view: ${filters.join('; ')}`);
	const line = (row: CommentatorAgreement) =>
		`- ${names.get(row.commentator) ?? row.commentator}: ${percent(row.agreement)}, ${basedOn(row.n)}`;
	for (const row of compared.ranked) lines.push(line(row));
	if (compared.fewShared.length > 0) {
		lines.push(`Too few shared options to rank (fewer than ${MIN_SHARED}):`);
		for (const row of compared.fewShared) lines.push(line(row));
	}
	if (compared.noSharedOptions.length > 0) {
		lines.push(
			`No shared options with: ${compared.noSharedOptions.map((id) => names.get(id) ?? id).join(', ')}`
		);
	}
	return lines.join('\n');
}
