/**
 * Quick search's words: how a query is split into terms, and where those terms fall in a piece
 * of text, so the grid, the cards and the evidence panel mark exactly what the search matched.
 * Pure: the components turn the runs into text nodes and <mark> elements.
 */

/**
 * The lower-cased words of a query. A claim matches when its text holds every word (in any
 * order), so "sanctions russia" finds what a student means, not only that exact phrase.
 */
export function queryTerms(query: string): string[] {
	const words = query.toLowerCase().trim().split(/\s+/).filter(Boolean);
	// Longest first, so a run marks "tomahawks" rather than stopping at "tomahawk" inside it.
	return [...new Set(words)].sort((a, b) => b.length - a.length);
}

export interface Run {
	text: string;
	match: boolean;
}

/**
 * `text` cut into runs that alternate between unmatched and matched stretches (overlapping or
 * touching matches merge). With no terms, one unmatched run. Case-insensitive; the runs keep
 * the text's own case and join back into exactly `text`.
 */
export function highlightRuns(text: string, terms: readonly string[]): Run[] {
	if (terms.length === 0 || text === '') return [{ text, match: false }];
	const lower = text.toLowerCase();
	// Lower-casing can change a string's length (e.g. "İ"); then positions would not line up.
	if (lower.length !== text.length) return [{ text, match: false }];
	const marked = new Uint8Array(text.length);
	for (const term of terms) {
		for (let at = lower.indexOf(term); at !== -1; at = lower.indexOf(term, at + 1))
			marked.fill(1, at, at + term.length);
	}
	const runs: Run[] = [];
	let start = 0;
	for (let i = 1; i <= text.length; i++) {
		if (i === text.length || marked[i] !== marked[start]) {
			runs.push({ text: text.slice(start, i), match: marked[start] === 1 });
			start = i;
		}
	}
	return runs;
}
