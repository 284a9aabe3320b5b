/** My position's weights: the sentence beside the reader's own stance on the top option. */
import { describe, expect, it } from 'vitest';
import { decide } from '../../src/lib/analysis/decision';
import { namesOf, yourStanceOnTopSentence } from '../../src/lib/present/analysis-words';
import { scenario } from './analysis-fixture';

const s = scenario(
	['x', 'y'],
	[
		['ann', 'Ann'],
		['bob', 'Bob']
	],
	[
		['k1', 'x', 'ann', 'support', 'escalation:helps'],
		['k2', 'y', 'bob', 'oppose', 'negotiations:hurts']
	]
);

describe('your stance on the top option', () => {
	it('says which option the weights put first and the reader’s stance on it', () => {
		const names = namesOf(s);
		const decision = decide(s, {});
		expect(decision.top).toBe('x');
		expect(yourStanceOnTopSentence(names, decision, null)).toBe(
			'You have not taken a stance on “x” yet: your weights put it first.'
		);
		expect(yourStanceOnTopSentence(names, decision, 'oppose')).toBe(
			'Your weights put “x” first, and you oppose it.'
		);
		expect(yourStanceOnTopSentence(names, decision, 'conditional')).toBe(
			'Your weights put “x” first, and you support it only on conditions.'
		);
	});

	it('says nothing when no option has a clear effect on a weighted goal', () => {
		const decision = decide(s, { escalation: 0, negotiations: 0 });
		expect(decision.top).toBeNull();
		expect(yourStanceOnTopSentence(namesOf(s), decision, 'support')).toBeNull();
	});
});
