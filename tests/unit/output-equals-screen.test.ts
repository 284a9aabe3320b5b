/**
 * Output = screen (property): for random filters, sorts and Transpose, every matrix-shaped export
 * holds exactly the cells the grid shows, in the grid's row and column order. "The grid" here is
 * what ag-grid is handed: the column definitions and rows of `gridData`, read through each
 * column's own valueGetter, as the cell renderers read them.
 */
import type { ColDef, ColGroupDef, ValueGetterParams } from 'ag-grid-community';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matrixClipboard } from '../../src/lib/export/clipboard';
import { neutralizeFormula } from '../../src/lib/export/csv';
import { oneLine } from '../../src/lib/export/escape';
import { EXPORT_FORMATS, type ExportInput } from '../../src/lib/export/formats';
import { cellEntries } from '../../src/lib/export/words';
import { gridData } from '../../src/lib/grid/views';
import { NORMAL_SIZING } from '../../src/lib/grid/model';
import type { Scenario } from '../../src/lib/scenario/schema';
import { STANCES } from '../../src/lib/scenario/schema';
import {
	applyFilters,
	describeFilters,
	NO_FILTERS,
	type Filters
} from '../../src/lib/view/filters';
import {
	COMMENTATOR_COLUMN,
	OPTION_COLUMN,
	SOURCE_COLUMN,
	tableModel,
	type CellSummary,
	type Pair
} from '../../src/lib/view/matrix-view';
import {
	CELL_STYLES,
	EMPTY_LINES,
	MATRIX_BY,
	type MatrixLayout,
	type SortKey
} from '../../src/lib/view/url-state';
import { arbitraryScenario } from './arbitrary-scenario';
import { parseDelimited } from './delimited-reader';

type AnyCol = ColDef<{ id: string; pair?: Pair }> | ColGroupDef<{ id: string; pair?: Pair }>;

interface Screen {
	scenario: Scenario;
	filters: Filters;
	sort: SortKey[];
	transposed: boolean;
	/** The matrix's layout: per person or per source, compact or full cells, empty lines hidden. */
	matrix: MatrixLayout;
}

/** A scenario with a random screen over it: filters by stance, option, source and person. */
const screens: fc.Arbitrary<Screen> = arbitraryScenario.chain((scenario) => {
	const subset = <T>(items: readonly T[]) =>
		fc.subarray([...items], { maxLength: Math.min(2, items.length) });
	return fc
		.record({
			stances: subset(STANCES),
			options: subset(scenario.options.map((o) => o.id)),
			sources: subset(scenario.sources.map((s) => s.id)),
			commentators: subset(scenario.commentators.map((c) => c.id)),
			transposed: fc.boolean(),
			sortBy: fc.option(fc.nat(), { nil: null }),
			desc: fc.boolean(),
			matrix: fc.record({
				by: fc.constantFrom(...MATRIX_BY),
				cells: fc.constantFrom(...CELL_STYLES),
				empty: fc.constantFrom(...EMPTY_LINES)
			})
		})
		.map((r) => {
			const filters: Filters = {
				...NO_FILTERS,
				stances: r.stances,
				options: r.options,
				sources: r.sources,
				commentators: r.commentators
			};
			const claims = applyFilters(scenario, filters);
			const cols = r.transposed
				? [COMMENTATOR_COLUMN, SOURCE_COLUMN, ...scenario.options.map((o) => o.id)]
				: [
						OPTION_COLUMN,
						...tableModel(scenario, claims, {
							filters,
							sort: [],
							transposed: false,
							matrix: r.matrix
						}).columns.map((c) => c.id)
					];
			const sort: SortKey[] =
				r.sortBy === null
					? []
					: [{ col: cols[r.sortBy % cols.length]!, dir: r.desc ? 'desc' : 'asc' }];
			return { scenario, filters, sort, transposed: r.transposed, matrix: r.matrix };
		});
});

function leaves(defs: readonly AnyCol[]): { col: ColDef; group: string | undefined }[] {
	return defs.flatMap((d) =>
		'children' in d
			? (d.children as AnyCol[]).map((c) => ({ col: c as ColDef, group: d.headerName }))
			: [{ col: d as ColDef, group: undefined }]
	);
}

const HEAD_COLUMNS = new Set([OPTION_COLUMN, COMMENTATOR_COLUMN, SOURCE_COLUMN]);

/** What the grid shows: header texts, then per row its head and each cell's entries. */
function gridCells(screen: Screen): { header: string[]; heads: string[]; cells: string[][][] } {
	const { scenario, filters, sort, transposed, matrix } = screen;
	const data = gridData(
		transposed ? 'transpose' : 'matrix',
		scenario,
		applyFilters(scenario, filters),
		filters,
		{
			columns: null,
			pinned: [],
			sizing: NORMAL_SIZING,
			sort,
			matrix
		}
	);
	const all = leaves(data.columnDefs as AnyCol[]);
	const cells = all.filter((l) => !HEAD_COLUMNS.has(l.col.colId!));
	const value = (col: ColDef, row: { id: string }) =>
		(col.valueGetter as (p: ValueGetterParams) => unknown)({ data: row } as ValueGetterParams);
	const head = all[0]!.col;
	return {
		header: [
			transposed ? 'Commentator' : 'Option',
			// A commentator column's head: the person under the source group that quotes them, or
			// (one column per person) the sources its tooltip says quote them.
			...cells.map((l) =>
				transposed
					? l.col.headerName!
					: `${l.col.headerName} (${l.group ?? quotedIn(l.col.headerTooltip as string)})`
			)
		],
		heads: (data.rows as { id: string; pair?: Pair }[]).map((row) =>
			transposed
				? `${value(head, row) as string} (${row.pair!.source?.outlet ?? 'Not quoted in any source'})`
				: (value(head, row) as string)
		),
		cells: (data.rows as { id: string }[]).map((row) =>
			cells.map((l) => cellEntries(value(l.col, row) as CellSummary))
		)
	};
}

/** "Name, role. Quoted in: A; B" -> "A; B"; someone no source quotes has no such part. */
function quotedIn(tooltip: string | undefined): string {
	const at = tooltip?.indexOf('Quoted in: ') ?? -1;
	return at < 0 ? 'Not quoted in any source' : tooltip!.slice(at + 'Quoted in: '.length);
}

function screenInput(screen: Screen): ExportInput {
	const { scenario, filters, sort, transposed, matrix } = screen;
	const claims = applyFilters(scenario, filters);
	return {
		scenario,
		claims,
		table: tableModel(scenario, claims, { filters, sort, transposed, matrix }),
		filters: describeFilters(scenario, filters)
	};
}

describe('every matrix-shaped export equals the grid on screen (property)', () => {
	it('matrix CSV and the clipboard table', async () => {
		await fc.assert(
			fc.asyncProperty(screens, async (screen) => {
				const grid = gridCells(screen);
				const input = screenInput(screen);
				const csv = parseDelimited(
					((await EXPORT_FORMATS['matrix-csv'].serialize(input)) as string).replace(/^\uFEFF/, '')
				);
				const rows = (join: string) =>
					grid.heads.map((head, r) => [head, ...grid.cells[r]!.map((e) => e.join(join))]);
				expect(csv).toEqual([grid.header, ...rows('\n')].map((row) => row.map(neutralizeFormula)));
				const tsv = parseDelimited(matrixClipboard(input).text, '\t');
				expect(tsv).toEqual(
					[grid.header, ...rows(' / ')].map((row) => row.map((t) => oneLine(neutralizeFormula(t))))
				);
			}),
			{ numRuns: 150 }
		);
	});

	it('Markdown: same rows and columns, each cell’s stances or empty word in order', async () => {
		await fc.assert(
			fc.asyncProperty(screens, async (screen) => {
				const grid = gridCells(screen);
				const md = (await EXPORT_FORMATS.md.serialize(screenInput(screen))) as string;
				const table = md.split('\n').filter((l) => l.startsWith('| '));
				expect(table.length).toBe(grid.heads.length + 2);
				const words = (t: string) =>
					t.match(/Supports|Opposes|Conditional|Not addressed|Filtered out/g) ?? [];
				// Row by row, the stances and empty cells in the grid's column order (cell text is
				// escaped Markdown, so a cell's own words are read, not its boundaries).
				grid.cells.forEach((row, r) => {
					const line = table[r + 2]!;
					const cells = line.slice(line.indexOf(' | ') + 3);
					expect(words(cells)).toEqual(row.flat().flatMap(words));
				});
			}),
			{ numRuns: 100 }
		);
	});

	it('the workbook’s Matrix sheet', async () => {
		await fc.assert(
			fc.asyncProperty(screens, async (screen) => {
				const grid = gridCells(screen);
				const bytes = (await EXPORT_FORMATS.xlsx.serialize(screenInput(screen))) as Uint8Array;
				const book = new ExcelJS.Workbook();
				await book.xlsx.load(bytes as unknown as ArrayBuffer);
				const sheet = book.getWorksheet('Matrix')!;
				const read: string[][] = [];
				for (let r = 1; r <= grid.heads.length + 1; r++)
					read.push(
						grid.header.map((_, c) => {
							const v = sheet.getCell(r, c + 1).value;
							return typeof v === 'string' ? v : String(v ?? '');
						})
					);
				expect(read).toEqual([
					grid.header,
					...grid.heads.map((head, r) => [head, ...grid.cells[r]!.map((e) => e.join('\n'))])
				]);
			}),
			{ numRuns: 20 }
		);
	});
});
