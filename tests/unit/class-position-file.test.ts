import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { positionFile } from '../../src/lib/analysis/my-position';
import {
	positionAnswers,
	positionFileExplained,
	readPositionFile
} from '../../src/lib/class/position-file';
import { loadScenario } from '../../src/lib/scenario/load';

const FILE = 'scenarios/ukraine-war-2025.yaml';
const loaded = loadScenario(readFileSync(FILE, 'utf8'), FILE);
if (!loaded.ok) throw new Error('scenario does not load');
const scenario = loaded.scenario;
const mine = {
	stances: { 'sanctions-tariffs': 'support' as const, 'direct-diplomacy': 'oppose' as const },
	reasons: { 'sanctions-tariffs': 'pressure works' }
};
const text = JSON.stringify(
	positionFile(scenario, mine, new Date('2026-12-01T09:30:00Z')),
	null,
	2
);

describe('position files', () => {
	it('recognises what "Download my position" writes and reads it back', () => {
		const read = readPositionFile(text);
		expect(read).toEqual({
			kind: 'position',
			position: {
				scenario: scenario.meta.id,
				scenarioTitle: scenario.meta.title,
				exportedAt: '2026-12-01T09:30:00.000Z',
				stances: mine.stances,
				reasons: mine.reasons
			}
		});
		const explained = positionFileExplained(
			'me.json',
			read as Exclude<typeof read, { kind: 'other' }>
		);
		expect(explained.title).toBe(
			'me.json is a Stancegrid position file, not a scenario. The scenario on screen is unchanged.'
		);
		expect(explained.lines[0]).toContain('stance on 2 options');
		expect(explained.lines[1]).toContain('/class');
	});

	it('reports a damaged position file as one, and leaves other files alone', () => {
		const damaged = JSON.parse(text);
		damaged.stances['sanctions-tariffs'] = 'maybe';
		const read = readPositionFile(JSON.stringify(damaged));
		expect(read.kind).toBe('damaged');
		expect(read.kind === 'damaged' && read.problem).toContain('sanctions-tariffs');
		expect(readPositionFile(readFileSync(FILE, 'utf8')).kind).toBe('other');
		expect(readPositionFile('{"format": "stancegrid-position"').kind).toBe('other');
		expect(readPositionFile('{"format": "something-else", "x": "stancegrid-position"}').kind).toBe(
			'other'
		);
		const future = JSON.parse(text);
		future.version = 2;
		expect(readPositionFile(JSON.stringify(future)).kind).toBe('damaged');
	});

	it('becomes one anonymous answer per file', () => {
		const read = readPositionFile(text);
		if (read.kind !== 'position') throw new Error('not read');
		const answers = positionAnswers([read.position, read.position], 'after');
		expect(answers.map((a) => a.participant)).toEqual(['file-1', 'file-2']);
		expect(answers[0]!.stances).toEqual(mine.stances);
		expect(answers[0]!.name).toBeNull();
	});
});
