/**
 * The Matrix sheet: the screen's table (or its transpose) with a stance-coloured cell per
 * option and commentator, frozen header row and option column, an autofilter, and printed one
 * page wide with the headers on each page.
 */
import type { Workbook } from 'exceljs';
import { CELL_EDGE, CELL_FILL } from '../view/palette';
import { buildMatrix, type ExportView } from './view';
import { cellEntries, headText } from './words';
import {
	LOOKS,
	clamp,
	columnLetter,
	filled,
	frozenSheet,
	heightFor,
	linesAt,
	perLineAt,
	setText,
	stanceLooksOf
} from './xlsx-cells';

/** The length of the longest line of any of the texts. */
function longestLine(texts: readonly string[]): number {
	let longest = 0;
	for (const text of texts) {
		for (let start = 0; ;) {
			const end = text.indexOf('\n', start);
			longest = Math.max(longest, (end < 0 ? text.length : end) - start);
			if (end < 0) break;
			start = end + 1;
		}
	}
	return longest;
}

export function addMatrix(workbook: Workbook, view: ExportView): void {
	const matrix = buildMatrix(view);
	const sheet = frozenSheet(workbook, 'Matrix', 1);
	const texts = matrix.cells.map((cells) => cells.map((cell) => cellEntries(cell).join('\n')));
	const rowHeads = matrix.rows.map(headText);
	const columnHeads = matrix.columns.map(headText);
	const widths = [
		clamp(longestLine(rowHeads) * 0.6, 18, 34),
		// Wide enough for about three lines per claim, and never narrower than a short name.
		...matrix.columns.map((c, i) =>
			clamp(Math.max(longestLine(texts.map((row) => row[i]!)) / 3, c.label.length * 0.6), 16, 42)
		)
	];
	widths.forEach((width, i) => (sheet.getColumn(i + 1).width = width));
	const stanceLooks = stanceLooksOf((stance) =>
		filled('wrap', CELL_FILL[stance], CELL_EDGE[stance])
	);
	// Every column wraps, so every cell counts toward its row's height.
	const perLine = widths.map(perLineAt);

	const header = sheet.getRow(1);
	let lines = linesAt(setText(header.getCell(1), matrix.corner, LOOKS.header), perLine[0]!);
	columnHeads.forEach((head, i) => {
		const text = setText(header.getCell(i + 2), head, LOOKS.header);
		lines = Math.max(lines, linesAt(text, perLine[i + 1]!));
	});
	header.height = heightFor(lines);

	matrix.cells.forEach((cells, o) => {
		const row = sheet.getRow(o + 2);
		let lines = linesAt(setText(row.getCell(1), rowHeads[o]!, LOOKS.label), perLine[0]!);
		cells.forEach((cell, i) => {
			const text = setText(
				row.getCell(i + 2),
				texts[o]![i]!,
				cell.verdict === null ? LOOKS.notAddressed : stanceLooks[cell.verdict]
			);
			lines = Math.max(lines, linesAt(text, perLine[i + 1]!));
		});
		row.height = heightFor(lines);
	});
	sheet.autoFilter = `A1:${columnLetter(matrix.columns.length + 1)}${matrix.rows.length + 1}`;
	sheet.pageSetup.printTitlesRow = '1:1';
	sheet.pageSetup.printTitlesColumn = 'A:A';
	// One page wide, as many tall as it takes: a printed matrix reads across a row.
	Object.assign(sheet.pageSetup, { fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
}
