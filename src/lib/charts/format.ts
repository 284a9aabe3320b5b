/** Text shared by chart titles, axis labels and the data tables. */

/**
 * Agreement as `stancegrid analyze` prints it (4 decimals, no "-0"), so the data tables and the CLI
 * show the same numbers.
 */
export function round4(value: number): number {
	const rounded = Math.round(value * 1e4) / 1e4;
	return rounded === 0 ? 0 : rounded;
}

/** The exact CLI number as text, e.g. "0.9444", "-0.4", "1". */
export function agreementText(value: number | null, none = 'no shared options'): string {
	return value === null ? none : String(round4(value));
}

/** Two decimals with a real minus sign, for titles and labels: "−0.40", "0.25". */
export function shortNumber(value: number): string {
	const text = Math.abs(value).toFixed(2);
	return value < 0 && text !== '0.00' ? `−${text}` : text;
}

export function truncate(text: string, max: number): string {
	return text.length <= max ? text : text.slice(0, Math.max(1, max - 1)).trimEnd() + '…';
}

/**
 * Word-wraps a label into lines of at most `width` characters (a word longer than that gets a
 * line of its own), and at most `maxLines` lines, the last ending in "…" if text was cut.
 */
export function wrapLabel(text: string, width: number, maxLines = 3): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(/\s+/).filter(Boolean)) {
		if (line === '') line = word;
		else if (line.length + 1 + word.length <= width) line += ' ' + word;
		else {
			lines.push(line);
			line = word;
		}
	}
	if (line) lines.push(line);
	if (lines.length <= maxLines) return lines;
	const kept = lines.slice(0, maxLines);
	const last = kept[maxLines - 1]!;
	kept[maxLines - 1] =
		last.length + 1 <= width ? last + '…' : last.slice(0, width - 1).trimEnd() + '…';
	return kept;
}

/** "1 claim", "2 claims". */
export function plural(count: number, one: string, many = one + 's'): string {
	return `${count} ${count === 1 ? one : many}`;
}

/** "A, B and C". */
export function listText(items: readonly string[]): string {
	if (items.length <= 1) return items.join('');
	return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
