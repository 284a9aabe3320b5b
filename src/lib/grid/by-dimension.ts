/**
 * The pivot by dimension: rows = options, columns = consequence dimensions, and each cell says
 * who predicts that the option helps, hurts, or has an unclear effect on that dimension's goal.
 */
import type { ColDef } from 'ag-grid-community';
import {
	DIRECTIONS,
	type Claim,
	type Dimension,
	type Option,
	type Scenario
} from '../scenario/schema';
import { DIRECTION_LOOK } from '../present/stance';
import type { Filters } from '../view/filters';
import { NORMAL_SIZING, RENDERERS, px, type DirectionGroup, type Sizing } from './model';
import { visibleOptions } from '../view/matrix-view';
import { optionColumn } from './matrix';

export interface DimensionCell {
	/** Claims on this option with an effect on this dimension, in scenario order. */
	claims: Claim[];
	groups: DirectionGroup[];
}

export interface DimensionRow {
	id: string;
	option: Option;
	cells: Map<string, DimensionCell>;
}

export const EMPTY_DIMENSION_CELL: DimensionCell = { claims: [], groups: [] };

export function visibleDimensions(
	scenario: Scenario,
	dimensionFilter: readonly string[]
): Dimension[] {
	if (dimensionFilter.length === 0) return scenario.dimensions;
	const wanted = new Set(dimensionFilter);
	return scenario.dimensions.filter((d) => wanted.has(d.id));
}

export function dimensionRows(
	scenario: Scenario,
	claims: readonly Claim[],
	filters: Pick<Filters, 'options' | 'dimensions'>
): DimensionRow[] {
	const names = new Map(scenario.commentators.map((c) => [c.id, c.name]));
	const dims = new Set(visibleDimensions(scenario, filters.dimensions).map((d) => d.id));
	const cells = new Map<string, Map<string, DimensionCell>>();
	for (const claim of claims) {
		let row = cells.get(claim.option);
		if (!row) cells.set(claim.option, (row = new Map()));
		for (const effect of claim.effects) {
			if (!dims.has(effect.dimension)) continue;
			let cell = row.get(effect.dimension);
			if (!cell) row.set(effect.dimension, (cell = { claims: [], groups: [] }));
			if (!cell.claims.includes(claim)) cell.claims.push(claim);
			let group = cell.groups.find((g) => g.direction === effect.direction);
			if (!group) cell.groups.push((group = { direction: effect.direction, people: [] }));
			if (!group.people.some((p) => p.id === claim.commentator))
				group.people.push({ id: claim.commentator, name: names.get(claim.commentator)! });
		}
	}
	for (const row of cells.values())
		for (const cell of row.values())
			cell.groups.sort((a, b) => DIRECTIONS.indexOf(a.direction) - DIRECTIONS.indexOf(b.direction));
	return visibleOptions(scenario, filters.options).map((option) => ({
		id: option.id,
		option,
		cells: cells.get(option.id) ?? new Map()
	}));
}

/** One line of text per direction, e.g. "↑ helps: Jennifer Kavanagh; Samuel Charap". */
export function dimensionCellText(cell: DimensionCell): string {
	return cell.groups
		.map((g) => {
			const look = DIRECTION_LOOK[g.direction];
			return `${look.symbol} ${look.word}: ${g.people.map((p) => p.name).join('; ')}`;
		})
		.join('\n');
}

export function dimensionColumnDefs(
	dimensions: readonly Dimension[],
	sizing: Sizing = NORMAL_SIZING
): ColDef<DimensionRow>[] {
	return [
		optionColumn<DimensionRow>(sizing),
		...dimensions.map((dimension): ColDef<DimensionRow> => ({
			colId: dimension.id,
			headerName: dimension.label,
			headerTooltip: `Goal: ${dimension.goal}`,
			width: px(sizing.narrow ? 210 : 240, sizing),
			wrapHeaderText: true,
			autoHeaderHeight: true,
			valueGetter: (p) => p.data?.cells.get(dimension.id) ?? EMPTY_DIMENSION_CELL,
			comparator: (a: DimensionCell | undefined, b: DimensionCell | undefined) =>
				(a?.claims.length ?? 0) - (b?.claims.length ?? 0),
			cellRenderer: RENDERERS.direction,
			autoHeight: true,
			sortable: true
		}))
	];
}
