/**
 * Decision weights kept in the address (`w=`), so a link reproduces the table: /decision and My
 * position both read them once in the browser and write every change back.
 */
import { replaceState } from '$app/navigation';
import {
	formatWeights,
	weightProblem,
	withWeight,
	type Weights
} from '../analysis/decision-weights';
import type { Dimension } from '../scenario/schema';
import { searchWithWeights, weightsFromSearch } from '../view/weights-param';

export class AddressWeights {
	weights: Weights = $state({});
	problem = $state('');

	constructor(
		private readonly dimensions: () => readonly Dimension[],
		/** The page's path; the query is the workspace's and the weights. */
		private readonly path: () => string,
		private readonly search: () => string,
		private readonly label: (dimension: string) => string
	) {}

	/** Reads `w=` (in the browser: a prerendered page has no query string). */
	read(): void {
		const given = weightsFromSearch(location.search, this.dimensions());
		if (given === null) return;
		if (given.ok) this.weights = given.weights;
		else this.problem = `The weights in the address were not used: ${given.error}.`;
	}

	set(id: string, typed: string): void {
		const result = withWeight(this.dimensions(), this.weights, id, typed);
		if (!result.ok) {
			this.problem = weightProblem(this.label(id));
			return;
		}
		this.problem = '';
		this.weights = result.weights;
		this.keep();
	}

	reset(): void {
		this.weights = {};
		this.problem = '';
		this.keep();
	}

	private keep(): void {
		const search = searchWithWeights(this.search(), formatWeights(this.dimensions(), this.weights));
		// eslint-disable-next-line svelte/no-navigation-without-resolve
		replaceState(this.path() + (search ? `?${search}` : ''), {});
	}
}
