/**
 * The matrix as a Markdown pipe table with footnoted citations (GitHub-flavoured footnotes), for
 * memos, wikis and assignments. Every scenario text goes through `escapeMarkdown`; the only markup
 * in the file is this module's own (heading, table, footnote marks, passage links).
 */
import { NOT_ADDRESSED, STANCE_LOOK } from '../present/stance';
import { STANCES } from '../scenario/schema';
import { escapeMarkdown, markdownHref, safeHref } from './escape';
import type { ExportInput } from './format-info';
import { passageUrl } from '../scenario/passage-link';
import { buildMatrix, resolveView } from './view';
import { citationLine, claimEntry, STANCE_MEANING } from './words';

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

	const header = ['Option', ...matrix.commentators.map((c) => md(c.name))];
	lines.push(`| ${header.join(' | ')} |`, `|${header.map(() => ' --- |').join('')}`);
	matrix.rows.forEach((row, o) => {
		const cells = row.map((cell) =>
			cell.claims.length === 0
				? NOT_ADDRESSED.word
				: cell.claims
						.map((claim) => `${md(claimEntry(claim))}[^${matrix.citation.get(claim.id)}]`)
						.join(' / ')
		);
		lines.push(`| ${[md(matrix.options[o]!.label), ...cells].join(' | ')} |`);
	});
	lines.push('');
	const legend = STANCES.map((s) => {
		const look = STANCE_LOOK[s];
		return `${look.symbol} ${look.word}: ${STANCE_MEANING[s]}`;
	});
	legend.push(`${NOT_ADDRESSED.word}: ${STANCE_MEANING.not_addressed}`);
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
