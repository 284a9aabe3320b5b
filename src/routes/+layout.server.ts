import { bundledScenarios, DEFAULT_SCENARIO_ID } from '$lib/scenario/bundled';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ url }) => {
	// The student's class page needs no bundled scenario (the session brings its own): on phones,
	// every byte of inlined data counts.
	if (url.pathname.startsWith('/join')) return { scenarios: [], defaultId: undefined };
	const scenarios = bundledScenarios();
	return {
		scenarios,
		defaultId: scenarios.some((s) => s.scenario.meta.id === DEFAULT_SCENARIO_ID)
			? DEFAULT_SCENARIO_ID
			: scenarios[0]?.scenario.meta.id
	};
};
