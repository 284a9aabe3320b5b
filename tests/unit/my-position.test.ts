import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	EMPTY_POSITION,
	MAX_REASON,
	MIN_SHARED,
	agreementWithMe,
	basedOn,
	commentatorsInView,
	percent,
	positionFile,
	positionText,
	stanceOf,
	unknownOptions,
	validatePosition,
	withReason,
	withStance,
	type AgreementWithMe,
	type CommentatorAgreement,
	type MyPosition
} from '../../src/lib/analysis/my-position';
import { positions } from '../../src/lib/analysis/positions';
import { loadScenario } from '../../src/lib/scenario/load';
import type { Scenario, Stance } from '../../src/lib/scenario/schema';
import { applyFilters, NO_FILTERS } from '../../src/lib/view/filters';

/** Both groups in display order: the ranked ones, then those with too few shared options. */
const all = (result: AgreementWithMe): CommentatorAgreement[] => [
	...result.ranked,
	...result.fewShared
];

/** [option, commentator, stance] rows; each becomes one claim. */
function fixture(rows: [string, string, Stance][]): Scenario {
	return {
		meta: {
			id: 'fixture',
			title: 'Fixture',
			question: 'What works?',
			as_of: '2025-09-09',
			coded_by: 'tests',
			method: 'Hand-built for unit tests.'
		},
		dimensions: [{ id: 'goal', label: 'Goal', goal: 'reaches the goal' }],
		options: ['o1', 'o2', 'o3'].map((id) => ({ id, label: `Option ${id}`, description: id })),
		sources: [
			{
				id: 'src',
				outlet: 'Outlet',
				title: 'Article',
				date: '2025-09-01',
				date_inferred: false,
				authors: 'not stated',
				kind: 'analysis',
				url: 'https://example.org/a'
			}
		],
		commentators: ['a', 'b', 'c', 'd', 'e'].map((id) => ({
			id,
			name: `Person ${id.toUpperCase()}`,
			role: 'not stated',
			affiliation: 'not stated',
			kind: 'analyst'
		})),
		claims: rows.map(([option, commentator, stance], i) => ({
			id: `claim-${i}`,
			option,
			commentator,
			source: 'src',
			stance,
			consequence: 'Something happens.',
			effects: [{ dimension: 'goal', direction: 'helps' }],
			quote: { exact: `Quote ${i} by ${commentator}.`, prefix: '', suffix: '' }
		}))
	};
}

const mine = (
	stances: Record<string, Stance>,
	reasons: Record<string, string> = {}
): MyPosition => ({
	stances,
	reasons
});

describe('agreement with the student', () => {
	// a: o1 support, o2 oppose. b: o1 conditional, o2 support+oppose (mixed, score 0), o3 oppose.
	// c: o3 support only. d: o2 support. e: no claims at all.
	const s = fixture([
		['o1', 'a', 'support'],
		['o2', 'a', 'oppose'],
		['o1', 'b', 'conditional'],
		['o2', 'b', 'support'],
		['o2', 'b', 'oppose'],
		['o3', 'b', 'oppose'],
		['o3', 'c', 'support'],
		['o2', 'd', 'support']
	]);

	it('matches hand-computed values, ranks them, and keeps "no shared options" apart', () => {
		// Me: o1 support (+1), o2 conditional (0).
		// a: o1 1-|1-1|/2 = 1; o2 1-|0-(-1)|/2 = 0.5; mean 0.75 over 2.
		// b: o1 1-|1-0|/2 = 0.5; o2 mixed score (1-1)/2 = 0 -> 1; mean 0.75 over 2.
		// d: o2 1-|0-1|/2 = 0.5 over 1. c: only o3, which I left open -> no shared options.
		const result = agreementWithMe(s, mine({ o1: 'support', o2: 'conditional' }), positions(s));
		expect(all(result).map((r) => [r.commentator, r.agreement, r.n])).toEqual([
			['a', 0.75, 2],
			['b', 0.75, 2],
			['d', 0.5, 1]
		]);
		expect(result.noSharedOptions).toEqual(['c']);
		const a = all(result)[0]!;
		expect(a.differ.map((d) => [d.option, d.mine, d.theirs.stance, d.agreement])).toEqual([
			['o2', 'conditional', 'oppose', 0.5]
		]);
		expect(a.same.map((d) => d.option)).toEqual(['o1']);
		const b = all(result)[1]!;
		expect(b.differ.map((d) => d.option)).toEqual(['o1']);
		expect(b.same[0]!.theirs.mixed).toBe(true);
		expect(b.same[0]!.theirs.claims).toEqual(['claim-3', 'claim-4']);
	});

	it('updates when a stance is added: b rises to 5/6, c appears at 0 with n = 1', () => {
		// o3 oppose (-1): b 1-|-1-(-1)|/2 = 1 -> (0.5 + 1 + 1) / 3 = 0.8333; c 1-|-1-1|/2 = 0.
		const result = agreementWithMe(
			s,
			mine({ o1: 'support', o2: 'conditional', o3: 'oppose' }),
			positions(s)
		);
		expect(all(result).map((r) => r.commentator)).toEqual(['b', 'a', 'd', 'c']);
		expect(all(result)[0]!.agreement).toBeCloseTo(5 / 6, 12);
		expect(all(result)[0]!.n).toBe(3);
		const c = all(result).find((r) => r.commentator === 'c')!;
		expect([c.agreement, c.n]).toEqual([0, 1]);
		expect(result.noSharedOptions).toEqual([]);
	});

	it('differences are listed widest gap first, then in scenario order', () => {
		// Me: o1 conditional, o2 support. a: o1 support -> 0.5; o2 oppose -> 0: o2 first.
		const result = agreementWithMe(s, mine({ o1: 'conditional', o2: 'support' }), positions(s));
		const a = all(result).find((r) => r.commentator === 'a')!;
		expect(a.differ.map((d) => [d.option, d.agreement])).toEqual([
			['o2', 0],
			['o1', 0.5]
		]);
		// Me: o1 oppose, o2 support. a: o1 -> 0, o2 -> 0: a tie keeps scenario order.
		const tie = agreementWithMe(s, mine({ o1: 'oppose', o2: 'support' }), positions(s));
		const a2 = all(tie).find((r) => r.commentator === 'a')!;
		expect(a2.agreement).toBe(0);
		expect(a2.differ.map((d) => d.option)).toEqual(['o1', 'o2']);
		// d: o2 support = support -> 1, the only one who agrees fully.
		expect(all(tie)[0]).toMatchObject({ commentator: 'd', agreement: 1, n: 1 });
	});

	it("uses a mixed commentator's mean score, as pair agreement does", () => {
		// e: o1 support, support, oppose -> score (2 - 1) / 3 = 1/3; me support: 1 - (2/3)/2 = 2/3.
		const t = fixture([
			['o1', 'e', 'support'],
			['o1', 'e', 'support'],
			['o1', 'e', 'oppose']
		]);
		const result = agreementWithMe(t, mine({ o1: 'support' }), positions(t));
		expect(all(result)).toHaveLength(1);
		expect(all(result)[0]!.agreement).toBeCloseTo(2 / 3, 12);
		expect(all(result)[0]!.differ[0]!.theirs.mixed).toBe(true);
	});

	it('fewer than 3 shared options never rank above a better-founded match', () => {
		// Me: o1 support, o2 oppose, o3 support. a: 1 + 1 + 0 over 3 = 67%. b: 100% over 1 option;
		// c: 100% over 2. Both b and c are listed apart, below a.
		const t = fixture([
			['o1', 'a', 'support'],
			['o2', 'a', 'oppose'],
			['o3', 'a', 'oppose'],
			['o1', 'b', 'support'],
			['o2', 'c', 'oppose'],
			['o3', 'c', 'support']
		]);
		const me = mine({ o1: 'support', o2: 'oppose', o3: 'support' });
		const result = agreementWithMe(t, me, positions(t));
		expect(MIN_SHARED).toBe(3);
		expect(result.ranked.map((r) => [r.commentator, r.agreement.toFixed(4), r.n])).toEqual([
			['a', '0.6667', 3]
		]);
		expect(result.fewShared.map((r) => [r.commentator, r.agreement, r.n])).toEqual([
			['c', 1, 2],
			['b', 1, 1]
		]);
		const names = new Map([
			['a', 'A'],
			['b', 'B'],
			['c', 'C']
		]);
		const text = positionText(t, me, result, names, new Date(0));
		expect(text.indexOf('- A: 67%')).toBeLessThan(text.indexOf('Too few shared options'));
		expect(text.indexOf('Too few shared options')).toBeLessThan(text.indexOf('- C: 100%'));
	});

	it('with no stance everyone with a position has no shared options; nobody gets a 0', () => {
		const result = agreementWithMe(s, EMPTY_POSITION, positions(s));
		expect(all(result)).toEqual([]);
		expect(result.noSharedOptions).toEqual(['a', 'b', 'c', 'd']);
	});

	it('the scope follows the view: everyone unfiltered, speakers only when filtered', () => {
		expect(commentatorsInView(s, s.claims)).toEqual(['a', 'b', 'c', 'd', 'e']);
		expect(commentatorsInView(s, s.claims.slice(0, 2))).toEqual(['a']);
	});

	it('an explicit scope includes silent commentators as "no shared options"', () => {
		const result = agreementWithMe(s, mine({ o1: 'support' }), positions(s), ['a', 'e']);
		expect(all(result).map((r) => r.commentator)).toEqual(['a']);
		expect(result.noSharedOptions).toEqual(['e']);
	});

	it('stances on options the scenario does not have are ignored in the comparison', () => {
		const result = agreementWithMe(s, mine({ gone: 'support', o2: 'support' }), positions(s));
		expect(all(result).every((r) => r.n === 1)).toBe(true);
		expect(unknownOptions(s, mine({ gone: 'support' }, { old: 'why' }))).toEqual(['gone', 'old']);
	});
});

describe('agreement with the student on the reference scenario', () => {
	const loaded = loadScenario(
		readFileSync('scenarios/ukraine-war-2025.yaml', 'utf8'),
		'ukraine-war-2025.yaml'
	);
	if (!loaded.ok) throw new Error('the reference scenario does not load');
	const ref = loaded.scenario;
	// Me: sanctions support (+1), direct diplomacy conditional (0), reassurance force oppose (-1).
	const me = mine({
		'sanctions-tariffs': 'support',
		'direct-diplomacy': 'conditional',
		'european-reassurance': 'oppose'
	});

	it('matches the hand-checked table (the browser test checks the same numbers)', () => {
		const result = agreementWithMe(ref, me, positions(ref, applyFilters(ref, NO_FILTERS)));
		const row = (r: CommentatorAgreement) => [r.commentator, Number(r.agreement.toFixed(4)), r.n];
		// Ranked: only those sharing at least 3 options, so 100% over one option is not on top.
		expect(result.ranked.map(row)).toEqual([
			// sanctions oppose 0; diplomacy mixed (2 support, 1 conditional: 2/3) 1 - (2/3)/2 = 2/3;
			// reassurance oppose 1; (0 + 2/3 + 1) / 3 = 5/9.
			['responsible-statecraft-analysis', 0.5556, 3]
		]);
		expect(result.fewShared.map(row)).toEqual([
			// 100%: one option each, same stance; scenario order breaks the tie.
			['vladimir-putin', 1, 1], // diplomacy conditional = conditional
			['kremlin', 1, 1], // reassurance oppose = oppose
			['samuel-charap', 1, 1], // reassurance oppose
			['kestutis-budrys', 1, 1], // sanctions support
			['alexandra-vacroux', 0.75, 2], // sanctions 1; diplomacy oppose vs conditional 0.5
			['donald-trump', 0.75, 2], // sanctions 1; diplomacy support vs conditional 0.5
			['european-governments', 0.5, 2], // sanctions 1; reassurance support vs oppose 0
			['european-capitals', 0.5, 1], // sanctions conditional vs support
			['us-official-unnamed', 0.5, 1], // sanctions conditional (two claims)
			['andrea-kendall-taylor', 0.5, 1], // diplomacy support vs conditional
			['jennifer-kavanagh', 0.25, 2] // sanctions oppose 0; diplomacy support 0.5
		]);
		expect(result.noSharedOptions).toEqual([
			'andrii-sybiha',
			'nyt-cited-analysts',
			'michael-kofman'
		]);
		const rs = result.ranked.find((r) => r.commentator === 'responsible-statecraft-analysis')!;
		expect(rs.agreement).toBeCloseTo(5 / 9, 12);
		expect(rs.differ.map((d) => d.option)).toEqual(['sanctions-tariffs', 'direct-diplomacy']);
		expect(rs.same.map((d) => d.option)).toEqual(['european-reassurance']);
	});

	it('respects the filters: only the claims in view count', () => {
		const claims = applyFilters(ref, { ...NO_FILTERS, options: ['sanctions-tariffs'] });
		const result = agreementWithMe(ref, me, positions(ref, claims));
		expect(all(result).every((r) => r.n === 1)).toBe(true);
		expect(all(result).find((r) => r.commentator === 'jennifer-kavanagh')!.agreement).toBe(0);
		// Commentators with no claim in view are out of scope, in neither list.
		const listed = [...all(result).map((r) => r.commentator), ...result.noSharedOptions];
		expect(listed).not.toContain('samuel-charap');
		expect(listed).toHaveLength(8);
	});
});

describe('editing a position', () => {
	it('withStance and withReason return copies; null and empty remove', () => {
		const start = mine({ o1: 'support' }, { o1: 'because' });
		const next = withStance(start, 'o2', 'oppose');
		expect(next.stances).toEqual({ o1: 'support', o2: 'oppose' });
		expect(start.stances).toEqual({ o1: 'support' });
		expect(withStance(next, 'o1', null).stances).toEqual({ o2: 'oppose' });
		expect(withReason(start, 'o1', '').reasons).toEqual({});
		expect(withReason(start, 'o1', ' ').reasons).toEqual({ o1: ' ' });
		expect(withReason(start, 'o2', 'x'.repeat(600)).reasons.o2).toHaveLength(MAX_REASON);
		expect(start.reasons).toEqual({ o1: 'because' });
	});

	it('an option called "constructor" is not mistaken for a stance', () => {
		expect(stanceOf(EMPTY_POSITION, 'constructor')).toBeNull();
		expect(stanceOf(withStance(EMPTY_POSITION, 'constructor', 'oppose'), 'constructor')).toBe(
			'oppose'
		);
	});

	it('wording is honest about small n', () => {
		expect(basedOn(1)).toBe('based on 1 option only');
		expect(basedOn(2)).toBe('based on 2 options');
		expect(percent(5 / 9)).toBe('56%');
		expect(percent(0.25)).toBe('25%');
	});
});

describe('validating a stored position', () => {
	it('accepts a well-formed position', () => {
		const value = { stances: { o1: 'support', o2: 'oppose' }, reasons: { o1: 'Cheap.' } };
		expect(validatePosition(value)).toEqual({ ok: true, value });
	});

	it.each([
		['null', null],
		['an array', []],
		['no reasons', { stances: {} }],
		['a stance that is not one', { stances: { o1: 'maybe' }, reasons: {} }],
		['a numeric stance', { stances: { o1: 1 }, reasons: {} }],
		['a key that is not an option id', { stances: { 'Not An Id': 'support' }, reasons: {} }],
		['a reason that is not text', { stances: {}, reasons: { o1: 5 } }],
		['a reason too long', { stances: {}, reasons: { o1: 'x'.repeat(MAX_REASON + 1) } }]
	])('refuses %s with a problem in words', (_name, data) => {
		const result = validatePosition(data);
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.problem.length).toBeGreaterThan(5);
	});

	it('refuses a __proto__ key from JSON instead of polluting anything', () => {
		const data: unknown = JSON.parse('{"stances":{"__proto__":{"x":"support"}},"reasons":{}}');
		expect(validatePosition(data).ok).toBe(false);
		expect(({} as Record<string, unknown>).x).toBeUndefined();
	});
});

describe('handing in', () => {
	const s = fixture([
		['o1', 'a', 'support'],
		['o2', 'b', 'oppose']
	]);
	const me = mine({ o1: 'support', o2: 'conditional' }, { o1: 'It works.\nMostly.' });
	const now = new Date('2025-10-20T09:30:00Z');

	it('the JSON file has the scenario id, stances, reasons and a timestamp', () => {
		const file = positionFile(s, me, now);
		expect(file).toMatchObject({
			format: 'stancegrid-position',
			scenario: 'fixture',
			exported_at: '2025-10-20T09:30:00.000Z',
			stances: { o1: 'support', o2: 'conditional' },
			reasons: { o1: 'It works.\nMostly.' }
		});
		expect(file.options.map((o) => [o.id, o.stance])).toEqual([
			['o1', 'support'],
			['o2', 'conditional'],
			['o3', null]
		]);
	});

	it('the text lists every option, the reasons, and whom the student agrees with', () => {
		const names = new Map(s.commentators.map((c) => [c.id, c.name]));
		const text = positionText(s, me, agreementWithMe(s, me, positions(s)), names, now, [
			'Sources: Outlet'
		]);
		expect(text).toContain('My position: What works?');
		expect(text).toContain('Recorded: 2025-10-20 09:30 UTC');
		expect(text).toContain('1. Option o1: Support\n   Why: It works. Mostly.');
		expect(text).toContain('2. Option o2: Conditional');
		expect(text).toContain('3. Option o3: No position');
		// a: o1 support = support -> 100% over 1. b: o2 oppose vs conditional -> 50% over 1.
		expect(text).toContain('- Person A: 100%, based on 1 option only');
		expect(text).toContain('- Person B: 50%, based on 1 option only');
		expect(text).toContain('Compared only with the claims in view: Sources: Outlet');
	});

	it('without a stance, the text says there is nothing to compare', () => {
		const names = new Map<string, string>();
		const text = positionText(
			s,
			EMPTY_POSITION,
			agreementWithMe(s, EMPTY_POSITION, []),
			names,
			now
		);
		expect(text).toContain('No stance taken yet');
	});
});
