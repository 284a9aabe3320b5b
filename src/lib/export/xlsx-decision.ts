/**
 * The Decision sheet: the decision table of the /decision page for the weights in the address
 * (`ExportInput.weights`), from the same analysis (`decisionReport`): options best total first
 * with n, unclear and not addressed beside every total, each goal's helps / hurts / unclear
 * counts, and the claim ids behind each row (rows of the Claims sheet); then what the numbers
 * mean, the weights used, the verdict and the weight change that would change it, and the score
 * of each commentator. Every text goes through `setText`, so no cell is ever a formula.
 */
import type { Style, Workbook } from 'exceljs';
import { decisionReport } from '../analysis/analysis-report';
import { formatWeights } from '../analysis/decision-weights';
import { closestChangeSentence, decisionSentence, namesOf } from '../present/analysis-words';
import type { ExportView } from './view';
import {
	LOOKS,
	columnLetter,
	frozenSheet,
	heightFor,
	linesAt,
	look,
	perLineAt,
	setText,
	type Look
} from './xlsx-cells';

/** Signed, two decimals: the page's `scoreText` as an Excel number format. */
const SCORE = look({ numFmt: '+0.00;-0.00;0.00', alignment: { vertical: 'top' } });
const COUNT = look({ alignment: { vertical: 'top' } });

/** A number cell: a score (signed format; "unclear" when null) or a count. */
interface Score {
	kind: 'score';
	score: number | null;
}
interface Count {
	kind: 'count';
	score: number;
}

const DECISION_MEANING =
	'Total: the mean of the commentators’ scores, from −1 (every effect they expect hurts the weighted goals) to +1 (every one helps); n: commentators with a clear expected effect on a goal weighted above 0. Each goal shows how many commentators expect the option to help / hurt / leave it unclear.';

/** The scope in words: the page's (every claim) or the filtered view's, which the sheet follows. */
function scopeText(view: ExportView): string {
	if (view.filters.length === 0)
		return `Every claim of the scenario (${view.claims.length}), as on the Decision table page.`;
	return `Only the ${view.claims.length} claims in view, with the filters listed on the Legend & method sheet; the Decision table page uses every claim.`;
}

export function addDecision(workbook: Workbook, view: ExportView): void {
	const { scenario } = view;
	const decision =
		view.filters.length > 0
			? decisionReport(scenario, view.weights, view.claims)
			: decisionReport(scenario, view.weights);
	const names = namesOf(scenario);
	const dims = scenario.dimensions;
	const byOption = new Map(decision.options.map((o) => [o.option, o]));

	const sheet = frozenSheet(workbook, 'Decision', 1);
	const widths = [30, 10, 8, 10, 12, ...dims.map(() => 18), 36];
	widths.forEach((width, i) => (sheet.getColumn(i + 1).width = width));
	const claimsColumn = widths.length;
	const perLine = widths.map(perLineAt);

	/** Writes a row: text, counts, or a score; wrapped columns set its height. */
	const put = (
		r: number,
		values: ReadonlyArray<string | Count | Score | null>,
		base: Look = LOOKS.wrap,
		wrap = true
	) => {
		const line = sheet.getRow(r);
		let lines = 1;
		values.forEach((value, i) => {
			// null: a cell left empty, to reach the claims column.
			if (value === null) return;
			const cell = line.getCell(i + 1);
			if (typeof value === 'string') {
				const text = setText(cell, value, base);
				if (wrap) lines = Math.max(lines, linesAt(text, perLine[i]!));
			} else if (value.score === null) setText(cell, 'unclear', base);
			else {
				cell.value = value.score;
				cell.style = (value.kind === 'score' ? SCORE : COUNT) as Style;
			}
		});
		line.height = heightFor(lines);
	};
	const count = (n: number): Count => ({ kind: 'count', score: n });
	const score = (value: number | null): Score => ({ kind: 'score', score: value });
	const atClaims = (claims: string, before: ReadonlyArray<string | Count | Score | null>) => [
		...before,
		...Array.from({ length: claimsColumn - 1 - before.length }, () => null),
		claims
	];

	put(
		1,
		[
			'Option',
			'Total',
			'n',
			'Unclear',
			'Not addressed',
			...dims.map((d) => `${d.label} (weight ${decision.weights[d.id]}): helps / hurts / unclear`),
			'Claims behind the row (ids on the Claims sheet)'
		],
		LOOKS.header
	);
	let row = 1;
	for (const id of decision.ranking) {
		const o = byOption.get(id)!;
		put(++row, [
			o.label,
			score(o.total),
			count(o.n),
			count(o.unclear),
			count(o.not_addressed),
			...o.dimensions.map((d) =>
				d.claims.length === 0 ? '' : `${d.helps} / ${d.hurts} / ${d.unclear}`
			),
			[...new Set(o.commentators.flatMap((c) => c.claims))].join(', ')
		]);
	}
	const lastOption = row;

	// Below the table, notes one to a row in the first column, unwrapped so they run across.
	const note = (text: string, base: Look = LOOKS.plain) => put(++row, [text], base, false);
	row++;
	note('What the numbers mean', LOOKS.heading);
	note(DECISION_MEANING);
	note(`Scope: ${scopeText(view)}`);
	row++;
	note('Verdict', LOOKS.heading);
	note(decisionSentence(names, decision));
	note(closestChangeSentence(names, decision.sensitivity));
	row++;
	note('Weights used (0 ignores a goal; only their ratios count)', LOOKS.heading);
	for (const d of dims)
		put(++row, [d.label, count(decision.weights[d.id] ?? 1), d.goal], LOOKS.plain, false);
	const text = formatWeights(dims, decision.weights);
	note(
		text === ''
			? 'Every goal weighs the same: the unweighted table.'
			: `The same weights in a Stancegrid address: w=${text}`
	);
	row++;
	note('Each commentator’s score', LOOKS.heading);
	note(
		'Score: the weighted mean of the directions this commentator expects on the goals they name, from −1 to +1; n: goals with a clear direction; helps / hurts: goals they expect the option to help or hurt; unclear: goals with no clear direction.'
	);
	put(
		++row,
		atClaims('Claims (ids on the Claims sheet)', [
			'Commentator, on option',
			'Score',
			'n',
			'Unclear',
			'Helps / hurts'
		]),
		LOOKS.header
	);
	for (const id of decision.ranking) {
		const o = byOption.get(id)!;
		for (const c of o.commentators) {
			put(
				++row,
				atClaims(c.claims.join(', '), [
					`${names.commentator(c.commentator)}, on ${o.label}`,
					score(c.score),
					count(c.helps + c.hurts + c.even),
					count(c.unclear),
					`${c.helps} / ${c.hurts}`
				])
			);
		}
	}
	sheet.autoFilter = `A1:${columnLetter(widths.length)}${lastOption}`;
	sheet.pageSetup.printTitlesRow = '1:1';
	Object.assign(sheet.pageSetup, { fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
}
