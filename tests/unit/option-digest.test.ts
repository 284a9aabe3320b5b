/** Who says what about one option: the data behind the phone cards, the option list and presentation mode. */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/lib/scenario/load';
import { applyFilters, NO_FILTERS } from '../../src/lib/view/filters';
import { optionDigests, otherStances } from '../../src/lib/view/option-digest';
import { arbitraryScenario } from './arbitrary-scenario';

const FILE = 'scenarios/ukraine-war-2025.yaml';
const loaded = loadScenario(readFileSync(FILE, 'utf8'), FILE);
if (!loaded.ok) throw new Error(`${FILE} does not load`);
const ref = loaded.scenario;

describe('option digests', () => {
	it('sanctions on the reference scenario: 8 commentators address it, 7 do not', () => {
		const [d] = optionDigests(ref, ref.claims, ['sanctions-tariffs']);
		expect(d!.option.id).toBe('sanctions-tariffs');
		expect(d!.voices).toHaveLength(8);
		expect(d!.silent).toHaveLength(7);
		const count = (s: string) => d!.groups.find((g) => g.stance === s)!.voices.length;
		// The position view's tally: 4 support, 2 conditional, 2 oppose (one position each).
		expect([count('support'), count('conditional'), count('oppose')]).toEqual([4, 2, 2]);
		expect(d!.claimCount).toBe(ref.claims.filter((c) => c.option === 'sanctions-tariffs').length);
	});

	it('property: every claim in view appears once per option, under its own stance', () => {
		fc.assert(
			fc.property(arbitraryScenario, fc.boolean(), (scenario, filtered) => {
				const claims = filtered
					? applyFilters(scenario, { ...NO_FILTERS, stances: ['support', 'oppose'] })
					: scenario.claims;
				const digests = optionDigests(scenario, claims);
				expect(digests.map((d) => d.option.id)).toEqual(scenario.options.map((o) => o.id));
				const fromVoices = digests.flatMap((d) =>
					d.voices.flatMap((v) => v.claims.map((c) => c.id))
				);
				const fromGroups = digests.flatMap((d) =>
					d.groups.flatMap((g) => g.voices.flatMap((v) => v.claims.map((c) => c.id)))
				);
				const expected = claims.filter((c) => scenario.options.some((o) => o.id === c.option));
				expect([...fromVoices].sort()).toEqual(expected.map((c) => c.id).sort());
				expect([...fromGroups].sort()).toEqual(expected.map((c) => c.id).sort());
				for (const d of digests) {
					for (const g of d.groups)
						for (const v of g.voices) for (const c of v.claims) expect(c.stance).toBe(g.stance);
					for (const v of d.voices) {
						const stances = new Set(v.claims.map((c) => c.stance));
						expect(v.verdict === 'mixed').toBe(stances.size > 1);
						if (v.verdict !== 'mixed') expect(otherStances(v, v.verdict)).toEqual([]);
					}
					// Nobody is both speaking and silent.
					const speaking = new Set(d.voices.map((v) => v.commentator.id));
					for (const s of d.silent) expect(speaking.has(s.id)).toBe(false);
				}
			}),
			{ numRuns: 100 }
		);
	});
});
