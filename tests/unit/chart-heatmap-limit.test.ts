import { describe, expect, it } from 'vitest';
import { camps } from '../../src/lib/analysis/camps';
import { pairStats } from '../../src/lib/analysis/pairs';
import {
	HEATMAP_LIMIT,
	heatmapConfig,
	heatmapModel,
	heatmapSpec,
	positionCounts
} from '../../src/lib/charts/agreement-heatmap';
import { PLAIN_LIGHT_THEME as THEME } from '../../src/lib/charts/theme';
import { syntheticScenario } from '../bench/synthetic';

describe('agreement heatmap on many commentators', () => {
	// 100 commentators: above the limit, small enough for a unit test.
	const scenario = syntheticScenario({ options: 20, commentators: 100, claims: 900 });
	const pairs = pairStats(scenario);
	const activity = positionCounts(scenario.claims);
	const model = heatmapModel(scenario.commentators, pairs, camps(scenario), activity);

	it('draws only the most active commentators, and says so in the title', () => {
		expect(model.everyone).toHaveLength(100);
		expect(model.people).toHaveLength(HEATMAP_LIMIT);
		expect(model.cells).toHaveLength(HEATMAP_LIMIT ** 2);
		const least = Math.min(...model.people.map((p) => activity.get(p.id) ?? 0));
		const shown = new Set(model.people.map((p) => p.id));
		for (const person of model.everyone) {
			if (!shown.has(person.id)) expect(activity.get(person.id) ?? 0).toBeLessThanOrEqual(least);
		}
		expect(
			model.title.startsWith('Showing the 60 of 100 commentators with the most positions. ')
		).toBe(true);
	});

	it('keeps camp order, and outlines only the shown members of each camp', () => {
		const order = model.everyone.map((p) => p.id);
		const places = model.people.map((p) => order.indexOf(p.id));
		expect(places).toEqual([...places].sort((a, b) => a - b));
		for (const camp of model.camps) {
			const inCamp = model.people.flatMap((p, i) => (camp.members.includes(p.id) ? [i] : []));
			if (inCamp.length === 0) expect(camp.to).toBeLessThan(camp.from);
			else expect([camp.from, camp.to]).toEqual([inCamp[0], inCamp[inCamp.length - 1]]);
		}
	});

	it('counts the pairs without shared options among everyone, not only those drawn', () => {
		const ids = new Set(model.everyone.map((p) => p.id));
		const shared = pairs.filter((p) => p.agreement !== null && ids.has(p.a) && ids.has(p.b));
		expect(model.totalPairs).toBe(4950);
		expect(model.noSharedPairs).toBe(4950 - shared.length);
		expect(model.pairs).toHaveLength((HEATMAP_LIMIT * (HEATMAP_LIMIT - 1)) / 2);
	});

	it('hands chart.js category indexes, unparsed, and no animation', () => {
		const config = heatmapConfig(model, THEME);
		const dataset = config.data.datasets[0]!;
		expect(dataset.parsing).toBe(false);
		expect(dataset.data[HEATMAP_LIMIT + 2]).toEqual({ x: 2, y: 1 });
		expect(config.options?.animation).toBe(false);
		expect(heatmapSpec(model).height).toBe(90 + HEATMAP_LIMIT * 30);
	});

	it('shows everyone at or below the limit', () => {
		const all = heatmapModel(scenario.commentators, pairs, camps(scenario), activity, 100);
		expect(all.people).toEqual(all.everyone);
		expect(all.title).not.toMatch(/^Showing/);
	});
});
