/**
 * Quick search over the claims table (issue 6: under 50 ms at 20,000 claims). The search index
 * and the grid's keep-the-rows-and-filter-them path must show exactly the claims `applyFilters`
 * returns, which is what exports use.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gridData } from '../../src/lib/grid/views';
import { loadScenario } from '../../src/lib/scenario/load';
import type { Claim, Scenario } from '../../src/lib/scenario/schema';
import { applyFilters, NO_FILTERS, type Filters } from '../../src/lib/view/filters';
import { highlightRuns, queryTerms } from '../../src/lib/view/search-terms';
import { arbitraryScenario, text } from './arbitrary-scenario';

function load(file: string): Scenario {
	const result = loadScenario(readFileSync(file, 'utf8'), file);
	if (!result.ok) throw new Error(`${file} does not load`);
	return result.scenario;
}

const mini = load('tests/fixtures/scenarios/mini.yaml');
const settings = { columns: null, pinned: [], sizing: { scale: 1, narrow: false } };

/**
 * The definition of quick search, written out plainly: every word of the query, in any case, is
 * in one of the claim's own texts or its option's or commentator's names (not its source's).
 */
function plainSearch(scenario: Scenario, query: string): Claim[] {
	const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
	return scenario.claims.filter((claim) => {
		const person = scenario.commentators.find((c) => c.id === claim.commentator);
		const option = scenario.options.find((o) => o.id === claim.option);
		const all = [
			claim.consequence,
			claim.quote.exact,
			claim.stance,
			person?.name,
			person?.role,
			person?.affiliation,
			option?.label
		];
		return words.every((word) => all.some((field) => field?.toLowerCase().includes(word)));
	});
}

describe('quick search', () => {
	it('finds the claims whose text holds the query, as the plain definition does', () => {
		fc.assert(
			fc.property(arbitraryScenario, fc.nat(), fc.nat(), text, (scenario, at, length, other) => {
				// A piece of some claim's text (so there are hits), and an arbitrary string.
				const claim = scenario.claims[at % Math.max(1, scenario.claims.length)];
				const field = claim ? `${claim.consequence}${claim.quote.exact}` : '';
				const start = at % Math.max(1, field.length);
				const piece = field.slice(start, start + 1 + (length % 12));
				for (const query of [piece, piece.toUpperCase(), other]) {
					if (/\s/.test(query)) continue; // words; several words are tested below
					const got = applyFilters(scenario, { ...NO_FILTERS, query }).map((c) => c.id);
					expect(got).toEqual(plainSearch(scenario, query).map((c) => c.id));
				}
			}),
			{ numRuns: 150 }
		);
	});

	it('several words: each must appear, in any order, in any of the fields', () => {
		fc.assert(
			fc.property(arbitraryScenario, fc.nat(), fc.nat(), (scenario, at, other) => {
				const claim = scenario.claims[at % Math.max(1, scenario.claims.length)];
				if (!claim) return;
				const person = scenario.commentators.find((c) => c.id === claim.commentator)!;
				const words = [claim.consequence.slice(0, 3), person.name.slice(1, 4)]
					.map((w) => w.trim())
					.filter((w) => w && !/\s/.test(w));
				const query = words.reverse().join('  ');
				const got = applyFilters(scenario, { ...NO_FILTERS, query }).map((c) => c.id);
				expect(got).toEqual(plainSearch(scenario, query).map((c) => c.id));
				if (words.length > 0) expect(got).toContain(claim.id);
				const shifted = scenario.claims[other % scenario.claims.length]!.quote.exact.slice(0, 5);
				if (!/\s/.test(shifted))
					expect(
						applyFilters(scenario, { ...NO_FILTERS, query: `${query} ${shifted}` }).map((c) => c.id)
					).toEqual(plainSearch(scenario, `${query} ${shifted}`).map((c) => c.id));
			}),
			{ numRuns: 100 }
		);
	});

	it('"Tomahawk" on the reference scenario: only claims about Tomahawks or naming them', () => {
		const ref = load('scenarios/ukraine-war-2025.yaml');
		const got = applyFilters(ref, { ...NO_FILTERS, query: 'Tomahawk' });
		const labels = new Map(ref.options.map((o) => [o.id, o.label]));
		const about = (c: Claim) =>
			/tomahawk/i.test(labels.get(c.option)!) ||
			/tomahawk/i.test(c.consequence) ||
			/tomahawk/i.test(c.quote.exact);
		expect(got.length).toBeGreaterThan(0);
		for (const claim of got) expect(about(claim), claim.id).toBe(true);
		expect(got.map((c) => c.id)).toEqual(ref.claims.filter(about).map((c) => c.id));
		// A source title that holds the word pulls in nothing by itself.
		const titled = ref.sources.filter((s) => /tomahawk/i.test(s.title)).map((s) => s.id);
		const bySourceOnly = ref.claims.filter((c) => titled.includes(c.source) && !about(c));
		for (const claim of bySourceOnly) expect(got).not.toContain(claim);
	});

	it('combines with the other filters, and a date range, as before', () => {
		const filters: Filters = { ...NO_FILTERS, query: 'a', stances: ['support'], to: '2024-04-01' };
		const got = applyFilters(mini, filters);
		expect(got.length).toBeGreaterThan(0);
		for (const claim of got) expect(claim.stance).toBe('support');
		expect(got.map((c) => c.id)).toEqual(
			plainSearch(mini, 'a')
				.filter((c) => c.stance === 'support')
				.filter((c) => applyFilters(mini, { ...NO_FILTERS, to: '2024-04-01' }).includes(c))
				.map((c) => c.id)
		);
	});
});

describe('marking what a search matched', () => {
	it('runs join back into the text and mark every occurrence of every word, any case', () => {
		const terms = queryTerms('  tomahawk  US ');
		expect(terms).toEqual(['tomahawk', 'us']);
		const runs = highlightRuns('Tomahawks for US? thus tomahawk.', terms);
		expect(runs.map((r) => r.text).join('')).toBe('Tomahawks for US? thus tomahawk.');
		expect(runs.filter((r) => r.match).map((r) => r.text)).toEqual([
			'Tomahawk',
			'US',
			'us',
			'tomahawk'
		]);
		expect(highlightRuns('no terms', [])).toEqual([{ text: 'no terms', match: false }]);
	});

	it('property: the runs always rebuild the text, and marked runs hold a term', () => {
		fc.assert(
			fc.property(fc.string(), fc.string(), (text, query) => {
				const terms = queryTerms(query);
				const runs = highlightRuns(text, terms);
				expect(runs.map((r) => r.text).join('')).toBe(text);
				for (const run of runs)
					if (run.match)
						expect(
							terms.some(
								(t) => run.text.toLowerCase().includes(t) || t.includes(run.text.toLowerCase())
							)
						).toBe(true);
			})
		);
	});
});

describe('claims table under a search', () => {
	it('keeps every row and its columns, and names the rows to show', () => {
		const all = gridData('claims', mini, mini.claims, NO_FILTERS, settings);
		expect(all.shown).toBeNull();
		expect(all.rowCount).toBe(mini.claims.length);
		expect(all.rows.map((r) => r.id)).toEqual(mini.claims.map((c) => c.id));

		const filters = { ...NO_FILTERS, query: 'grant' };
		const claims = applyFilters(mini, filters);
		const searched = gridData('claims', mini, claims, filters, settings);
		// The same row objects and column definitions: ag-grid only filters again.
		expect(searched.rows).toBe(all.rows);
		expect(searched.columnDefs).toBe(all.columnDefs);
		expect([...searched.shown!]).toEqual(claims.map((c) => c.id));
		expect(searched.rowCount).toBe(claims.length);
	});

	it('builds new columns when the column choice or sizing changes', () => {
		const base = gridData('claims', mini, mini.claims, NO_FILTERS, settings);
		const fewer = gridData('claims', mini, mini.claims, NO_FILTERS, {
			...settings,
			columns: ['stance', 'quote']
		});
		expect(fewer.columnDefs).not.toBe(base.columnDefs);
		const large = gridData('claims', mini, mini.claims, NO_FILTERS, {
			...settings,
			sizing: { scale: 1.3, narrow: false }
		});
		expect(large.columnDefs).not.toBe(fewer.columnDefs);
		expect(large.columnDefs[0]).not.toEqual(base.columnDefs[0]);
	});

	it('other views hand over only the rows to show', () => {
		const filters = { ...NO_FILTERS, stances: ['oppose' as const] };
		const claims = applyFilters(mini, filters);
		for (const view of ['matrix', 'transpose', 'dimensions'] as const) {
			const data = gridData(view, mini, claims, filters, settings);
			expect(data.shown).toBeNull();
			expect(data.rowCount).toBe(data.rows.length);
		}
	});
});
