import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TooltipItem } from 'chart.js';
import { camps } from '../../src/lib/analysis/camps';
import { optionStats } from '../../src/lib/analysis/option-stats';
import { pairStats } from '../../src/lib/analysis/pairs';
import {
	cellText,
	heatmapConfig,
	heatmapModel,
	heatmapPick,
	heatmapSpec
} from '../../src/lib/charts/agreement-heatmap';
import {
	rankingConfig,
	rankingModel,
	rankingPick,
	rankingTitle
} from '../../src/lib/charts/ranking';
import {
	BREAKDOWN_DATASETS,
	breakdownConfig,
	breakdownModel,
	breakdownPick,
	breakdownTitle
} from '../../src/lib/charts/stance-breakdown';
import { PLAIN_LIGHT_THEME as THEME } from '../../src/lib/charts/theme';
import {
	STANCE_OFFSET,
	timelineConfig,
	timelineModel,
	timelinePick
} from '../../src/lib/charts/timeline';
import { STANCES, type Claim, type Scenario, type Stance } from '../../src/lib/scenario/schema';
import { applyFilters, NO_FILTERS } from '../../src/lib/view/filters';
import { arbitraryScenario } from './arbitrary-scenario';

/**
 * Four commentators, four options, two sources.
 *   Talks: Ann support + oppose (mixed, mean 0 -> conditional), Bob support, Cat oppose.
 *   Sanctions: Ann, Bob, Cat support.   Aid: Dan conditional, Bob oppose.   Quiet: nobody.
 * Sources: s1 (Outlet One, 2025-01-05) carries Ann's and Bob's claims; s2 (Outlet Two, 2025-02,
 * inferred) Cat's and Dan's.
 */
const ROWS: Array<[string, string, string, Stance, string]> = [
	['ann-talks-1', 'talks', 'ann', 'support', 's1'],
	['ann-talks-2', 'talks', 'ann', 'oppose', 's1'],
	['bob-talks', 'talks', 'bob', 'support', 's1'],
	['cat-talks', 'talks', 'cat', 'oppose', 's2'],
	['ann-sanctions', 'sanctions', 'ann', 'support', 's1'],
	['bob-sanctions', 'sanctions', 'bob', 'support', 's1'],
	['cat-sanctions', 'sanctions', 'cat', 'support', 's2'],
	['dan-aid', 'aid', 'dan', 'conditional', 's2'],
	['bob-aid', 'aid', 'bob', 'oppose', 's1']
];

const SCENARIO: Scenario = {
	meta: {
		id: 'chart-fixture',
		title: 'Chart fixture',
		question: 'What works?',
		as_of: '2025-03',
		coded_by: 'tests',
		method: 'Hand-built for chart tests.'
	},
	dimensions: [{ id: 'peace', label: 'Peace', goal: 'more peace' }],
	options: [
		{ id: 'talks', label: 'Talks', description: 'Talk.' },
		{ id: 'sanctions', label: 'Sanctions', description: 'Sanction.' },
		{ id: 'aid', label: 'Aid', description: 'Aid.' },
		{ id: 'quiet', label: 'Quiet option', description: 'Nobody mentions it.' }
	],
	sources: [
		{
			id: 's1',
			outlet: 'Outlet One',
			title: 'First',
			date: '2025-01-05',
			date_inferred: false,
			authors: 'not stated',
			kind: 'analysis',
			url: 'https://example.org/1'
		},
		{
			id: 's2',
			outlet: 'Outlet Two',
			title: 'Second',
			date: '2025-02',
			date_inferred: true,
			authors: 'not stated',
			kind: 'op-ed',
			url: 'not stated'
		}
	],
	commentators: ['Ann', 'Bob', 'Cat', 'Dan'].map((name) => ({
		id: name.toLowerCase(),
		name,
		role: 'not stated',
		affiliation: 'not stated',
		kind: 'analyst' as const
	})),
	claims: ROWS.map(([id, option, commentator, stance, source]): Claim => ({
		id,
		option,
		commentator,
		source,
		stance,
		consequence: `consequence ${id}`,
		effects: [{ dimension: 'peace', direction: 'unclear' }],
		quote: { exact: `quote ${id}`, prefix: '', suffix: '' }
	}))
};
const NAMES = new Map(SCENARIO.commentators.map((c) => [c.id, c.name]));

function tooltipItem<T extends 'bar' | 'bubble' | 'matrix'>(
	datasetIndex: number,
	dataIndex: number
): TooltipItem<T> {
	return { datasetIndex, dataIndex } as TooltipItem<T>;
}

describe('stance breakdown', () => {
	const model = breakdownModel(optionStats(SCENARIO));

	it('ranks options most contested first and sets aside options nobody addresses', () => {
		// Talks (1, 1, 1): A = 0; Aid (1 oppose, 1 conditional): A = 0.5; Sanctions all support: 1.
		expect(model.rows.map((r) => r.id)).toEqual(['talks', 'aid', 'sanctions']);
		expect(model.silent.map((r) => r.id)).toEqual(['quiet']);
		expect(model.rows.map((r) => r.agreement)).toEqual([0, 0.5, 1]);
	});

	it('builds diverging data: oppose negative, conditional split across zero, support positive', () => {
		const config = breakdownConfig(model, THEME, NAMES);
		const data = config.data.datasets.map((d) => d.data);
		expect(BREAKDOWN_DATASETS).toEqual(['conditional', 'conditional', 'oppose', 'support']);
		// rows: talks (O1 C1 S1), aid (O1 C1 S0), sanctions (S3)
		expect(data).toEqual([
			[-0.5, -0.5, 0],
			[0.5, 0.5, 0],
			[-1, -1, 0],
			[1, 0, 3]
		]);
		// Symmetric axis wide enough for the longest side: sanctions' 3 support.
		expect(config.options?.scales?.x?.min).toBe(-3);
		expect(config.options?.scales?.x?.max).toBe(3);
		expect(config.data.labels).toEqual([['Talks (n=3)'], ['Aid (n=2)'], ['Sanctions (n=3)']]);
	});

	it('states the finding from the data', () => {
		expect(model.title).toBe(
			'Support outweighs opposition on 1 of 3 options, opposition outweighs support on 1, and 1 is evenly split'
		);
		expect(breakdownTitle([])).toBe('No positions on any option in this view');
	});

	it('labels each non-empty segment with symbol and count (conditional on the zero line)', () => {
		const labels = breakdownConfig(model, THEME, NAMES).options?.plugins?.sgLabels?.labels ?? [];
		expect(labels.map((l) => [l.dataset, l.index, l.text, l.at])).toEqual([
			[3, 0, '▲ 1', 'center'],
			[0, 0, '◆ 1', 'base'],
			[2, 0, '▼ 1', 'center'],
			[0, 1, '◆ 1', 'base'],
			[2, 1, '▼ 1', 'center'],
			[3, 2, '▲ 3', 'center']
		]);
	});

	it('names who is behind a segment in the tooltip', () => {
		const callbacks = breakdownConfig(model, THEME, NAMES).options?.plugins?.tooltip?.callbacks;
		const item = tooltipItem<'bar'>(3, 2);
		expect(callbacks?.label?.call(null as never, item)).toBe('Supports: 3 of 3');
		expect(callbacks?.afterLabel?.call(null as never, item)).toEqual(['Ann, Bob and Cat']);
	});

	it('maps a click on a segment to option + stance, and an empty segment to nothing', () => {
		expect(breakdownPick(model, { datasetIndex: 3, index: 2 })).toEqual({
			options: ['sanctions'],
			stances: ['support']
		});
		// Both conditional halves mean the same claims.
		expect(breakdownPick(model, { datasetIndex: 0, index: 0 })).toEqual({
			options: ['talks'],
			stances: ['conditional']
		});
		expect(breakdownPick(model, { datasetIndex: 1, index: 0 })).toEqual(
			breakdownPick(model, { datasetIndex: 0, index: 0 })
		);
		expect(breakdownPick(model, { datasetIndex: 3, index: 1 })).toBeNull(); // aid: no support
		expect(breakdownPick(model, { datasetIndex: 2, index: 9 })).toBeNull();
	});

	it('recomputes from a filtered set of claims', () => {
		const claims = applyFilters(SCENARIO, { ...NO_FILTERS, sources: ['s1'] });
		const filtered = breakdownModel(optionStats(SCENARIO, claims));
		// Only Ann and Bob remain: talks (Ann mixed -> conditional, Bob support: A = 0.5),
		// sanctions (Ann, Bob support: A = 1, n = 2), aid (Bob oppose: A = 1, n = 1). The tie at
		// A = 1 goes to the larger n.
		expect(filtered.rows.map((r) => [r.id, r.support, r.conditional, r.oppose, r.n])).toEqual([
			['talks', 1, 1, 0, 2],
			['sanctions', 2, 0, 0, 2],
			['aid', 0, 0, 1, 1]
		]);
	});
});

describe('contested-to-agreed ranking', () => {
	const model = rankingModel(optionStats(SCENARIO));

	it('lists A per option with n in the label, most contested first, thin options last', () => {
		const config = rankingConfig(model, THEME);
		expect(config.data.labels).toEqual([['Talks (n=3)'], ['Sanctions (n=3)'], ['Aid (n=2)']]);
		expect(config.data.datasets[0]!.data).toEqual([0, 1, 0.5]);
		// Aid has fewer than 3 positions: the lighter, hatched fill, after the ranked options.
		expect(config.data.datasets[0]!.backgroundColor).toEqual([
			THEME.rankFill,
			THEME.rankFill,
			THEME.rankFillFew
		]);
	});

	it('names the most contested and most agreed, leaving out options with few positions', () => {
		expect(model.title).toBe(
			'Most contested: Talks (A = 0.00, n = 3); most agreed: Sanctions (A = 1.00, n = 3)'
		);
		const row = (id: string, n: number, agreement: number) => ({
			id,
			label: id,
			n,
			agreement,
			support: 0,
			conditional: 0,
			oppose: 0
		});
		expect(rankingTitle([row('a', 1, 1), row('b', 2, -1)])).toBe(
			'Every option has fewer than 3 positions: too few to say which is most contested'
		);
		expect(rankingTitle([row('x', 4, -0.4), row('y', 1, 1)])).toBe(
			'Only one option has 3 or more positions: x (A = −0.40, n = 4)'
		);
	});

	it('maps a click on a bar to that option', () => {
		expect(rankingPick(model, { datasetIndex: 0, index: 2 })).toEqual({ options: ['aid'] });
		expect(rankingPick(model, { datasetIndex: 0, index: 7 })).toBeNull();
	});
});

describe('agreement heatmap', () => {
	const model = heatmapModel(SCENARIO.commentators, pairStats(SCENARIO), camps(SCENARIO));

	it('orders people by camp and codes them by camp letter', () => {
		// Distances 1 - agreement: Ann-Bob 0.25, Ann-Cat 0.25, Bob-Cat 0.5, Bob-Dan 0.5; no overlap
		// (Ann-Dan, Cat-Dan) 0.5. Ann+Bob merge at 0.25, then Cat at (0.25 + 0.5) / 2 = 0.375,
		// then Dan at 0.5, which is not below the cut: camps {Ann, Bob, Cat} and {Dan}.
		expect(model.people.map((p) => `${p.code} ${p.name}`)).toEqual([
			'A1 Ann',
			'A2 Bob',
			'A3 Cat',
			'B1 Dan'
		]);
		expect(model.camps.map((c) => [c.letter, c.from, c.to])).toEqual([
			['A', 0, 2],
			['B', 3, 3]
		]);
	});

	it('keeps "no shared options" apart from 0, in values, labels and fills', () => {
		const cell = (a: string, b: string) => model.cells.find((c) => c.a === a && c.b === b)!;
		// Ann-Bob: talks 1 - |0 - 1| / 2 = 0.5, sanctions 1: mean 0.75 over n = 2.
		expect(cell('ann', 'bob')).toMatchObject({ n: 2, agreement: 0.75 });
		// Bob-Cat: talks support vs oppose = 0, sanctions 1: 0.5.
		expect(cell('cat', 'bob')).toMatchObject({ n: 2, agreement: 0.5 });
		expect(cell('ann', 'dan')).toMatchObject({ n: 0, agreement: null });
		expect(cellText(cell('ann', 'dan'))).toBe('–');
		expect(cellText(cell('ann', 'bob'))).toBe('0.75');
		expect(cellText(cell('ann', 'ann'))).toBe('');
		const config = heatmapConfig(model, THEME);
		const fills = config.data.datasets[0]!.backgroundColor as string[];
		const index = model.cells.indexOf(cell('ann', 'dan'));
		expect(fills[index]).toBe(THEME.noData);
		// The value 0.75 is drawn as a colour on the scale, not the no-data fill.
		expect(fills[model.cells.indexOf(cell('ann', 'bob'))]).not.toBe(THEME.noData);
		expect(config.options?.plugins?.sgLabels?.blocks).toEqual([{ from: 0, to: 2 }]);
	});

	it('states the camps and the gaps in the title', () => {
		// Camp A's pairs: Ann-Bob 0.75, Ann-Cat 0.75, Bob-Cat 0.5: mean 2/3.
		expect(model.title).toBe(
			'One camp: A, Ann · Bob · Cat (3 commentators, mean agreement 0.67); 2 of 6 pairs share no option'
		);
		expect(heatmapSpec(model).notes).toContain('A: Ann, Bob, Cat (mean agreement 0.67)');
		expect(heatmapSpec(model).notes).toContain('B: Dan (on their own)');
	});

	it('maps a click on a cell to both commentators, and the diagonal to one', () => {
		const at = (y: number, x: number) => y * model.people.length + x;
		expect(heatmapPick(model, { datasetIndex: 0, index: at(0, 3) })).toEqual({
			commentators: ['ann', 'dan']
		});
		expect(heatmapPick(model, { datasetIndex: 0, index: at(1, 1) })).toEqual({
			commentators: ['bob']
		});
	});

	it('says so when there is nobody to compare', () => {
		const claims = applyFilters(SCENARIO, { ...NO_FILTERS, commentators: ['dan'] });
		const alone = heatmapModel(
			SCENARIO.commentators,
			pairStats(SCENARIO, claims),
			camps(SCENARIO, claims)
		);
		expect(alone.title).toBe('Fewer than two commentators in view: no pairs to compare');
		const two = applyFilters(SCENARIO, { ...NO_FILTERS, commentators: ['ann', 'bob'] });
		expect(
			heatmapModel(SCENARIO.commentators, pairStats(SCENARIO, two), camps(SCENARIO, two)).title
		).toBe(
			'One camp: A, Ann · Bob (2 commentators, mean agreement 0.75); every pair shares at least one option'
		);
	});
});

describe('timeline', () => {
	const model = timelineModel(SCENARIO, SCENARIO.claims);

	it('groups claims by date, option and stance, counting claims', () => {
		expect(model.dates.map((d) => [d.date, d.inferred, d.outlets])).toEqual([
			['2025-01-05', false, ['Outlet One']],
			['2025-02', true, ['Outlet Two']]
		]);
		expect(model.options.map((o) => o.id)).toEqual(['talks', 'sanctions', 'aid']);
		expect(model.points.support.map((p) => [p.date, p.option, p.count])).toEqual([
			[0, 0, 2],
			[0, 1, 2],
			[1, 1, 1]
		]);
		expect(model.points.oppose.map((p) => [p.date, p.option, p.count])).toEqual([
			[0, 0, 1],
			[0, 2, 1],
			[1, 0, 1]
		]);
		expect(model.points.conditional.map((p) => [p.date, p.option, p.count])).toEqual([[1, 2, 1]]);
	});

	it('places points by date index and option, offset by stance, with stance shapes', () => {
		const config = timelineConfig(model, THEME, NAMES);
		const [support, conditional, oppose] = config.data.datasets;
		expect(support!.data.map((p) => [p.x, p.y])).toEqual([
			[0 + STANCE_OFFSET.support, 0],
			[0 + STANCE_OFFSET.support, 1],
			[1 + STANCE_OFFSET.support, 1]
		]);
		expect([support!.pointStyle, conditional!.pointStyle, oppose!.pointStyle]).toEqual([
			'triangle',
			'rectRot',
			'triangle'
		]);
		expect(oppose!.rotation).toBe(180);
		// Bigger count, bigger point.
		expect(support!.data[0]!.r).toBeGreaterThan(support!.data[2]!.r ?? Infinity);
	});

	it('states the span and the busiest date', () => {
		expect(model.title).toBe(
			'9 claims from 2 sources dated 2025-01-05 to 2025-02 (inferred); the most (6) from Outlet One, 2025-01-05'
		);
		expect(timelineModel(SCENARIO, []).title).toBe('No claims in this view');
	});

	it('maps a click on a point to its option, sources and stance', () => {
		expect(timelinePick(model, { datasetIndex: 0, index: 0 })).toEqual({
			options: ['talks'],
			sources: ['s1'],
			stances: ['support']
		});
		const patch = timelinePick(model, { datasetIndex: 2, index: 2 })!;
		expect(patch).toEqual({ options: ['talks'], sources: ['s2'], stances: ['oppose'] });
		// The filter finds exactly the point's claims.
		expect(applyFilters(SCENARIO, { ...NO_FILTERS, ...patch }).map((c) => c.id)).toEqual([
			'cat-talks'
		]);
	});
});

describe('the ranking chart’s title names its top bar (property)', () => {
	it('under any filter, the option called most contested is the first bar', () => {
		fc.assert(
			fc.property(
				arbitraryScenario.chain((scenario) =>
					fc.record({
						scenario: fc.constant(scenario),
						stances: fc.subarray([...STANCES]),
						sources: fc.subarray(scenario.sources.map((s) => s.id))
					})
				),
				({ scenario, stances, sources }) => {
					const claims = applyFilters(scenario, { ...NO_FILTERS, stances, sources });
					const model = rankingModel(optionStats(scenario, claims));
					const named =
						/^(?:Most contested|Only one option has \d+ or more positions): (.*?) \(A = /.exec(
							model.title
						);
					if (named) expect(named[1]).toBe(model.rows[0]!.label);
				}
			),
			{ numRuns: 200 }
		);
	});
});
