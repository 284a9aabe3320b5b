/**
 * The scenarios shipped in `scenarios/`, loaded and validated with the same loader as the CLI.
 * Imported only by server (build-time) code: the browser receives validated data, not YAML.
 */
import { formatLoadError, loadScenario } from './load';
import type { Scenario } from './schema';

export interface BundledScenario {
	file: string;
	scenario: Scenario;
}

const files = import.meta.glob('/scenarios/*.{yaml,yml,json}', {
	query: '?raw',
	import: 'default',
	eager: true
}) as Record<string, string>;

export const DEFAULT_SCENARIO_ID = 'ukraine-war-2025';

export function bundledScenarios(): BundledScenario[] {
	const list = Object.entries(files)
		.map(([path, text]) => {
			const file = path.replace(/^\//, '');
			const result = loadScenario(text, file);
			// A broken bundled file should stop the build with the loader's own messages, not ship.
			if (!result.ok) throw new Error(result.errors.map(formatLoadError).join('\n'));
			return { file, scenario: result.scenario };
		})
		.sort((a, b) => a.scenario.meta.title.localeCompare(b.scenario.meta.title));
	const ids = new Set<string>();
	for (const { file, scenario } of list) {
		if (ids.has(scenario.meta.id))
			throw new Error(`${file}: meta.id "${scenario.meta.id}" is used by another bundled scenario`);
		ids.add(scenario.meta.id);
	}
	return list;
}
