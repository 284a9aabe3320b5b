/**
 * Citation exports carry structured names (family, given) where the split is certain, literal
 * names otherwise, and the accessed date when the scenario records one (issue 11 item 5).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { authorName } from '../../src/lib/export/author-names';
import { bibtex, cslJson, ris } from '../../src/lib/export/citations';
import { loadScenario } from '../../src/lib/scenario/load';

describe('author names', () => {
	it.each([
		['Jennifer Kavanagh', { family: 'Kavanagh', given: 'Jennifer' }],
		['Ana Núñez', { family: 'Núñez', given: 'Ana' }],
		['John Q. Public', { family: 'Public', given: 'John Q.' }],
		['Kavanagh, Jennifer', { family: 'Kavanagh', given: 'Jennifer' }],
		['Ursula von der Leyen', { literal: 'Ursula von der Leyen' }],
		['Martin Luther King Jr.', { literal: 'Martin Luther King Jr.' }],
		['The Editorial Board', { literal: 'The Editorial Board' }],
		['Reuters Staff', { literal: 'Reuters Staff' }],
		['Madonna', { literal: 'Madonna' }],
		['毛泽东', { literal: '毛泽东' }]
	])('%s', (name, expected) => {
		expect(authorName(name)).toEqual(expected);
	});
});

describe('accessed dates and names in every citation format', () => {
	const file = 'tests/fixtures/scenarios/mini.yaml';
	const loaded = loadScenario(
		readFileSync(file, 'utf8').replace(
			'    url: https://example.org/gazette/lights\n',
			'    url: https://example.org/gazette/lights\n    accessed: "2024-05-03"\n'
		),
		file
	);
	if (!loaded.ok) throw new Error('mini with accessed does not load');
	const scenario = loaded.scenario;

	it('CSL-JSON: author as family and given, accessed as date-parts', () => {
		const [gazette] = JSON.parse(cslJson({ scenario }));
		expect(gazette.author).toEqual([{ family: 'Núñez', given: 'Ana' }]);
		expect(gazette.accessed).toEqual({ 'date-parts': [[2024, 5, 3]] });
	});

	it('BibTeX: "Family, Given" and urldate', () => {
		const bib = bibtex({ scenario });
		expect(bib).toContain('  author = {Núñez, Ana},\n');
		expect(bib).toContain('  urldate = {2024-05-03},\n');
	});

	it('RIS: AU as "Family, Given" and Y2 as the access date', () => {
		const text = ris({ scenario });
		expect(text).toContain('AU  - Núñez, Ana\r\n');
		expect(text).toContain('Y2  - 2024/05/03/\r\n');
	});

	it('no accessed date is written where the scenario records none', () => {
		const other = scenario.sources[1]!;
		expect(other.accessed).toBeUndefined();
		expect(ris({ scenario }).split('ER  - ')[1]).not.toContain('Y2');
	});
});
