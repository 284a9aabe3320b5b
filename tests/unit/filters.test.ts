import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/lib/scenario/load';
import { applyFilters, describeFilters, isFiltered, NO_FILTERS } from '../../src/lib/view/filters';

const FILE = 'tests/fixtures/scenarios/mini.yaml';
const loaded = loadScenario(readFileSync(FILE, 'utf8'), FILE);
if (!loaded.ok) throw new Error('fixture');
const mini = loaded.scenario;
const ids = (filters: Partial<typeof NO_FILTERS>) =>
	applyFilters(mini, { ...NO_FILTERS, ...filters }).map((c) => c.id);

describe('applyFilters', () => {
	it('returns every claim, in scenario order, with no filter', () => {
		expect(isFiltered(NO_FILTERS)).toBe(false);
		expect(ids({})).toEqual(mini.claims.map((c) => c.id));
	});

	it('filters by stance, option, commentator, source, kind and dimension', () => {
		expect(ids({ stances: ['oppose'] })).toEqual(['nunez-dimming', 'resident-dimming']);
		expect(ids({ options: ['led-retrofit'] })).toEqual(['nunez-led', 'treasurer-led']);
		expect(ids({ commentators: ['treasurer'] })).toEqual(['treasurer-led', 'treasurer-dimming']);
		expect(ids({ sources: ['gazette-2024'] })).toEqual(['nunez-led', 'nunez-dimming']);
		expect(ids({ kinds: ['unnamed'] })).toEqual(['resident-dimming']);
		expect(ids({ dimensions: ['cost'] })).toEqual([
			'nunez-led',
			'treasurer-led',
			'treasurer-dimming'
		]);
	});

	it('treats a month-only date as the whole month', () => {
		// council-notes is dated "2024-04"; the gazette "2024-04-02".
		expect(ids({ from: '2024-04-15' })).toEqual([
			'treasurer-led',
			'treasurer-dimming',
			'resident-dimming'
		]);
		expect(ids({ to: '2024-04-01' })).toEqual([
			'treasurer-led',
			'treasurer-dimming',
			'resident-dimming'
		]);
		expect(ids({ from: '2024-05' })).toEqual([]);
	});

	it('searches quotes, consequences and names, ignoring case', () => {
		expect(ids({ query: 'GRANT' })).toEqual(['treasurer-led']);
		expect(ids({ query: 'núñez' })).toEqual(['nunez-led', 'nunez-dimming']);
		expect(ids({ query: 'town gazette' })).toEqual(['nunez-led', 'nunez-dimming']);
		expect(ids({ query: '  ' })).toEqual(mini.claims.map((c) => c.id));
	});

	it('combines filters with AND', () => {
		expect(ids({ stances: ['oppose'], query: 'walk' })).toEqual(['resident-dimming']);
	});

	it('describes the filters in words', () => {
		expect(
			describeFilters(mini, {
				...NO_FILTERS,
				options: ['dimming'],
				stances: ['oppose'],
				query: 'dark'
			})
		).toEqual(['Options: Dimming after midnight', 'Stances: oppose', 'Search: "dark"']);
	});
});
