import { readFileSync } from 'node:fs';
import type { ColDef, ColGroupDef, ValueGetterParams } from 'ag-grid-community';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	COLUMN_TITLES,
	LONG_COLUMNS,
	indexScenario,
	longRow
} from '../../src/lib/scenario/claim-columns';
import {
	EMPTY_DIMENSION_CELL,
	dimensionCellText,
	dimensionColumnDefs,
	dimensionRows,
	type DimensionCell
} from '../../src/lib/grid/by-dimension';
import { DEFAULT_CLAIM_COLUMNS, claimColumnDefs, claimRows } from '../../src/lib/grid/claims-table';
import { cellText, matrixColumnDefs } from '../../src/lib/grid/matrix';
import { fitsAutoHeight, verdictClass } from '../../src/lib/grid/model';
import { cellOf, selectionAt } from '../../src/lib/grid/selection';
import { transposeColumnDefs } from '../../src/lib/grid/transpose';
import { selectedClaims } from '../../src/lib/view/evidence';
import { ALL_SOURCES } from '../../src/lib/view/url-state';
import {
	EMPTY_CELL,
	compareCells,
	matrixRows,
	pairId,
	pairs,
	summarize,
	transposeRows,
	type CellSummary,
	type MatrixRow
} from '../../src/lib/view/matrix-view';
import { gridData, sortableColumns, type GridView } from '../../src/lib/grid/views';
import { loadScenario } from '../../src/lib/scenario/load';
import type { Scenario } from '../../src/lib/scenario/schema';
import { applyFilters, NO_FILTERS } from '../../src/lib/view/filters';
import { arbitraryScenario } from './arbitrary-scenario';

function load(file: string): Scenario {
	const result = loadScenario(readFileSync(file, 'utf8'), file);
	if (!result.ok) throw new Error(`${file} does not load`);
	return result.scenario;
}

const mini = load('tests/fixtures/scenarios/mini.yaml');
const reference = load('scenarios/ukraine-war-2025.yaml');
const settings = { columns: null, pinned: [], sizing: { scale: 1, narrow: false } };
/** The matrix as it was before issue 13: a column per (source, person) pair, text in cells. */
const bySourceFull = {
	...settings,
	matrix: { by: 'source', cells: 'full', empty: 'show' } as const
};

/** Calls a column's valueGetter the way ag-grid does, with just the row data. */
function valueOf<T>(col: ColDef<T>, data: T): unknown {
	const getter = col.valueGetter as (p: Pick<ValueGetterParams<T>, 'data'>) => unknown;
	return getter({ data });
}

function leafColumns<T>(defs: (ColDef<T> | ColGroupDef<T>)[]): ColDef<T>[] {
	return defs.flatMap((d) => ('children' in d ? leafColumns(d.children) : [d]));
}

describe('pairs (matrix columns, transpose rows)', () => {
	it('orders by source, then commentator, as the scenario lists them', () => {
		expect(pairs(mini, mini.claims, false).map((p) => p.id)).toEqual([
			'gazette-2024~ana-nunez',
			'council-notes~treasurer',
			'council-notes~resident'
		]);
	});

	it('adds commentators no claim quotes, under no source, only when asked', () => {
		const withSilent: Scenario = {
			...mini,
			commentators: [
				...mini.commentators,
				{ id: 'quiet', name: 'Quiet', role: 'x', affiliation: 'y', kind: 'analyst' }
			]
		};
		expect(pairs(withSilent, withSilent.claims, false).some((p) => p.id === '_~quiet')).toBe(false);
		const all = pairs(withSilent, withSilent.claims, true);
		expect(all.at(-1)).toEqual({
			id: '_~quiet',
			source: null,
			commentator: withSilent.commentators.at(-1)
		});
	});

	it('covers every claim exactly once, for any scenario', () => {
		fc.assert(
			fc.property(arbitraryScenario, (scenario) => {
				const ids = pairs(scenario, scenario.claims, true).map((p) => p.id);
				expect(new Set(ids).size).toBe(ids.length);
				for (const claim of scenario.claims)
					expect(ids).toContain(pairId(claim.source, claim.commentator));
				const people = new Set(pairs(scenario, scenario.claims, true).map((p) => p.commentator.id));
				expect(people.size).toBe(scenario.commentators.length);
			}),
			{ numRuns: 60 }
		);
	});
});

describe('cell summaries', () => {
	const [led, dimNunez, ledTreasurer, dimTreasurer] = mini.claims as [
		(typeof mini.claims)[0],
		(typeof mini.claims)[0],
		(typeof mini.claims)[0],
		(typeof mini.claims)[0]
	];

	it('counts stances and names one verdict or "mixed"', () => {
		expect(summarize([led])).toMatchObject({ verdict: 'support', score: 1 });
		const mixed = summarize([led, dimNunez, ledTreasurer]);
		expect(mixed.counts).toEqual({ support: 1, conditional: 1, oppose: 1 });
		expect(mixed.verdict).toBe('mixed');
		expect(mixed.score).toBe(0);
		expect(EMPTY_CELL).toMatchObject({ verdict: null, score: null, claims: [] });
		expect(verdictClass(EMPTY_CELL)).toBe('sg-v-none');
		expect(verdictClass(summarize([dimNunez]))).toBe('sg-v-oppose');
	});

	it('sorts oppose < conditional < support, with empty cells below oppose', () => {
		const cells: CellSummary[] = [
			summarize([dimTreasurer]),
			EMPTY_CELL,
			summarize([ledTreasurer]),
			summarize([dimNunez])
		];
		expect([...cells].sort(compareCells).map((c) => c.verdict)).toEqual([
			null,
			'oppose',
			'conditional',
			'support'
		]);
	});
});

describe('matrix', () => {
	const rows = matrixRows(mini, mini.claims, NO_FILTERS);
	const defs = matrixColumnDefs(pairs(mini, mini.claims, true));

	it('has one row per option, and each claim in its (option, source, commentator) cell', () => {
		expect(rows.map((r) => r.id)).toEqual(mini.options.map((o) => o.id));
		const dimming = rows.find((r) => r.id === 'dimming')!;
		expect(dimming.cells.get('council-notes~resident')?.claims.map((c) => c.id)).toEqual([
			'resident-dimming'
		]);
		const statusQuo = rows.find((r) => r.id === 'status-quo')!;
		expect(statusQuo.cells.size).toBe(0);
		const total = rows.reduce(
			(n, r) => n + [...r.cells.values()].reduce((m, c) => m + c.claims.length, 0),
			0
		);
		expect(total).toBe(mini.claims.length);
	});

	it('keeps only the options filtered to', () => {
		expect(
			matrixRows(mini, mini.claims, { ...NO_FILTERS, options: ['dimming'] }).map((r) => r.id)
		).toEqual(['dimming']);
	});

	it('pins the option column and groups commentators under each source', () => {
		const first = defs[0] as ColDef<MatrixRow>;
		expect(first).toMatchObject({ colId: 'option', pinned: 'left' });
		const groups = defs.slice(1) as ColGroupDef<MatrixRow>[];
		expect(groups.map((g) => g.headerName)).toEqual(['Town Gazette', 'Council notes']);
		expect(groups[1]!.headerTooltip).toContain('2024-04 (inferred)');
		expect(groups[1]!.headerGroupComponentParams.innerHeaderGroupComponentParams.source.id).toBe(
			'council-notes'
		);
		expect(groups.map((g) => g.children.map((c) => (c as ColDef).headerName))).toEqual([
			['Ana Núñez'],
			['The treasurer', 'An unnamed resident']
		]);
	});

	it('gives an empty cell for a commentator who does not address an option', () => {
		const columns = leafColumns(defs);
		const resident = columns.find((c) => c.colId === 'council-notes~resident')!;
		const led = rows.find((r) => r.id === 'led-retrofit')!;
		expect(valueOf(resident, led)).toBe(EMPTY_CELL);
		expect(valueOf(columns[0]!, led)).toBe('LED retrofit');
	});

	it('has a row for every option and a column for every commentator of the reference scenario', () => {
		const data = gridData('matrix', reference, reference.claims, NO_FILTERS, settings);
		expect(data.rows.map((r) => r.id)).toEqual(reference.options.map((o) => o.id));
		const names = new Set(leafColumns(data.columnDefs).map((c) => c.headerName));
		for (const person of reference.commentators) expect(names).toContain(person.name);
	});
});

describe('matrix layouts (issue 13)', () => {
	it('one column per person by default: ids _all~person, every source merged in the cell', () => {
		const data = gridData('matrix', reference, reference.claims, NO_FILTERS, settings);
		const columns = leafColumns(data.columnDefs);
		const ids = columns.map((c) => c.colId!).slice(1);
		// Every quoted commentator once, in scenario order (nobody is silent in the reference).
		expect(ids).toEqual(reference.commentators.map((c) => `_all~${c.id}`));
		expect(data.columnCount).toBe(reference.commentators.length);
		// Someone quoted by two sources: both sources' claims sit in the one cell.
		const twoSources = reference.commentators.find(
			(p) =>
				new Set(reference.claims.filter((c) => c.commentator === p.id).map((c) => c.source)).size >
				1
		)!;
		expect(twoSources).toBeDefined();
		const rows = data.rows as MatrixRow[];
		for (const row of rows) {
			const cell = row.cells.get(`_all~${twoSources.id}`);
			const expected = reference.claims.filter(
				(c) => c.option === row.id && c.commentator === twoSources.id
			);
			expect(cell?.claims ?? []).toEqual(expected);
		}
		// A cell's selection finds the same claims the cell holds, from every source.
		const sel = selectionAt('matrix', rows[0]!.id, `_all~${twoSources.id}`)!;
		expect(sel).toEqual({
			kind: 'cell',
			option: rows[0]!.id,
			source: ALL_SOURCES,
			commentator: twoSources.id
		});
		expect(selectedClaims(reference, reference.claims, sel)).toEqual(
			rows[0]!.cells.get(`_all~${twoSources.id}`)?.claims ?? []
		);
		expect(cellOf('matrix', sel, reference, undefined, 'person')).toEqual({
			rowId: rows[0]!.id,
			colId: `_all~${twoSources.id}`
		});
		// Sort keys from either layout are accepted in a link.
		const sortable = sortableColumns('matrix', reference);
		expect(sortable.has(`_all~${twoSources.id}`)).toBe(true);
		expect(sortable.has(`${reference.claims[0]!.source}~${reference.claims[0]!.commentator}`)).toBe(
			true
		);
	});

	it('compact cells: the reference scenario fits a 1366 px laptop screen', () => {
		const data = gridData('matrix', reference, reference.claims, NO_FILTERS, settings);
		// 1366 px less the page gutters (2 x 16) and the grid's border.
		expect(data.width).toBeLessThanOrEqual(1366 - 34);
		expect(data.autoHeight).toBe(false);
		const cells = leafColumns(data.columnDefs).slice(1);
		expect(cells.every((c) => c.cellRenderer === 'sgStanceCompactCell')).toBe(true);
		expect(cells.every((c) => typeof c.tooltipValueGetter === 'function')).toBe(true);
		const full = gridData('matrix', reference, reference.claims, NO_FILTERS, bySourceFull);
		expect(full.width).toBeGreaterThan(2 * 1366);
	});

	it('the full text of a compact cell names the person, option, stances and, if several, sources', () => {
		const rows = matrixRows(reference, reference.claims, NO_FILTERS, {
			by: 'person',
			empty: 'show'
		});
		const sources = new Map(reference.sources.map((s) => [s.id, s]));
		for (const row of rows)
			for (const person of reference.commentators) {
				const cell = row.cells.get(`_all~${person.id}`) ?? EMPTY_CELL;
				const text = cellText(cell, person, row.option, sources);
				expect(text.startsWith(`${person.name} on “${row.option.label}”: `)).toBe(true);
				if (cell.claims.length === 0) expect(text.endsWith('not addressed')).toBe(true);
				for (const claim of cell.claims) expect(text).toContain(claim.consequence);
				if (new Set(cell.claims.map((c) => c.source)).size > 1)
					for (const claim of cell.claims)
						expect(text).toContain(sources.get(claim.source)!.outlet);
			}
	});

	it('hiding empty lines drops options and commentators with nothing in view', () => {
		fc.assert(
			fc.property(
				arbitraryScenario,
				fc.constantFrom('person' as const, 'source' as const),
				(scenario, by) => {
					const hide = { ...settings, matrix: { by, cells: 'compact', empty: 'hide' } as const };
					const data = gridData('matrix', scenario, scenario.claims, NO_FILTERS, hide);
					const rows = data.rows as MatrixRow[];
					const ids = leafColumns(data.columnDefs)
						.map((c) => c.colId!)
						.slice(1);
					for (const row of rows) expect(row.cells.size).toBeGreaterThan(0);
					expect(rows.map((r) => r.id)).toEqual(
						scenario.options
							.filter((o) => scenario.claims.some((c) => c.option === o.id))
							.map((o) => o.id)
					);
					const speaking = new Set(scenario.claims.map((c) => c.commentator));
					for (const id of ids) expect(speaking.has(id.slice(id.indexOf('~') + 1))).toBe(true);
				}
			),
			{ numRuns: 60 }
		);
	});
});

describe('transpose', () => {
	it('has commentators as rows and options as columns, with the same cells as the matrix', () => {
		const ps = pairs(mini, mini.claims, true);
		const rows = transposeRows(mini, ps, mini.claims, NO_FILTERS);
		expect(rows.map((r) => r.id)).toEqual(ps.map((p) => p.id));
		const defs = transposeColumnDefs(mini.options);
		expect(defs.map((d) => d.colId)).toEqual([
			'commentator',
			'source',
			...mini.options.map((o) => o.id)
		]);
		const matrix = matrixRows(mini, mini.claims, NO_FILTERS);
		for (const row of rows)
			for (const option of mini.options)
				expect(row.cells.get(option.id)).toEqual(
					matrix.find((m) => m.id === option.id)!.cells.get(row.id)
				);
		const source = defs[1]!;
		expect(valueOf(source, rows[1]!)).toBe('Council notes, 2024-04 (inferred)');
	});
});

describe('by dimension', () => {
	it('lists who predicts each direction, helps before hurts before unclear, once per person', () => {
		const rows = dimensionRows(mini, mini.claims, NO_FILTERS);
		const cost = rows.find((r) => r.id === 'led-retrofit')!.cells.get('cost')!;
		expect(cost.groups).toEqual([
			{ direction: 'helps', people: [{ id: 'ana-nunez', name: 'Ana Núñez' }] },
			{ direction: 'unclear', people: [{ id: 'treasurer', name: 'The treasurer' }] }
		]);
		expect(dimensionCellText(cost)).toBe('↑ helps: Ana Núñez\n? unclear: The treasurer');
		const safety = rows.find((r) => r.id === 'dimming')!.cells.get('safety')!;
		expect(safety.groups).toEqual([
			{
				direction: 'hurts',
				people: [
					{ id: 'ana-nunez', name: 'Ana Núñez' },
					{ id: 'resident', name: 'An unnamed resident' }
				]
			}
		]);
		expect(safety.claims.map((c) => c.id)).toEqual(['nunez-dimming', 'resident-dimming']);
	});

	it('shows only the dimensions filtered to', () => {
		const rows = dimensionRows(mini, mini.claims, { options: [], dimensions: ['cost'] });
		for (const row of rows) expect([...row.cells.keys()].every((k) => k === 'cost')).toBe(true);
		const defs = dimensionColumnDefs(mini.dimensions.filter((d) => d.id === 'cost'));
		expect(defs.map((d) => d.colId)).toEqual(['option', 'cost']);
		expect(
			valueOf(
				defs[1]!,
				rows.find((r) => r.id === 'status-quo')!
			)
		).toBe(EMPTY_DIMENSION_CELL);
		const cmp = defs[1]!.comparator as (a: DimensionCell, b: DimensionCell) => number;
		expect(cmp(EMPTY_DIMENSION_CELL, rows[0]!.cells.get('cost')!)).toBeLessThan(0);
	});
});

describe('claims table', () => {
	it('has every long-table column, the chosen ones visible, in the chosen order', () => {
		const defs = claimColumnDefs(['stance', 'quote'], ['quote']);
		expect(defs.map((d) => d.colId).sort()).toEqual([...LONG_COLUMNS].sort());
		expect(defs.slice(0, 2).map((d) => [d.colId, d.hide, d.pinned])).toEqual([
			['stance', false, null],
			['quote', false, 'left']
		]);
		expect(defs.slice(2).every((d) => d.hide === true)).toBe(true);
		expect(defs.every((d) => d.sortable && d.resizable && d.filter === 'agTextColumnFilter')).toBe(
			true
		);
		expect(defs.map((d) => d.headerName)).toContain(COLUMN_TITLES.passage_url);
	});

	it('shows the default columns until someone chooses', () => {
		const visible = claimColumnDefs()
			.filter((d) => !d.hide)
			.map((d) => d.colId);
		expect(visible).toEqual(DEFAULT_CLAIM_COLUMNS);
	});

	it('rows are the long table rows (what the CSV exports), in the order given', () => {
		const claims = applyFilters(mini, { ...NO_FILTERS, stances: ['oppose'] });
		const index = indexScenario(mini);
		expect(claimRows(mini, claims)).toEqual(claims.map((c) => longRow(index, c)));
	});
});

describe('views and selections', () => {
	const views: GridView[] = ['matrix', 'claims', 'transpose', 'dimensions'];

	it('every view can be sorted by each of its columns', () => {
		for (const view of views) {
			const data = gridData(view, reference, reference.claims, NO_FILTERS, settings);
			const sortable = sortableColumns(view, reference);
			for (const col of leafColumns(data.columnDefs)) expect(sortable).toContain(col.colId);
		}
		expect(sortableColumns('charts', reference).size).toBe(0);
	});

	it('a selection made in a cell leads back to that cell', () => {
		for (const view of views) {
			const data = gridData(view, reference, reference.claims, NO_FILTERS, settings);
			const columns = leafColumns(data.columnDefs).filter((c) => !c.hide);
			for (const row of data.rows)
				for (const col of columns) {
					const selection = selectionAt(view, row.id, col.colId!);
					if (!selection) continue;
					expect(cellOf(view, selection, reference, col.colId)).toEqual({
						rowId: row.id,
						colId: col.colId
					});
				}
		}
	});

	it('row headers select nothing; a claim selected in the table is found in the matrix', () => {
		expect(selectionAt('matrix', 'dimming', 'option')).toBeNull();
		expect(selectionAt('dimensions', 'dimming', 'option')).toBeNull();
		expect(selectionAt('matrix', 'dimming', 'a~b~c')).toBeNull();
		expect(cellOf('matrix', { kind: 'claim', claim: 'resident-dimming' }, mini)).toEqual({
			rowId: 'dimming',
			colId: 'council-notes~resident'
		});
		expect(cellOf('claims', { kind: 'claim', claim: 'missing' }, mini)).toBeNull();
	});

	it('counts data columns, not row headers', () => {
		expect(gridData('transpose', mini, mini.claims, NO_FILTERS, settings).columnCount).toBe(3);
		expect(gridData('matrix', mini, mini.claims, NO_FILTERS, settings).columnCount).toBe(3);
		expect(gridData('dimensions', mini, mini.claims, NO_FILTERS, settings).columnCount).toBe(2);
		expect(gridData('claims', mini, mini.claims, NO_FILTERS, settings).columnCount).toBe(
			DEFAULT_CLAIM_COLUMNS.length
		);
	});

	it('with filters, the matrix shows only the commentators with claims left', () => {
		const filters = { ...NO_FILTERS, sources: ['gazette-2024'] };
		const claims = applyFilters(mini, filters);
		const data = gridData('matrix', mini, claims, filters, bySourceFull);
		expect(leafColumns(data.columnDefs).map((c) => c.colId)).toEqual([
			'option',
			'gazette-2024~ana-nunez'
		]);
		expect(data.rows).toHaveLength(mini.options.length);
		// The default layout: the same person, one column, whatever the sources.
		const byPerson = gridData('matrix', mini, claims, filters, settings);
		expect(leafColumns(byPerson.columnDefs).map((c) => c.colId)).toEqual([
			'option',
			'_all~ana-nunez'
		]);
	});

	it('rows fit their content in small grids, and get a fixed height in large ones', () => {
		const small = gridData('matrix', reference, reference.claims, NO_FILTERS, bySourceFull);
		expect(small.autoHeight).toBe(true);
		expect(leafColumns(small.columnDefs).every((c) => c.autoHeight === true)).toBe(true);
		expect(fitsAutoHeight(50, 50)).toBe(true);
		expect(fitsAutoHeight(200, 500)).toBe(false);
		const wide: Scenario = {
			...mini,
			commentators: Array.from({ length: 1300 }, (_, i) => ({
				id: `p-${i}`,
				name: `Person ${i}`,
				role: 'r',
				affiliation: 'a',
				kind: 'analyst' as const
			}))
		};
		const big = gridData('matrix', wide, [], NO_FILTERS, bySourceFull);
		expect(big.autoHeight).toBe(false);
		expect(big.rowHeight).toBeGreaterThan(80);
		expect(leafColumns(big.columnDefs).some((c) => c.autoHeight)).toBe(false);
		const transposed = gridData('transpose', wide, [], NO_FILTERS, settings);
		expect(transposed.autoHeight).toBe(false);
	});
});
