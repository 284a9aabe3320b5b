/**
 * What the workspace hands the export menu for a given screen: the claims the filters leave, the
 * matrix (or its transpose) as the view model lays it out, and the filters in words.
 */
import type { ExportInput } from '../../src/lib/export/format-info';
import type { LongColumn } from '../../src/lib/scenario/claim-columns';
import type { Scenario } from '../../src/lib/scenario/schema';
import {
	applyFilters,
	describeFilters,
	NO_FILTERS,
	type Filters
} from '../../src/lib/view/filters';
import { tableModel } from '../../src/lib/view/matrix-view';
import type { SortKey } from '../../src/lib/view/url-state';

export function screenInput(
	scenario: Scenario,
	filters: Filters = NO_FILTERS,
	view: { sort?: SortKey[]; transposed?: boolean; columns?: LongColumn[] } = {}
): ExportInput {
	const claims = applyFilters(scenario, filters);
	return {
		scenario,
		claims,
		columns: view.columns,
		table: tableModel(scenario, claims, {
			filters,
			sort: view.sort ?? [],
			transposed: view.transposed ?? false
		}),
		filters: describeFilters(scenario, filters)
	};
}
