import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatLoadError, loadScenario, MAX_BYTES } from '../../src/lib/scenario/load';
import { loadScenarioLazily } from '../../src/lib/scenario/load-core';
import * as v from 'valibot';
import { parse } from 'yaml';
import { compileParse } from '../../src/lib/scenario/fast-parse';
import { ScenarioSchema } from '../../src/lib/scenario/schema';
import { scenarioToYaml } from '../../src/lib/scenario/serialize';

const FILE = 'tests/fixtures/scenarios/mini.yaml';
const MINI = readFileSync(FILE, 'utf8');

function errors(text: string, file = 'bad.yaml'): string[] {
	const result = loadScenario(text, file);
	expect(result.ok).toBe(false);
	return result.ok ? [] : result.errors.map(formatLoadError);
}

/** The fixture with one exact substring replaced; fails loudly if the substring is not there. */
function mini(from: string, to: string): string {
	expect(MINI).toContain(from);
	return MINI.replace(from, to);
}

describe('good files', () => {
	it('loads a quick coding: no dimensions and no effects (both optional, read as empty)', () => {
		const quick = MINI.replace(/^dimensions:\n(?: {2}.*\n)+/m, '').replace(
			/^ {4}effects:\n(?: {6}.*\n)+/gm,
			''
		);
		expect(quick).not.toMatch(/effects|dimension/);
		const result = loadScenario(quick, FILE);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.scenario.dimensions).toEqual([]);
		expect(result.scenario.claims.every((c) => c.effects.length === 0)).toBe(true);
		expect(loadScenario(MINI.replace(/effects:\n(?: {6}.*\n)+/, 'effects: []\n'), FILE).ok).toBe(
			true
		);
		// Written back without the empty lists, and read back the same, by both parsers.
		const yaml = scenarioToYaml(result.scenario);
		expect(yaml).not.toMatch(/effects|dimensions/);
		const again = loadScenario(yaml, FILE);
		expect(again.ok && again.scenario).toEqual(result.scenario);
		const raw = parse(quick) as unknown;
		expect(compileParse(ScenarioSchema)(raw)).toEqual(v.parse(ScenarioSchema, raw));
	});

	it('loads the YAML fixture', () => {
		const result = loadScenario(MINI, FILE);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.format).toBe('yaml');
		expect(result.scenario.claims).toHaveLength(5);
		expect(result.scenario.sources[1]!.authors).toBe('not stated');
	});

	it('loads the same scenario from JSON', () => {
		const yaml = loadScenario(MINI, FILE);
		if (!yaml.ok) throw new Error('fixture');
		const json = loadScenario(JSON.stringify(yaml.scenario), 'mini.json');
		expect(json.ok && json.scenario).toEqual(yaml.scenario);
		expect(json.ok && json.format).toBe('json');
	});

	it('accepts a byte-order mark and sniffs JSON without an extension', () => {
		const yaml = loadScenario(MINI, FILE);
		if (!yaml.ok) throw new Error('fixture');
		const result = loadScenario('\ufeff' + JSON.stringify(yaml.scenario), 'pasted');
		expect(result.ok).toBe(true);
	});
});

describe('bad files: each gives its exact message', () => {
	const cases: [string, string, string[]][] = [
		['empty file', '', ['bad.yaml:1:1: file is empty; expected a scenario in YAML or JSON']],
		[
			'whitespace only',
			'  \n\n',
			['bad.yaml:1:1: file is empty; expected a scenario in YAML or JSON']
		],
		[
			'binary junk',
			'meta:\u0000\u0001\u0002',
			['bad.yaml:1:6: file holds binary data, not YAML or JSON text']
		],
		[
			'malformed YAML',
			'meta: [unclosed\n',
			[
				'bad.yaml:2:1: not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]'
			]
		],
		[
			'duplicate YAML key',
			'meta: 1\nmeta: 2\n',
			['bad.yaml:2:1: not valid YAML: Map keys must be unique ("meta" appears twice)']
		],
		['a list at the top', '- 1\n- 2\n', ['bad.yaml:1:1: expected a mapping of fields; got a list']],
		[
			'a list where fields belong',
			mini(
				'  - id: safety\n    label: Safety\n    goal: makes streets safer at night',
				'  - [safety, Safety]'
			),
			['bad.yaml:11:5 dimensions[0]: expected a mapping of fields; got a list']
		],
		[
			'wrong stance word',
			mini('stance: oppose\n    consequence: "=Darker', 'stance: maybe\n    consequence: "=Darker'),
			[
				'bad.yaml:81:13 claims[1].stance: expected a stance: one of support, conditional, oppose; got "maybe"'
			]
		],
		[
			'unknown commentator id',
			mini('commentator: resident', 'commentator: residnet'),
			[
				'bad.yaml:118:18 claims[4].commentator: unknown commentator "residnet"; expected one of: ana-nunez, treasurer, resident'
			]
		],
		[
			'unknown option id',
			mini(
				'option: dimming\n    commentator: resident',
				'option: dimmer\n    commentator: resident'
			),
			[
				'bad.yaml:117:13 claims[4].option: unknown option "dimmer"; expected one of: led-retrofit, dimming, status-quo'
			]
		],
		[
			'duplicate option id',
			mini('id: status-quo', 'id: dimming'),
			['bad.yaml:24:9 options[2].id: duplicate id "dimming"; already used by options[1]']
		],
		[
			'missing quote text',
			mini('exact: I would not walk home in the dark.\n      ', ''),
			['bad.yaml:126:7 claims[4].quote.exact: missing required field "exact"']
		],
		[
			'empty quote text',
			mini('exact: I would not walk home in the dark.', "exact: ''"),
			['bad.yaml:126:14 claims[4].quote.exact: expected non-empty text']
		],
		[
			'impossible date',
			mini('date: "2024-04-02"', 'date: "2024-02-30"'),
			[
				'bad.yaml:31:11 sources[0].date: expected a real date as YYYY-MM-DD, YYYY-MM or YYYY; got "2024-02-30"'
			]
		],
		[
			'date as a YAML number',
			mini('as_of: "2024-05-01"', 'as_of: 2024'),
			[
				'bad.yaml:7:10 meta.as_of: expected a date as text, e.g. "2025-09-09" (quote it in YAML); got 2024'
			]
		],
		[
			'javascript: address',
			mini('url: https://example.org/gazette/lights', 'url: "javascript:alert(1)"'),
			['bad.yaml:35:10 sources[0].url: expected an http(s) address; got "javascript:alert(1)"']
		],
		[
			'data: address',
			mini('url: https://example.org/gazette/lights', 'url: "data:text/html,<b>x</b>"'),
			['bad.yaml:35:10 sources[0].url: expected an http(s) address; got "data:text/html,<b>x</b>"']
		],
		[
			'unknown field',
			mini('    goal: keeps the town', '    colour: red\n    goal: keeps the town'),
			[
				'bad.yaml:16:5 dimensions[1].colour: unknown field "colour"; expected one of: id, label, goal, description'
			]
		],
		[
			'wrong type for a boolean',
			mini('date_inferred: false', 'date_inferred: "no"'),
			['bad.yaml:32:20 sources[0].date_inferred: expected true or false; got "no"']
		],
		[
			'id that is not a slug',
			mini('id: led-retrofit', 'id: LED Retrofit'),
			[
				'bad.yaml:18:9 options[0].id: expected an id in lowercase letters, digits and hyphens, e.g. "more-sanctions"; got "LED Retrofit"'
			]
		],
		[
			'unknown dimension in an effect',
			mini(
				'dimension: cost\n        direction: unclear',
				'dimension: price\n        direction: unclear'
			),
			[
				'bad.yaml:97:20 claims[2].effects[0].dimension: unknown dimension "price"; expected one of: safety, cost'
			]
		],
		[
			'wrong direction word',
			mini('direction: unclear', 'direction: sideways'),
			[
				'bad.yaml:98:20 claims[2].effects[0].direction: expected a direction: one of helps, hurts, unclear; got "sideways"'
			]
		],
		[
			'effects not a list',
			mini('effects:\n      - dimension: cost\n        direction: unclear', 'effects: cost'),
			['bad.yaml:96:14 claims[2].effects: expected a list of {dimension, direction}; got "cost"']
		],
		[
			'__proto__ key',
			mini(
				'  - id: resident\n    name',
				'  - id: resident\n    __proto__: {admin: true}\n    name'
			),
			[
				'bad.yaml:57:5 commentators[2].__proto__: the key "__proto__" is not allowed (it could alter object prototypes)'
			]
		],
		[
			'constructor key',
			mini('meta:\n', 'meta:\n  constructor: x\n'),
			[
				'bad.yaml:4:3 meta.constructor: the key "constructor" is not allowed (it could alter object prototypes)'
			]
		],
		[
			'wrong commentator kind',
			mini('kind: unnamed', 'kind: pundit'),
			[
				'bad.yaml:60:11 commentators[2].kind: expected a commentator kind: one of analyst, official, journalist, outlet, unnamed; got "pundit"'
			]
		],
		[
			'authors neither list nor not stated',
			mini('authors: not stated', 'authors: nobody'),
			[
				'bad.yaml:42:14 sources[1].authors: expected a list of author names, or "not stated"; got "nobody"'
			]
		],
		[
			'missing top-level list',
			mini('options:', 'option:'),
			[
				'bad.yaml:3:1 options: missing required field "options"',
				'bad.yaml:17:1 option: unknown field "option"; expected one of: meta, dimensions, options, sources, commentators, claims'
			]
		]
	];

	it.each(cases)('%s', (_name, text, expected) => {
		expect(errors(text)).toEqual(expected);
	});

	it('reports every problem at once, in file order of discovery', () => {
		const text = mini(
			"stance: support\n    consequence: '@Saves",
			"stance: maybe\n    consequence: '@Saves"
		).replace('kind: pundit', 'kind: pundit');
		const both = text.replace('direction: unclear', 'direction: sideways');
		expect(errors(both)).toHaveLength(2);
	});

	it('refuses an alias bomb', () => {
		const bomb = [
			'a: &a [x, x, x, x, x, x, x, x, x, x]',
			'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
			'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
			'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
			'e: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]'
		].join('\n');
		expect(errors(bomb)).toEqual([
			'bad.yaml:1:1: too many YAML aliases (over 200): refused as a possible alias bomb'
		]);
	});

	it('refuses deep nesting', () => {
		const deep = '['.repeat(5000) + ']'.repeat(5000);
		const [first] = errors(deep, 'deep.json');
		expect(first).toMatch(
			/^deep\.json:1:\d+ (\[0\])+: nested deeper than 24 levels; a scenario is at most 5$/
		);
	});

	it('refuses a file over the size limit without parsing it', () => {
		const huge = 'x'.repeat(MAX_BYTES + 1);
		expect(errors(huge)).toEqual(['bad.yaml:1:1: file is 20.0 MiB; the limit is 20 MiB']);
	});

	it('counts UTF-8 bytes, not characters, when the count could cross the limit', () => {
		// 7.4 million three-byte characters: under the limit as characters, over it as bytes.
		expect(errors('ह'.repeat(7_400_000))).toEqual([
			'bad.yaml:1:1: file is 21.2 MiB; the limit is 20 MiB'
		]);
		// 8 million two-byte characters (16 MB) pass the size check and fail as what they are.
		expect(errors('é'.repeat(8_000_000))[0]).not.toContain('the limit is');
	});

	it("takes the caller's byte count when it has one (a fetched body, a File)", async () => {
		const text = readFileSync('tests/fixtures/scenarios/mini.yaml', 'utf8');
		const told = await loadScenarioLazily(text, 'mini.yaml', MAX_BYTES + 1);
		expect(told.ok ? [] : told.errors.map(formatLoadError)).toEqual([
			'mini.yaml:1:1: file is 20.0 MiB; the limit is 20 MiB'
		]);
		expect((await loadScenarioLazily(text, 'mini.yaml', text.length)).ok).toBe(true);
	});

	it('gives the line and column of a JSON syntax error', () => {
		expect(errors('{\n  "meta": {\n    "id": "x",\n  }\n}', 'bad.json')).toEqual([
			"bad.json:3:14: not valid JSON: a trailing comma before '}' (JSON allows none)"
		]);
	});

	it('never throws, whatever the input', () => {
		for (const text of [
			'{',
			'[',
			'"',
			'!!binary x',
			'? ? ?',
			'%YAML 9.9\n---\n',
			'a: !!int x',
			'0x',
			'\ud800'
		]) {
			expect(() => loadScenario(text, 'x.yaml')).not.toThrow();
			expect(loadScenario(text, 'x.yaml').ok).toBe(false);
		}
	});
});
