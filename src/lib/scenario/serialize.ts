/**
 * Scenario -> text. Key order follows the schema so a saved file reads like a hand-written one,
 * and loading what this writes gives back the same scenario (checked by property tests).
 */
import { stringify } from 'yaml';
import type { Scenario } from './schema';

export function scenarioToJson(scenario: Scenario): string {
	return JSON.stringify(scenario, null, 2) + '\n';
}

export function scenarioToYaml(scenario: Scenario): string {
	// lineWidth 0: never fold long quotes, so a diff of a re-saved file shows only real changes.
	return stringify(scenario, { lineWidth: 0, aliasDuplicateObjects: false });
}
