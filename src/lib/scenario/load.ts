/**
 * The loader with the YAML parser built in, for the command line, the build and the tests (the
 * app loads through `loadScenarioLazily`, which fetches the parser only for YAML).
 */
import { loadScenarioWith, type LoadResult } from './load-core';
import { readYaml } from './yaml-reader';

export {
	formatLoadError,
	formatPath,
	problemCount,
	MAX_ALIASES,
	MAX_BYTES,
	MAX_DEPTH,
	type LoadError,
	type LoadResult
} from './load-core';

export function loadScenario(text: string, file: string): LoadResult {
	return loadScenarioWith(text, file, readYaml);
}
