import { bundledScenarios, DEFAULT_SCENARIO_ID } from '$lib/scenario/bundled';
import { methodExamples } from '$lib/present/method-examples';
import type { PageServerLoad } from './$types';

/** The worked examples, computed from the reference scenario when the site is built. */
export const load: PageServerLoad = () => {
	const reference = bundledScenarios().find((b) => b.scenario.meta.id === DEFAULT_SCENARIO_ID);
	return { examples: reference ? methodExamples(reference.scenario) : null };
};
