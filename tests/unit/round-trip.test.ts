import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatLoadError, loadScenario } from '../../src/lib/scenario/load';
import { loadScenarioLazily } from '../../src/lib/scenario/load-core';
import { scenarioToJson, scenarioToYaml } from '../../src/lib/scenario/serialize';
import { parse as loadYamlValue } from 'yaml';
import { arbitraryScenario } from './arbitrary-scenario';

function reload(text: string, file: string) {
	const result = loadScenario(text, file);
	if (!result.ok) throw new Error(result.errors.map(formatLoadError).join('\n'));
	return result.scenario;
}

describe('parse -> serialize -> parse is lossless', () => {
	it('through JSON', () => {
		fc.assert(
			fc.property(arbitraryScenario, (scenario) => {
				expect(reload(scenarioToJson(scenario), 'x.json')).toEqual(scenario);
			}),
			{ numRuns: 150 }
		);
	});

	it('through YAML', () => {
		fc.assert(
			fc.property(arbitraryScenario, (scenario) => {
				expect(reload(scenarioToYaml(scenario), 'x.yaml')).toEqual(scenario);
			}),
			{ numRuns: 150 }
		);
	});

	it("the app's lazy loader and the command line's agree, also on damaged text", async () => {
		// Damage: a cut-off file or a changed character, so errors are compared as well as successes.
		const damaged = fc.tuple(
			arbitraryScenario,
			fc.boolean(),
			fc.nat(),
			fc.constantFrom('', 'x', '"', ':', '\n-')
		);
		await fc.assert(
			fc.asyncProperty(damaged, async ([scenario, yaml, at, insert]) => {
				const text = yaml ? scenarioToYaml(scenario) : scenarioToJson(scenario);
				const cut = at % (text.length + 1);
				const changed = text.slice(0, cut) + insert + text.slice(cut + (insert ? 1 : 0));
				const file = yaml ? 'x.yaml' : 'x.json';
				expect(await loadScenarioLazily(changed, file)).toEqual(loadScenario(changed, file));
			}),
			{ numRuns: 150 }
		);
	});

	it('YAML and JSON of the same scenario load to the same value', () => {
		fc.assert(
			fc.property(arbitraryScenario, (scenario) => {
				expect(reload(scenarioToYaml(scenario), 'x.yaml')).toEqual(
					reload(scenarioToJson(scenario), 'x.json')
				);
			}),
			{ numRuns: 50 }
		);
	});
});

describe('YAML writer edge cases', () => {
	it('keeps a line of only spaces (yaml drops it from block scalars)', () => {
		for (const value of [' \n', '\t\n', 'a\n  \nb', '  ']) {
			const back = (loadYamlValue(scenarioToYaml({ value } as never)) as { value: string }).value;
			expect(back).toBe(value);
		}
	});
});
