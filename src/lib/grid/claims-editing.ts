/**
 * The editor's claims table as ag-grid columns: stance and consequence edited in the cell, option
 * and commentator picked from the scenario's own lists, the quote read-only (it comes from a
 * selection in the article, never typed). Pure: no DOM, no Svelte.
 */
import type { ColDef } from 'ag-grid-community';
import { STANCES, type Claim, type Scenario } from '../scenario/schema';
import { STANCE_LOOK } from '../present/stance';

export type EditableField = 'option' | 'commentator' | 'stance' | 'consequence';
export type ClaimRow = Claim;

const labelMap = (items: readonly { id: string }[], label: (x: never) => string) =>
	new Map(items.map((x) => [x.id, label(x as never)]));

export function claimEditColumns(scenario: Scenario): ColDef<ClaimRow>[] {
	const options = labelMap(scenario.options, (o: { label: string }) => o.label);
	const people = labelMap(scenario.commentators, (c: { name: string }) => c.name);
	const sources = labelMap(scenario.sources, (s: { title: string }) => s.title);
	return [
		{ colId: 'id', field: 'id', headerName: 'Claim', width: 170 },
		{
			colId: 'option',
			field: 'option',
			headerName: 'Option',
			editable: true,
			cellEditor: 'agSelectCellEditor',
			cellEditorParams: { values: scenario.options.map((o) => o.id) },
			valueFormatter: (p) => options.get(p.value as string) ?? String(p.value ?? ''),
			width: 200
		},
		{
			colId: 'commentator',
			field: 'commentator',
			headerName: 'Commentator',
			editable: true,
			cellEditor: 'agSelectCellEditor',
			cellEditorParams: { values: scenario.commentators.map((c) => c.id) },
			valueFormatter: (p) => people.get(p.value as string) ?? String(p.value ?? ''),
			width: 180
		},
		{
			colId: 'stance',
			field: 'stance',
			headerName: 'Stance',
			editable: true,
			cellEditor: 'agSelectCellEditor',
			cellEditorParams: { values: [...STANCES] },
			valueFormatter: (p) => {
				const look = STANCE_LOOK[p.value as keyof typeof STANCE_LOOK];
				return look ? `${look.symbol} ${look.word}` : String(p.value ?? '');
			},
			cellClass: (p) => `sg-edit-stance-${String(p.value)}`,
			width: 150
		},
		{
			colId: 'consequence',
			field: 'consequence',
			headerName: 'Consequence',
			editable: true,
			cellEditor: 'agTextCellEditor',
			cellEditorParams: { maxLength: 600 },
			flex: 1,
			minWidth: 220
		},
		{
			colId: 'source',
			field: 'source',
			headerName: 'Source',
			valueFormatter: (p) => sources.get(p.value as string) ?? String(p.value ?? ''),
			width: 180
		},
		{
			colId: 'quote',
			headerName: 'Quote (from the article)',
			valueGetter: (p) => p.data?.quote.exact ?? '',
			tooltipValueGetter: (p) => String(p.value ?? ''),
			width: 260
		}
	];
}

/** The new value of an edited cell, or null when it is not one the scenario accepts. */
export function acceptEdit(
	scenario: Scenario,
	field: string,
	value: unknown
): Partial<Claim> | null {
	if (typeof value !== 'string') return null;
	switch (field) {
		case 'option':
			return scenario.options.some((o) => o.id === value) ? { option: value } : null;
		case 'commentator':
			return scenario.commentators.some((c) => c.id === value) ? { commentator: value } : null;
		case 'stance':
			return (STANCES as readonly string[]).includes(value)
				? { stance: value as Claim['stance'] }
				: null;
		case 'consequence':
			return { consequence: value };
		default:
			return null;
	}
}
