/**
 * Every export format, by name: the command line and the app's export menu both read this table,
 * so a format exists in both or in neither. Words and file types are in `format-info.ts`.
 */
import { bibtex, cslJson, ris } from './citations';
import {
	FORMAT_INFO,
	type ExportFormatName,
	type ExportInput,
	type FormatInfo
} from './format-info';
import { longCsv } from './long-csv';
import { matrixMarkdown } from './markdown';
import { matrixCsv } from './matrix-table';
import { workbook } from './xlsx';

export {
	exportFileName,
	isExportFormat,
	type ExportFormatName,
	type ExportInput
} from './format-info';

export interface ExportFormat extends FormatInfo {
	serialize: (input: ExportInput) => string | Uint8Array | Promise<string | Uint8Array>;
}

export const EXPORT_FORMATS: Record<ExportFormatName, ExportFormat> = {
	csv: {
		...FORMAT_INFO.csv,
		serialize: ({ scenario, claims, columns }) => longCsv(scenario, claims, columns)
	},
	'matrix-csv': { ...FORMAT_INFO['matrix-csv'], serialize: matrixCsv },
	xlsx: { ...FORMAT_INFO.xlsx, serialize: workbook },
	md: { ...FORMAT_INFO.md, serialize: matrixMarkdown },
	csl: { ...FORMAT_INFO.csl, serialize: cslJson },
	bib: { ...FORMAT_INFO.bib, serialize: bibtex },
	ris: { ...FORMAT_INFO.ris, serialize: ris },
	json: {
		...FORMAT_INFO.json,
		// Loaded on use: serialize.ts brings the YAML library, which the page does not need to start.
		serialize: async ({ scenario }) =>
			(await import('../scenario/serialize')).scenarioToJson(scenario)
	},
	yaml: {
		...FORMAT_INFO.yaml,
		serialize: async ({ scenario }) =>
			(await import('../scenario/serialize')).scenarioToYaml(scenario)
	}
};
