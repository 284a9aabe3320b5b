/**
 * The decision weights in the address: `w=dimension=number,...`, one of the page parameters the
 * workspace carries beside its own (see `PAGE_PARAMS`). The decision table, My position and the
 * workbook export read and write it here, in the text `decision-weights.ts` parses, so a link
 * made on one page gives the same weights on the others.
 */
import { parseWeights, type Weights, type WeightsResult } from '../analysis/decision-weights';
import type { Dimension } from '../scenario/schema';

export const WEIGHTS_PARAM = 'w';

/** The weights a query string gives; null when it gives none. A bad value is refused, named. */
export function weightsFromSearch(
	search: string,
	dimensions: readonly Dimension[]
): WeightsResult | null {
	const given = new URLSearchParams(search).get(WEIGHTS_PARAM);
	return given === null ? null : parseWeights(given, dimensions);
}

/**
 * The query string for the workspace's own state and the weights (`formatWeights` text; empty
 * for equal weights, which then leave no trace in the address).
 */
export function searchWithWeights(workspaceSearch: string, weightsText: string): string {
	const weights =
		weightsText === '' ? '' : new URLSearchParams({ [WEIGHTS_PARAM]: weightsText }).toString();
	return [workspaceSearch, weights].filter(Boolean).join('&');
}

/** The address's weights where they can be used; equal weights (none given) otherwise. */
export function weightsIn(search: string, dimensions: readonly Dimension[]): Weights {
	const result = weightsFromSearch(search, dimensions);
	return result?.ok ? result.weights : {};
}
