import { bundledScenarios, DEFAULT_SCENARIO_ID } from '$lib/scenario/bundled';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = () => {
	const scenarios = bundledScenarios();
	return {
		scenarios,
		defaultId: scenarios.some((s) => s.scenario.meta.id === DEFAULT_SCENARIO_ID)
			? DEFAULT_SCENARIO_ID
			: scenarios[0]?.scenario.meta.id
	};
};
