import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	classBesideCommentators,
	latestAnswers,
	tallyClass
} from '../../src/lib/analysis/class-tally';
import { positions } from '../../src/lib/analysis/positions';
import { CLASS_STANCES, type ClassAnswer, type ClassStance } from '../../src/lib/class/protocol';
import { loadScenario } from '../../src/lib/scenario/load';

const FILE = 'scenarios/ukraine-war-2025.yaml';
const loaded = loadScenario(readFileSync(FILE, 'utf8'), FILE);
if (!loaded.ok) throw new Error('scenario does not load');
const scenario = loaded.scenario;
const [A, B] = scenario.options.map((o) => o.id);

let seq = 0;
const ans = (
	participant: string,
	phase: 'before' | 'after',
	stances: Record<string, ClassStance>,
	quotes: Record<string, string> = {}
): ClassAnswer => ({ participant, name: null, phase, stances, quotes, seq: ++seq });

describe('tallyClass', () => {
	it('counts per option and phase, with the mean over positions and unsure left out', () => {
		const answers = [
			ans('p1', 'before', { [A!]: 'support' }),
			ans('p2', 'before', { [A!]: 'oppose' }),
			ans('p3', 'before', { [A!]: 'oppose' }),
			ans('p4', 'before', { [A!]: 'unsure' }),
			ans('p5', 'before', { [A!]: 'conditional', [B!]: 'support' })
		];
		const option = tallyClass(scenario, answers).options[0]!;
		expect(option.before).toEqual({
			support: 1,
			conditional: 1,
			oppose: 2,
			unsure: 1,
			n: 5,
			positioned: 4,
			mean: -0.25,
			hidden: false
		});
		// B has 1 answer: hidden below five.
		expect(tallyClass(scenario, answers).options[1]!.before.hidden).toBe(true);
	});

	it('pairs before and after per student for the shift, and counts quote picks', () => {
		const claim = scenario.claims.find((c) => c.option === A)!.id;
		const answers: ClassAnswer[] = [];
		for (let i = 0; i < 6; i++) {
			answers.push(ans(`p${i}`, 'before', { [A!]: 'oppose' }));
			answers.push(ans(`p${i}`, 'after', { [A!]: i < 4 ? 'support' : 'oppose' }, { [A!]: claim }));
		}
		answers.push(ans('late', 'after', { [A!]: 'support' }));
		const option = tallyClass(scenario, answers).options[0]!;
		expect(option.paired).toBe(6);
		expect(option.changed).toBe(4);
		expect(option.shift).toBeCloseTo((4 * 2) / 6);
		expect(option.quotes).toEqual([{ claim, count: 6 }]);
		expect(option.quotesN).toBe(6);
		expect(option.after.n).toBe(7);
	});

	it('keeps only the latest answer per student and phase, whatever the arrival order', () => {
		fc.assert(
			fc.property(
				fc.array(
					fc.record({
						p: fc.integer({ min: 0, max: 6 }),
						phase: fc.constantFrom('before' as const, 'after' as const),
						stance: fc.constantFrom(...CLASS_STANCES),
						seq: fc.integer({ min: 1, max: 1000 })
					}),
					{ maxLength: 60 }
				),
				(items) => {
					const answers = items.map((it, i) => ({
						participant: `p${it.p}`,
						name: null,
						phase: it.phase,
						stances: { [A!]: it.stance },
						quotes: {},
						seq: it.seq * 100 + i
					}));
					const latest = latestAnswers(answers);
					const keys = new Set(answers.map((a) => `${a.participant}/${a.phase}`));
					expect(latest).toHaveLength(keys.size);
					const shuffled = latestAnswers([...answers].reverse());
					const sort = (list: ClassAnswer[]) => [...list].sort((x, y) => x.seq - y.seq);
					expect(sort(shuffled)).toEqual(sort(latest));
					const tally = tallyClass(scenario, answers).options[0]!;
					expect(tally.before.n + tally.after.n).toBe(latest.length);
				}
			)
		);
	});
});

describe('classBesideCommentators', () => {
	it('agrees fully with a commentator whose positions the whole class shares', () => {
		const theirs = positions(scenario).filter(
			(p) => p.commentator === scenario.commentators[0]!.id
		);
		const stances: Record<string, ClassStance> = {};
		for (const p of theirs) stances[p.option] = p.stance;
		const answers = Array.from({ length: 6 }, (_, i) => ans(`s${i}`, 'after', stances));
		const beside = classBesideCommentators(scenario, tallyClass(scenario, answers), 'after');
		const row = beside.ranked.find((r) => r.commentator === scenario.commentators[0]!.id)!;
		expect(beside.options).toBe(theirs.length);
		// Mixed positions have a mean between stances, so agreement is 1 only for unmixed ones.
		if (theirs.every((p) => !p.mixed)) expect(row.agreement).toBe(1);
		expect(row.n).toBe(theirs.length);
		expect(beside.ranked[0]!.agreement).toBeGreaterThanOrEqual(row.agreement);
	});

	it('says nothing below five positions on every option', () => {
		const answers = Array.from({ length: 4 }, (_, i) =>
			ans(`s${i}`, 'before', { [A!]: 'support' })
		);
		const beside = classBesideCommentators(scenario, tallyClass(scenario, answers), 'before');
		expect(beside).toEqual({ phase: 'before', options: 0, ranked: [], camp: [] });
	});
});
