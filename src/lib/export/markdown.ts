/**
 * The matrix as a Markdown pipe table with footnoted citations (GitHub-flavoured footnotes), for
 * memos, wikis and assignments. Every scenario text goes through `escapeMarkdown`; the only markup
 * in the file is this module's own (heading, table, footnote marks, passage links).
 */
import { FILTERED_OUT, NOT_ADDRESSED, STANCE_LOOK } from '../present/stance';
import { STANCES } from '../scenario/schema';
import { escapeMarkdown, markdownHref, safeHref } from './escape';
import type { ExportInput } from './format-info';
import { passageUrl } from '../scenario/passage-link';
import { buildMatrix, resolveView } from './view';
import { citationLine, claimEntry, emptyWord, headText, STANCE_MEANING } from './words';

const md = escapeMarkdown;

export function matrixMarkdown(input: ExportInput): string {
	const view = resolveView(input);
	const matrix = buildMatrix(view);
	const { meta } = view.scenario;
	const lines: string[] = [`# ${md(meta.title)}`, '', `Question: ${md(meta.question)}`, ''];
	lines.push(
		`As of ${md(meta.as_of)}, coded by ${md(meta.coded_by)}. ${matrix.cited.length} claim(s) in the table.`,
		''
	);
	lines.push(
		view.filters.length === 0
			? 'Filters: none (every claim in the scenario).'
			: `Filters: ${view.filters.map(md).join('; ')}.`,
		''
	);

	const header = [md(matrix.corner), ...matrix.columns.map((c) => md(headText(c)))];
	lines.push(`| ${header.join(' | ')} |`, `|${header.map(() => ' --- |').join('')}`);
	matrix.cells.forEach((row, r) => {
		const cells = row.map((cell) =>
			cell.claims.length === 0
				? emptyWord(cell)
				: cell.claims
						.map((claim) => `${md(claimEntry(claim))}[^${matrix.citation.get(claim.id)}]`)
						.join(' / ')
		);
		lines.push(`| ${[md(headText(matrix.rows[r]!)), ...cells].join(' | ')} |`);
	});
	lines.push('');
	const legend = STANCES.map((s) => {
		const look = STANCE_LOOK[s];
		return `${look.symbol} ${look.word}: ${STANCE_MEANING[s]}`;
	});
	legend.push(`${NOT_ADDRESSED.word}: ${STANCE_MEANING.not_addressed}`);
	if (view.filters.length > 0) legend.push(`${FILTERED_OUT.word}: ${STANCE_MEANING.filtered_out}`);
	lines.push(`Stances: ${legend.join('; ')}.`, '');

	for (const [i, claim] of matrix.cited.entries()) {
		const source = view.index.source(claim.source);
		const href = safeHref(passageUrl(source.url, claim.quote));
		const link = href ? ` [Open passage](${markdownHref(href)})` : '';
		lines.push(
			`[^${i + 1}]: “${md(claim.quote.exact)}” (${md(citationLine(view, claim))}).${link}`
		);
	}
	return lines.join('\n') + '\n';
}
