/**
 * The matrix as a plain table of text (options x commentators, or turned, as on screen), shared by the matrix CSV and the
 * clipboard's TSV and HTML copies.
 */
import { toCsv } from './csv';
import type { ExportInput } from './format-info';
import { buildMatrix, resolveView, type Matrix } from './view';
import { cellEntries, headText } from './words';

export interface TextTable {
	header: string[];
	rows: string[][];
}

/** Several claims in one cell are joined by `separator` (a line break where the format allows). */
export function matrixTextTable(matrix: Matrix, separator: string): TextTable {
	return {
		header: [matrix.corner, ...matrix.columns.map(headText)],
		rows: matrix.cells.map((row, r) => [
			headText(matrix.rows[r]!),
			...row.map((cell) => cellEntries(cell).join(separator))
		])
	};
}

export function matrixCsv(input: ExportInput): string {
	const { header, rows } = matrixTextTable(buildMatrix(resolveView(input)), '\n');
	return toCsv(header, rows);
}
