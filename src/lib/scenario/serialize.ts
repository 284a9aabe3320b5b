/**
 * Scenario -> text. Key order follows the schema so a saved file reads like a hand-written one,
 * and loading what this writes gives back the same scenario (checked by property tests).
 */
import { Document, Scalar, visit } from 'yaml';
import type { Scenario } from './schema';

export function scenarioToJson(scenario: Scenario): string {
	return JSON.stringify(scenario, null, 2) + '\n';
}

/** A line of only spaces or tabs: yaml writes it into a block scalar, and reading it back drops it. */
const BLANK_LINE_WITH_SPACES = /(^|\n)[ \t]+(\n|$)/;

export function scenarioToYaml(scenario: Scenario): string {
	const doc = new Document(scenario, { aliasDuplicateObjects: false });
	visit(doc, {
		Scalar(_, node) {
			if (typeof node.value === 'string' && BLANK_LINE_WITH_SPACES.test(node.value))
				node.type = Scalar.QUOTE_DOUBLE;
		}
	});
	// lineWidth 0: never fold long quotes, so a diff of a re-saved file shows only real changes.
	return doc.toString({ lineWidth: 0 });
}
