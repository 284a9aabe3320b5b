/** The printable brief's model: matrix turned to fit, short consequences, finding, citations. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { optionStats } from '../../src/lib/analysis/option-stats';
import { brief, headline, SHORT_CONSEQUENCE, shorten } from '../../src/lib/export/brief';
import { loadScenario } from '../../src/lib/scenario/load';
import type { Scenario } from '../../src/lib/scenario/schema';
import { NO_FILTERS } from '../../src/lib/view/filters';
import { screenInput } from './screen-input';

function load(file: string): Scenario {
	const result = loadScenario(readFileSync(file, 'utf8'), file);
	if (!result.ok) throw new Error(`${file} does not load`);
	return result.scenario;
}
const mini = load('tests/fixtures/scenarios/mini.yaml');

describe('shorten', () => {
	it('keeps short text, flattening whitespace', () => {
		expect(shorten('  a\n b  ', 10)).toBe('a b');
	});
	it('cuts at a word boundary and marks the cut', () => {
		expect(shorten('The quick brown fox jumps over the lazy dog', 20)).toBe('The quick brown fox…');
		expect(shorten('Tougher, economic pressure', 10)).toBe('Tougher…');
		expect(shorten('Supercalifragilistic', 8)).toBe('Superca…');
		for (const n of [8, 12, 20, 34])
			expect(shorten('one two three four five six seven eight nine', n).length).toBeLessThanOrEqual(
				n
			);
	});
});

describe('brief from the mini fixture', () => {
	const model = brief({ scenario: mini });

	it('turns the matrix so the shorter list runs across', () => {
		expect(model.rowsAre).toBe('commentators');
		expect(model.columns.map((c) => c.id)).toEqual(mini.options.map((o) => o.id));
		// Rows are the screen's columns: each commentator under the source that quotes them.
		expect(model.rows.map((r) => r.id)).toEqual([
			'gazette-2024~ana-nunez',
			'council-notes~treasurer',
			'council-notes~resident'
		]);
		expect(model.turned).toBe(true);
		// rows[commentator][option]: Ana Núñez on dimming opposes.
		const ana = model.cells[0]!;
		expect(ana[1]!.stance).toBe('oppose');
		expect(ana[1]!.entries[0]).toMatchObject({ symbol: '▼', letter: 'O', word: 'Opposes' });
		expect(ana[2]!.stance).toBeNull();
	});

	it('keeps options as rows when there are more options than commentators', () => {
		const wide = brief(
			screenInput(mini, { ...NO_FILTERS, commentators: ['treasurer', 'resident'] })
		);
		expect(wide.rowsAre).toBe('options');
		expect(wide.turned).toBe(false);
		expect(wide.columns.map((c) => c.id)).toEqual([
			'council-notes~treasurer',
			'council-notes~resident'
		]);
		expect(wide.cells[1]![1]!.stance).toBe('oppose');
	});

	it('shortens consequences, keeping the full text alongside', () => {
		for (const row of model.cells)
			for (const cell of row)
				for (const entry of cell.entries) {
					expect(entry.short.length).toBeLessThanOrEqual(SHORT_CONSEQUENCE);
					expect(entry.full.replace(/\s+/g, ' ').startsWith(entry.short.replace(/…$/, ''))).toBe(
						true
					);
				}
	});

	it('numbers citations through, grouped by source, and the cells point to them', () => {
		expect(model.sources.map((s) => s.id)).toEqual(['gazette-2024', 'council-notes']);
		const numbers = model.sources.flatMap((s) => s.citations.map((c) => c.number));
		expect(numbers).toEqual([1, 2, 3, 4, 5]);
		const byNumber = new Map(
			model.sources.flatMap((s) => s.citations.map((c) => [c.number, c] as const))
		);
		for (const row of model.cells)
			for (const cell of row)
				for (const entry of cell.entries)
					expect(mini.claims.find((c) => c.consequence === entry.full)!.quote.exact).toBe(
						byNumber.get(entry.citation)!.quote
					);
		expect(model.sources[0]!.address).toBe('https://example.org/gazette/lights');
		expect(model.sources[1]!.address).toBeNull();
		expect(model.sources[1]!.date).toBe('2024-04 (inferred)');
		expect(model.sources[1]!.authors).toBe('authors not stated');
		expect(model.sources[0]!.citations[0]!.passage).toMatch(/#:~:text=/);
	});

	it('states the finding with n, and names options too thinly or not addressed', () => {
		expect(model.headline).toEqual([
			'Most contested: Dimming after midnight: 1 support, 0 conditional, 2 oppose (n = 3, agreement A = −0.33).',
			'Most agreed: LED retrofit: 1 support, 1 conditional, 0 oppose (n = 2, agreement A = 0.50).',
			'Addressed by no commentator in view: Keep things as they are.'
		]);
		expect(model.ranking.map((r) => r.stat.id)).toEqual(['dimming', 'led-retrofit', 'status-quo']);
		const dimming = model.ranking[0]!;
		expect(dimming.segments).toEqual([
			{ stance: 'support', count: 1, from: 0, share: 1 / 3 },
			{ stance: 'oppose', count: 2, from: 1 / 3, share: 2 / 3 }
		]);
		expect(model.ranking[2]!.segments).toEqual([]);
	});

	it('follows the view: claims, options and commentators in view only', () => {
		const view = brief(
			screenInput(mini, { ...NO_FILTERS, sources: ['council-notes'], options: ['dimming'] })
		);
		expect(view.claims).toBe(2);
		expect(view.sources.map((s) => s.id)).toEqual(['council-notes']);
		expect(view.filters).toEqual(['Options: Dimming after midnight', 'Sources: Council notes']);
		expect(view.ranking.map((r) => r.stat.id)).toEqual(['dimming']);
	});
});

describe('headline', () => {
	it('does not present a single voice as agreement', () => {
		const stats = optionStats(
			mini,
			mini.claims.filter((c) => c.commentator === 'treasurer')
		);
		const lines = headline(stats);
		expect(lines[0]).toBe(
			'No option in view has positions from 2 or more commentators to compare.'
		);
		expect(lines[1]).toBe(
			'Addressed by one commentator only: LED retrofit; Dimming after midnight.'
		);
	});
});

describe('brief from the reference scenario', () => {
	it('cites every claim exactly once, numbered 1..n', () => {
		const scenario = load('scenarios/ukraine-war-2025.yaml');
		const model = brief({ scenario });
		const numbers = model.sources.flatMap((s) => s.citations.map((c) => c.number));
		expect(numbers).toEqual(scenario.claims.map((_, i) => i + 1));
		const inCells = model.cells.flat().flatMap((cell) => cell.entries.map((e) => e.citation));
		expect([...inCells].sort((a, b) => a - b)).toEqual(numbers);
	});
});
