/**
 * The editor's live verdict on a draft: the loader's own messages (the same checks as
 * `stancegrid validate`), an inferred date without its note, and quotes no longer found in their
 * article text. Runs in the editor's validation worker, off the main thread: at 1,000 claims the
 * loader takes about 100 ms, which would otherwise land on the next keystroke.
 *
 * Pure: no DOM, no Svelte.
 */
import { formatPath, loadScenarioLazily } from '../scenario/load-core';
import { draftFrom } from './draft';
import { locateSelector } from './quote-selector';

export interface Problem {
	path: string;
	message: string;
}

/** Problems of the draft given as its JSON text (draftJson) and its article texts by source. */
export async function draftProblems(
	text: string,
	articles: Readonly<Record<string, string>>
): Promise<Problem[]> {
	const result = await loadScenarioLazily(text, 'scenario.json');
	const problems: Problem[] = result.ok
		? []
		: result.errors.map((e) => ({ path: e.path, message: e.message }));
	const draft = draftFrom(text, { ...articles });
	if (!draft) return problems;
	draft.scenario.sources.forEach((source, i) => {
		if (source.date_inferred && !source.date_note?.trim())
			problems.push({
				path: formatPath(['sources', i, 'date_note']),
				message: 'the date is marked inferred: say how it was worked out'
			});
	});
	draft.scenario.claims.forEach((claim, i) => {
		const article = draft.articles[claim.source];
		if (article !== undefined && claim.quote && !locateSelector(article, claim.quote))
			problems.push({
				path: formatPath(['claims', i, 'quote']),
				message:
					'the quote is not found in its article text as it is now; re-anchor it from the source'
			});
	});
	return problems;
}
