import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/lib/scenario/load';
import { passageUrl } from '../../src/lib/scenario/passage-link';
import { applyFilters, NO_FILTERS } from '../../src/lib/view/filters';
import {
	citation,
	quoteInContext,
	selectedClaims,
	statedJudgement
} from '../../src/lib/view/evidence';
import type { Claim } from '../../src/lib/scenario/schema';

const FILE = 'tests/fixtures/scenarios/mini.yaml';
const loaded = loadScenario(readFileSync(FILE, 'utf8'), FILE);
if (!loaded.ok) throw new Error(`${FILE} does not load`);
const mini = loaded.scenario;
const claim = (id: string) => mini.claims.find((c) => c.id === id)!;

describe('evidence for a selection', () => {
	it('a cell shows the claims in view at that option, source and commentator', () => {
		const cell = {
			kind: 'cell' as const,
			option: 'dimming',
			source: 'council-notes',
			commentator: 'treasurer'
		};
		expect(selectedClaims(mini, mini.claims, cell).map((c) => c.id)).toEqual(['treasurer-dimming']);
		const opposed = applyFilters(mini, { ...NO_FILTERS, stances: ['oppose'] });
		expect(selectedClaims(mini, opposed, cell)).toEqual([]);
	});

	it('a dimension cell shows every claim on the option with an effect on it', () => {
		const sel = { kind: 'dim' as const, option: 'dimming', dimension: 'safety' };
		expect(selectedClaims(mini, mini.claims, sel).map((c) => c.id)).toEqual([
			'nunez-dimming',
			'resident-dimming'
		]);
	});

	it('a claim picked by id stays visible even when filters hide it', () => {
		const sel = { kind: 'claim' as const, claim: 'nunez-led' };
		expect(selectedClaims(mini, [], sel).map((c) => c.id)).toEqual(['nunez-led']);
		expect(selectedClaims(mini, mini.claims, null)).toEqual([]);
	});
});

describe('quote in context', () => {
	it('puts the prefix and suffix around the exact text, with ellipses', () => {
		expect(quoteInContext(claim('nunez-led').quote)).toEqual({
			before: '…the plan is simple. ',
			exact: 'LEDs pay for themselves, and every street is brighter.',
			after: ' Nobody should wait.…'
		});
	});

	it('leaves out empty context and drops a word the selector cut in half', () => {
		expect(quoteInContext(claim('treasurer-led').quote).before).toBe('');
		const cut = quoteInContext({
			exact: 'the quote',
			prefix: 'rts to end the war in Ukraine, they said. ',
			suffix: ' and then the talks began again in Gen'
		});
		expect(cut.before).toBe('…to end the war in Ukraine, they said. ');
		expect(cut.after).toBe(' and then the talks began again in…');
	});
});

describe('plain-text citation', () => {
	it('names the person, role, outlet, title, date, quote and passage link', () => {
		const link = passageUrl('https://example.org/gazette/lights', claim('nunez-led').quote);
		expect(link).toMatch(/^https:\/\/example\.org\/gazette\/lights#:~:text=/);
		expect(citation(mini, claim('nunez-led'))).toBe(
			`Ana Núñez, columnist, in Town Gazette, "Lights, "cameras", action", 2024-04-02. "LEDs pay for themselves, and every street is brighter." ${link}`
		);
	});

	it('leaves out a role that is not stated, marks an inferred date, and has no link without an address', () => {
		expect(citation(mini, claim('treasurer-led'))).toBe(
			'The treasurer, in Council notes, "Minutes, item 7", 2024-04 (inferred). "We can do it if the grant comes through."'
		);
	});
});

describe('statedJudgement', () => {
	const claim = (fields: Partial<Claim>): Claim => ({
		id: 'k',
		option: 'o',
		commentator: 'c',
		source: 's',
		stance: 'support',
		consequence: 'x',
		effects: [{ dimension: 'd', direction: 'helps' }],
		quote: { exact: 'q', prefix: '', suffix: '' },
		...fields
	});

	it('says what the source states, and nothing when it states nothing', () => {
		expect(statedJudgement(claim({}))).toBeNull();
		expect(statedJudgement(claim({ likelihood: 'very likely' }))).toBe(
			'The source calls it very likely.'
		);
		expect(
			statedJudgement(claim({ likelihood: 'unlikely', confidence: 'high', basis: 'figures' }))
		).toBe('The source calls it unlikely, states high confidence and rests it on figures.');
		expect(statedJudgement(claim({ basis: 'not stated' }))).toBe(
			'The source does not say what it rests this on.'
		);
	});
});
