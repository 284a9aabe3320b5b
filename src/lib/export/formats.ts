/**
 * Every export format, by name: the command line and the app's export menu both read this table,
 * so a format exists in both or in neither.
 */
import { scenarioToJson, scenarioToYaml } from '../scenario/serialize';
import type { Claim, Scenario } from '../scenario/schema';
import { longCsv, type LongColumn } from './long-table';

/**
 * What is on screen, handed to every serializer: exports follow the view's filters, order and
 * visible columns. Every field but `scenario` is optional so the CLI can export everything.
 */
export interface ExportInput {
	scenario: Scenario;
	/** The claims in view, in view order; the whole scenario when absent. */
	claims?: readonly Claim[];
	/** Visible columns of the claims table, in order; all of `LONG_COLUMNS` when absent. */
	columns?: readonly LongColumn[];
	/** Matrix rows (option ids) and columns (commentator ids) in view order; all when absent. */
	options?: readonly string[];
	commentators?: readonly string[];
	/** The filters applied, in plain words (see `describeFilters`), for legends and notes. */
	filters?: readonly string[];
}

export interface ExportFormat {
	label: string;
	extension: string;
	mime: string;
	serialize: (input: ExportInput) => string | Uint8Array | Promise<string | Uint8Array>;
}

export const EXPORT_FORMATS = {
	csv: {
		label: 'Claims table (CSV)',
		extension: 'csv',
		mime: 'text/csv;charset=utf-8',
		serialize: ({ scenario, claims, columns }) => longCsv(scenario, claims, columns)
	},
	json: {
		label: 'Scenario (JSON)',
		extension: 'json',
		mime: 'application/json',
		serialize: ({ scenario }) => scenarioToJson(scenario)
	},
	yaml: {
		label: 'Scenario (YAML)',
		extension: 'yaml',
		mime: 'application/yaml',
		serialize: ({ scenario }) => scenarioToYaml(scenario)
	}
} satisfies Record<string, ExportFormat>;

export type ExportFormatName = keyof typeof EXPORT_FORMATS;

export function isExportFormat(name: string): name is ExportFormatName {
	return Object.hasOwn(EXPORT_FORMATS, name);
}
