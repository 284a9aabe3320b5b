/**
 * Every export format, by name: the command line and the app's export menu both read this table,
 * so a format exists in both or in neither.
 */
import { scenarioToJson, scenarioToYaml } from '../scenario/serialize';
import type { Claim, Scenario } from '../scenario/schema';
import { longCsv } from './long-table';

export interface ExportInput {
	scenario: Scenario;
	/** The claims in view, in view order; the whole scenario when absent. */
	claims?: readonly Claim[];
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
		serialize: ({ scenario, claims }) => longCsv(scenario, claims)
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
