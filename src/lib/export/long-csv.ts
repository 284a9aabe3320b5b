/** The long CSV: the claim columns as RFC 4180 CSV, with the published header first. */
import { csvColumns, longTable, type LongColumn } from '../scenario/claim-columns';
import type { Claim, Scenario } from '../scenario/schema';
import { toCsv } from './csv';

export function longCsv(
	scenario: Scenario,
	claims?: readonly Claim[],
	columns?: readonly LongColumn[]
): string {
	const { header, rows } = longTable(scenario, claims, csvColumns(columns));
	return toCsv(header, rows);
}
