/**
 * The matrix as a plain table of text (options x commentators), shared by the matrix CSV and the
 * clipboard's TSV and HTML copies.
 */
import { toCsv } from './csv';
import type { ExportInput } from './format-info';
import { buildMatrix, resolveView, type Matrix } from './view';
import { cellEntries } from './words';

export interface TextTable {
	header: string[];
	rows: string[][];
}

/** Several claims in one cell are joined by `separator` (a line break where the format allows). */
export function matrixTextTable(matrix: Matrix, separator: string): TextTable {
	return {
		header: ['Option', ...matrix.commentators.map((c) => c.name)],
		rows: matrix.rows.map((row, o) => [
			matrix.options[o]!.label,
			...row.map((cell) => cellEntries(cell).join(separator))
		])
	};
}

export function matrixCsv(input: ExportInput): string {
	const { header, rows } = matrixTextTable(buildMatrix(resolveView(input)), '\n');
	return toCsv(header, rows);
}
