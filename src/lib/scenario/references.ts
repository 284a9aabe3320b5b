/**
 * Cross-reference rules the schema cannot express: ids are unique within their list and every id
 * a claim uses names something that exists. Reported with the same paths as schema issues.
 */
import type { Scenario } from './schema';

export interface PathProblem {
	path: (string | number)[];
	message: string;
	/** Point at the key rather than the value (unknown fields). */
	atKey?: boolean;
}

const LISTS = ['dimensions', 'options', 'sources', 'commentators', 'claims'] as const;

function known(ids: ReadonlyMap<string, number>): string {
	const list = [...ids.keys()];
	const shown = list.slice(0, 8).join(', ');
	return list.length > 8 ? `${shown}, … (${list.length} in all)` : shown;
}

export function checkReferences(scenario: Scenario): PathProblem[] {
	const problems: PathProblem[] = [];
	// Each list's ids with the index that first used them; checked 20,000 times a large file.
	const ids = {} as Record<(typeof LISTS)[number], Map<string, number>>;
	for (const list of LISTS) {
		const seen = new Map<string, number>();
		scenario[list].forEach((item, index) => {
			const first = seen.get(item.id);
			if (first !== undefined) {
				problems.push({
					path: [list, index, 'id'],
					message: `duplicate id "${item.id}"; already used by ${list}[${first}]`
				});
			} else seen.set(item.id, index);
		});
		ids[list] = seen;
	}
	const refs = [
		['option', 'options'],
		['commentator', 'commentators'],
		['source', 'sources']
	] as const;
	scenario.claims.forEach((claim, index) => {
		for (const [field, list] of refs) {
			if (!ids[list].has(claim[field])) {
				problems.push({
					path: ['claims', index, field],
					message: `unknown ${field} "${claim[field]}"; expected one of: ${known(ids[list])}`
				});
			}
		}
		// A claim lists a handful of effects: an array beats a Set per claim.
		const dims: string[] = [];
		claim.effects.forEach((effect, e) => {
			if (!ids.dimensions.has(effect.dimension)) {
				problems.push({
					path: ['claims', index, 'effects', e, 'dimension'],
					message: `unknown dimension "${effect.dimension}"; expected one of: ${known(ids.dimensions)}`
				});
			} else if (dims.includes(effect.dimension)) {
				problems.push({
					path: ['claims', index, 'effects', e, 'dimension'],
					message: `dimension "${effect.dimension}" is listed twice in this claim`
				});
			}
			dims.push(effect.dimension);
		});
	});
	return problems;
}
