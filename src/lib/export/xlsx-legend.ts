/**
 * The Legend & method sheet: what the workbook holds, the filters applied, what the stance fills
 * and direction symbols mean, the dimensions and their goals, the sources, which links were
 * written as text and why, and how the data was coded.
 */
import type { Style, Workbook } from 'exceljs';
import {
	DIRECTION_LOOK,
	FILTERED_OUT,
	NOT_ADDRESSED,
	STANCE_LOOK,
	dateLabel
} from '../present/stance';
import { DIRECTIONS, NOT_STATED, STANCES } from '../scenario/schema';
import { CELL_FILL } from '../view/palette';
import type { ExportView } from './view';
import { DIRECTION_MEANING, STANCE_MEANING } from './words';
import { LOOKS, filled, fitRowHeights, setText } from './xlsx-cells';
import { linkNotes, type LinkBudget } from './xlsx-links';

export function addLegend(
	workbook: Workbook,
	view: ExportView,
	links: readonly LinkBudget[]
): void {
	const sheet = workbook.addWorksheet('Legend & method');
	sheet.getColumn(1).width = 26;
	sheet.getColumn(2).width = 100;
	const { meta } = view.scenario;
	const heading = (text: string) => {
		const row = sheet.addRow([]);
		setText(row.getCell(1), text, LOOKS.heading);
	};
	const line = (label: string, value: string | number, colour?: string) => {
		const row = sheet.addRow([]);
		setText(row.getCell(1), label, colour ? filled('label', colour) : LOOKS.label);
		const cell = row.getCell(2);
		if (typeof value === 'number') {
			cell.value = value;
			cell.style = LOOKS.wrapLeft as Style;
		} else setText(cell, value, LOOKS.wrapLeft);
	};
	const blank = () => sheet.addRow([]);

	heading(meta.title);
	line('Question', meta.question);
	line('As of', meta.as_of);
	line('Coded by', meta.coded_by);
	if (view.now) line('Exported', view.now.toISOString());
	line('Claims in view', view.claims.length);
	line('Options in the matrix', view.options.length);
	line('Commentators in the matrix', view.commentators.length);
	line(
		'Matrix layout',
		view.table.transposed
			? 'Turned (as on screen): commentators as rows, options as columns'
			: 'Options as rows, commentators as columns, each under the source that quotes them'
	);
	blank();
	heading('Filters applied');
	if (view.filters.length === 0) line('Filters', 'None: every claim in the scenario.');
	else view.filters.forEach((f, i) => line(i === 0 ? 'Filters' : '', f));
	blank();
	heading('Stances (matrix cells and the Claims sheet)');
	for (const stance of STANCES) {
		const look = STANCE_LOOK[stance];
		line(`${look.word} ${look.symbol} (${look.letter})`, STANCE_MEANING[stance], CELL_FILL[stance]);
	}
	line('Mixed', `${STANCE_MEANING.mixed}; each is listed in the cell`, CELL_FILL.mixed);
	line(NOT_ADDRESSED.word, STANCE_MEANING.not_addressed);
	if (view.filters.length > 0) line(FILTERED_OUT.word, STANCE_MEANING.filtered_out);
	blank();
	heading('Directions (effect on a dimension)');
	for (const direction of DIRECTIONS) {
		const look = DIRECTION_LOOK[direction];
		line(`${look.word} ${look.symbol}`, DIRECTION_MEANING[direction]);
	}
	blank();
	heading('Dimensions and their goals');
	for (const dimension of view.scenario.dimensions) line(dimension.label, dimension.goal);
	blank();
	heading('Sources');
	for (const source of view.sources) {
		line(
			source.outlet,
			`${source.title}, ${dateLabel(source.date, source.date_inferred)}; authors: ${
				source.authors === NOT_STATED ? NOT_STATED : source.authors.join(', ')
			}`
		);
	}
	blank();
	heading('Links');
	linkNotes(links).forEach((note, i) => line(i === 0 ? 'Passage links' : '', note));
	blank();
	heading('Method');
	line('How the data was coded', meta.method);
	fitRowHeights(sheet, new Set([1, 2]), 1);
}
