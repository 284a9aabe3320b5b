/**
 * What each export format is, in words and file types, apart from the code that writes it: the
 * export menu lists formats on the first screen and loads the serializers only when opened.
 */
import type { Weights } from '../analysis/decision-weights';
import type { Claim, Scenario } from '../scenario/schema';
import type { LongColumn } from '../scenario/claim-columns';
import type { TableModel } from '../view/matrix-view';

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
	/**
	 * The matrix (or its transpose) exactly as the screen shows it: rows, columns, order, cells.
	 * Matrix-shaped outputs write this; absent, the matrix of `claims` with no filter or sort.
	 */
	table?: TableModel;
	/** The filters applied, in plain words (see `describeFilters`), for legends and notes. */
	filters?: readonly string[];
	/**
	 * When the export is made, for the formats that record it (the workbook's legend). Passed in,
	 * not read from the clock, so serializers stay deterministic; left out, no time is recorded.
	 */
	now?: Date;
	/**
	 * The decision table's weights (the address's `w`), for the workbook's Decision sheet; every
	 * dimension weighs 1 when absent.
	 */
	weights?: Weights;
}

export interface FormatInfo {
	/** Short name with the file type, e.g. "Matrix (CSV)". */
	label: string;
	/** What is in the file, in plain words, for the export menu and `--help`. */
	description: string;
	extension: string;
	mime: string;
	/** Bytes, not text: the command line needs --out for these. */
	binary: boolean;
}

export const FORMAT_INFO = {
	csv: {
		label: 'Claims table (CSV)',
		description: 'one row per claim with its quote; opens in Excel, Sheets or R',
		extension: 'csv',
		mime: 'text/csv;charset=utf-8',
		binary: false
	},
	'matrix-csv': {
		label: 'Matrix (CSV)',
		description: 'options by commentators, each cell the stance and consequence',
		extension: 'csv',
		mime: 'text/csv;charset=utf-8',
		binary: false
	},
	xlsx: {
		label: 'Excel workbook (.xlsx)',
		description: 'matrix, claims with links, sources, decision table, legend',
		extension: 'xlsx',
		mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		binary: true
	},
	md: {
		label: 'Markdown (.md)',
		description: 'matrix table with footnoted quotes, for memos and wikis',
		extension: 'md',
		mime: 'text/markdown;charset=utf-8',
		binary: false
	},
	csl: {
		label: 'Citations (CSL-JSON)',
		description: 'the sources, for Zotero, Mendeley or Pandoc',
		extension: 'csl.json',
		mime: 'application/vnd.citationstyles.csl+json',
		binary: false
	},
	bib: {
		label: 'Citations (BibTeX)',
		description: 'the sources, for LaTeX',
		extension: 'bib',
		mime: 'application/x-bibtex;charset=utf-8',
		binary: false
	},
	ris: {
		label: 'Citations (RIS)',
		description: 'the sources, for EndNote, Zotero or Mendeley',
		extension: 'ris',
		mime: 'application/x-research-info-systems',
		binary: false
	},
	json: {
		label: 'Scenario (JSON)',
		description: 'all the data, to reopen or share; filters do not apply',
		extension: 'json',
		mime: 'application/json',
		binary: false
	},
	yaml: {
		label: 'Scenario (YAML)',
		description: 'all the data, to edit by hand; filters do not apply',
		extension: 'yaml',
		mime: 'application/yaml',
		binary: false
	}
} satisfies Record<string, FormatInfo>;

export type ExportFormatName = keyof typeof FORMAT_INFO;

export function isExportFormat(name: string): name is ExportFormatName {
	return Object.hasOwn(FORMAT_INFO, name);
}

/** What the file is, in its name, where several formats share an extension or a scenario. */
const FILE_SUFFIX: Record<ExportFormatName, string> = {
	csv: '-claims',
	'matrix-csv': '-matrix',
	xlsx: '',
	md: '-matrix',
	csl: '-sources',
	bib: '-sources',
	ris: '-sources',
	json: '',
	yaml: ''
};

/** What a file holds beyond its format: a turned matrix, a filtered view. */
export interface FileNameContext {
	transposed?: boolean;
	filtered?: boolean;
}

/** The formats that write the whole scenario whatever the view. */
const WHOLE_SCENARIO: ReadonlySet<ExportFormatName> = new Set(['json', 'yaml']);

/**
 * `ukraine-war-2025-matrix-filtered.csv`: scenario, what the file holds, and "filtered" when the
 * view's filters shaped it, reduced to characters every file system accepts.
 */
export function exportFileName(
	base: string,
	format: ExportFormatName,
	context: FileNameContext = {}
): string {
	const safe = base.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+|-+$/g, '') || 'stancegrid';
	let suffix = FILE_SUFFIX[format];
	if (context.transposed && suffix === '-matrix') suffix = '-matrix-turned';
	if (context.transposed && format === 'xlsx') suffix = '-turned';
	if (context.filtered && !WHOLE_SCENARIO.has(format)) suffix += '-filtered';
	return `${safe}${suffix}.${FORMAT_INFO[format].extension}`;
}
