/** Plain words for the numbers: what an agreement A means for the counts behind it. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { optionStats } from '../../src/lib/analysis/option-stats';
import { loadScenario } from '../../src/lib/scenario/load';
import { agreementSentence, directionSentence, TERMS } from '../../src/lib/present/glossary';

const c = (support: number, conditional: number, oppose: number) => ({
	support,
	conditional,
	oppose
});

describe('agreement in words', () => {
	it('says what the counts are, in the words the issue asks for', () => {
		expect(agreementSentence(c(2, 0, 2))).toBe('split 2 for, 2 against');
		expect(agreementSentence(c(3, 0, 0))).toBe('all 3 for');
		expect(agreementSentence(c(0, 0, 2))).toBe('all 2 against');
		expect(agreementSentence(c(4, 1, 1))).toBe('mostly for: 4 for, 1 conditional, 1 against');
		expect(agreementSentence(c(2, 1, 2))).toBe('divided: 2 for, 1 conditional, 2 against');
		expect(agreementSentence(c(1, 0, 0))).toBe(
			'only one position (1 for): too few to speak of agreement'
		);
		expect(agreementSentence(c(0, 0, 0))).toBe('no commentator takes a position');
		expect(agreementSentence(c(1, 1, 1))).toBe('spread out: 1 for, 1 conditional, 1 against');
	});

	it('every option of the reference scenario gets a sentence that names its counts', () => {
		const file = 'scenarios/ukraine-war-2025.yaml';
		const loaded = loadScenario(readFileSync(file, 'utf8'), file);
		if (!loaded.ok) throw new Error('reference does not load');
		for (const stat of optionStats(loaded.scenario)) {
			const text = agreementSentence(stat);
			if (stat.support > 0) expect(text).toContain(`${stat.support} for`);
			if (stat.oppose > 0) expect(text).toContain(`${stat.oppose} against`);
			// A = -1 only when split between the extremes; the words say so.
			if (stat.agreement === -1) expect(text).toMatch(/^split /);
		}
	});

	it('helps and hurts are read against the goal', () => {
		expect(directionSentence('helps', 'keeps costs down')).toBe(
			'helps: moves toward the goal (keeps costs down)'
		);
		expect(directionSentence('hurts', 'keeps costs down')).toContain('moves away from the goal');
		for (const term of Object.values(TERMS)) expect(term.text.length).toBeGreaterThan(40);
	});
});
