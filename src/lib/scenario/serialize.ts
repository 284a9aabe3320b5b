/**
 * Scenario -> text. Key order follows the schema so a saved file reads like a hand-written one,
 * and loading what this writes gives back the same scenario (checked by property tests).
 */
import { Document, Scalar, visit } from 'yaml';
import type { Scenario } from './schema';

/**
 * `dimensions` and `effects` are optional and load as empty lists when absent; an empty list is
 * written as nothing, so a quick coding reads like one and loads back the same.
 */
function forFile(scenario: Scenario): object {
	const out: Partial<Scenario> = { ...scenario };
	if (Array.isArray(out.dimensions) && out.dimensions.length === 0) delete out.dimensions;
	if (Array.isArray(out.claims))
		out.claims = out.claims.map((claim) => {
			if (!Array.isArray(claim.effects) || claim.effects.length > 0) return claim;
			const copy: Partial<typeof claim> = { ...claim };
			delete copy.effects;
			return copy as typeof claim;
		});
	return out;
}

export function scenarioToJson(scenario: Scenario): string {
	return JSON.stringify(forFile(scenario), null, 2) + '\n';
}

/** A line of only spaces or tabs: yaml writes it into a block scalar, and reading it back drops it. */
const BLANK_LINE_WITH_SPACES = /(^|\n)[ \t]+(\n|$)/;

export function scenarioToYaml(scenario: Scenario): string {
	const doc = new Document(forFile(scenario), { aliasDuplicateObjects: false });
	visit(doc, {
		Scalar(_, node) {
			if (typeof node.value === 'string' && BLANK_LINE_WITH_SPACES.test(node.value))
				node.type = Scalar.QUOTE_DOUBLE;
		}
	});
	// lineWidth 0: never fold long quotes, so a diff of a re-saved file shows only real changes.
	return doc.toString({ lineWidth: 0 });
}
