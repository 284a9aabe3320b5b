/**
 * Van der Eijk's agreement A for ordered rating scales (C. van der Eijk 2001, "Measuring agreement
 * in ordered rating scales", Quality and Quantity 35:325-341), following the R package agrmt's
 * `agreement()`, the reference implementation: 1 = everyone in one category, 0 = an even spread,
 * -1 = split evenly between the two extreme categories.
 *
 * A frequency vector is decomposed into layers: each layer takes the same height from every
 * category still non-empty, so its pattern is the set of categories at least that tall. Each
 * pattern has its own agreement, and A is their mean weighted by the share of cases in the layer.
 */

/**
 * Agreement A of one layer pattern (`true` = the category is non-empty in this layer), as in agrmt's
 * `patternAgreement`: A = U * (1 - (S - 1) / (K - 1)), with S the non-empty categories and U the
 * unimodality from the counts of unimodal (TU: 110, 011) and bimodal (TDU: 101) triples.
 */
export function patternAgreement(pattern: ArrayLike<boolean>): number {
	const k = pattern.length;
	let nonEmpty = 0;
	for (let i = 0; i < k; i++) if (pattern[i]) nonEmpty++;
	// Defined as 1 by van der Eijk; also covers K = 1, where (S - 1) / (K - 1) is 0 / 0.
	if (nonEmpty === 1) return 1;
	if (nonEmpty === 0 || k < 3) return 0;

	// The published algorithm counts triples i < j < m in O(K^3); counting, for each middle
	// position, the filled and empty categories on either side gives the same counts in O(K).
	let filledBefore = 0;
	let emptyBefore = 0;
	let unimodal = 0;
	let bimodal = 0;
	for (let j = 0; j < k; j++) {
		const filledAfter = nonEmpty - filledBefore - (pattern[j] ? 1 : 0);
		const emptyAfter = k - 1 - j - filledAfter;
		if (pattern[j]) {
			unimodal += filledBefore * emptyAfter + emptyBefore * filledAfter;
			filledBefore++;
		} else {
			bimodal += filledBefore * filledAfter;
			emptyBefore++;
		}
	}
	// No triple of either kind (e.g. every category filled): agrmt's NaN, which it defines as 0.
	if (unimodal + bimodal === 0) return 0;
	const unimodality = ((k - 2) * unimodal - (k - 1) * bimodal) / ((k - 2) * (unimodal + bimodal));
	return unimodality * (1 - (nonEmpty - 1) / (k - 1));
}

/**
 * Agreement A of a frequency vector (counts per category, in scale order). `null` when there are
 * no cases, since nobody can agree or disagree. Counts need not be integers, so A of a vector of
 * shares equals A of the counts.
 *
 * Van der Eijk defines A for three or more categories (agrmt returns NA below that). With fewer,
 * the layer formula still gives an answer and we keep it rather than a special case: one category
 * is 1, and with two categories A = |share1 - share2| (all in one = 1, an even split = 0).
 */
export function agreement(frequencies: ArrayLike<number>): number | null {
	const k = frequencies.length;
	let total = 0;
	for (let i = 0; i < k; i++) {
		const count = frequencies[i] as number;
		if (!Number.isFinite(count) || count < 0) {
			throw new RangeError(`agreement: expected counts >= 0, got ${String(count)} at ${i}`);
		}
		total += count;
	}
	if (total === 0) return null;

	// agrmt peels layers by repeatedly subtracting the smallest non-zero remainder; the layer
	// boundaries are exactly the distinct counts, and taking them from the sorted counts avoids the
	// floating-point crumbs that repeated subtraction leaves behind with non-integer counts.
	const levels = Array.from(frequencies)
		.filter((count) => count > 0)
		.sort((x, y) => x - y);
	const pattern = new Array<boolean>(k);
	let result = 0;
	let floor = 0;
	for (const level of levels) {
		if (level === floor) continue;
		let width = 0;
		for (let i = 0; i < k; i++) {
			const filled = (frequencies[i] as number) >= level;
			pattern[i] = filled;
			if (filled) width++;
		}
		result += (((level - floor) * width) / total) * patternAgreement(pattern);
		floor = level;
	}
	return result;
}
