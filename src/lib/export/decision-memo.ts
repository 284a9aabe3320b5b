/**
 * The decision table as a Markdown memo: the weights, options against the weighted goals with n
 * and "unclear", the verdict and the weight change that would change it, and every claim behind
 * a number footnoted with its quote and citation. Every scenario text goes through
 * `escapeMarkdown`, as in the matrix export; the only markup is this module's own.
 */
import type { Decision } from '../analysis/decision';
import type { Sensitivities } from '../analysis/decision-sensitivity';
import { closestChangeSentence, decisionSentence, namesOf } from '../present/analysis-words';
import { dateLabel } from '../present/stance';
import { passageUrl } from '../scenario/passage-link';
import type { Scenario } from '../scenario/schema';
import { escapeMarkdown, markdownHref, safeHref } from './escape';

const md = escapeMarkdown;

/** −0.25 / +0.50 / – : signed, two decimals, a real minus sign. */
export function scoreText(value: number | null): string {
	if (value === null) return '–';
	const fixed = Math.abs(value).toFixed(2);
	if (fixed === '0.00') return '0.00';
	return value > 0 ? `+${fixed}` : `−${fixed}`;
}

export function decisionMemo(
	scenario: Scenario,
	decision: Decision & { sensitivity: Sensitivities }
): string {
	const names = namesOf(scenario);
	const { meta } = scenario;
	const lines: string[] = [
		`# Decision memo: ${md(meta.title)}`,
		'',
		`Question: ${md(meta.question)}`,
		'',
		`As of ${md(meta.as_of)}, coded by ${md(meta.coded_by)}.`,
		''
	];
	lines.push(
		'## Weights',
		'',
		...scenario.dimensions.map(
			(d) => `- ${md(d.label)} (${md(d.goal)}): ${decision.weights[d.id] ?? 1}`
		),
		''
	);
	lines.push(
		'## Verdict',
		'',
		md(decisionSentence(names, decision)),
		'',
		md(closestChangeSentence(names, decision.sensitivity)),
		''
	);

	// Footnotes: every claim behind a number, numbered in the order the table cites them.
	const footnote = new Map<string, number>();
	const cite = (ids: readonly string[]) =>
		ids
			.map((id) => {
				if (!footnote.has(id)) footnote.set(id, footnote.size + 1);
				return `[^${footnote.get(id)}]`;
			})
			.join('');

	lines.push(
		'## Options against the weighted goals',
		'',
		'Score: from −1 (every expected effect hurts the weighted goals) to +1 (every one helps); n = commentators with a clear expected effect.',
		''
	);
	const header = [
		'Option',
		'Total',
		'n',
		'Unclear',
		...scenario.dimensions.map((d) => `${md(d.label)} (helps / hurts / unclear)`)
	];
	lines.push(`| ${header.join(' | ')} |`, `|${header.map(() => ' --- |').join('')}`);
	const byId = new Map(decision.options.map((o) => [o.option, o]));
	for (const id of decision.ranking) {
		const o = byId.get(id)!;
		const cells = o.dimensions.map((d) =>
			d.claims.length === 0 ? '' : `${d.helps} / ${d.hurts} / ${d.unclear}${cite(d.claims)}`
		);
		lines.push(
			`| ${[md(o.label), scoreText(o.total), String(o.n), String(o.unclear), ...cells].join(' | ')} |`
		);
	}
	lines.push('', '## Per commentator', '');
	for (const id of decision.ranking) {
		const o = byId.get(id)!;
		if (o.commentators.length === 0) continue;
		lines.push(`### ${md(o.label)}`, '');
		for (const c of o.commentators) {
			const score = c.score === null ? 'unclear' : scoreText(c.score);
			lines.push(
				`- ${md(names.commentator(c.commentator))}: ${score} (helps ${c.helps}, hurts ${c.hurts}, unclear ${c.unclear})${cite(c.claims)}`
			);
		}
		lines.push('');
	}

	const claims = new Map(scenario.claims.map((c) => [c.id, c]));
	const sources = new Map(scenario.sources.map((s) => [s.id, s]));
	for (const [id, n] of footnote) {
		const claim = claims.get(id)!;
		const source = sources.get(claim.source)!;
		const href = safeHref(passageUrl(source.url, claim.quote));
		const link = href ? ` [Open passage](${markdownHref(href)})` : '';
		const where = [
			names.commentator(claim.commentator),
			source.outlet,
			`“${source.title}”`,
			dateLabel(source.date, source.date_inferred)
		].join(', ');
		lines.push(`[^${n}]: “${md(claim.quote.exact)}” (${md(where)}).${link}`);
	}
	return lines.join('\n') + '\n';
}
