/**
 * What holds for a scenario's text whatever its format (size, not empty, text rather than
 * binary), and the two things every message needs from it: where an offset is (line and column)
 * and how a value from the file is shown (escaped, cut).
 */
import { MAX_SCENARIO_BYTES } from './schema';

/** Pieces of text encoded at a time to count bytes: whole surrogate pairs, a small buffer. */
const COUNT_CHUNK = 65536;

export function byteLength(text: string): number {
	// Exact count only when it could matter: a UTF-16 unit is at most 3 UTF-8 bytes. Counted by
	// the platform's encoder a piece at a time (twice as fast as a loop over 13 million
	// characters), without encoding the whole file just to measure it.
	if (text.length * 3 <= MAX_SCENARIO_BYTES) return text.length;
	const encoder = new TextEncoder();
	const scratch = new Uint8Array(3 * COUNT_CHUNK + 3);
	let bytes = 0;
	for (let start = 0; start < text.length;) {
		let end = Math.min(start + COUNT_CHUNK, text.length);
		const last = text.charCodeAt(end - 1);
		if (end < text.length && last >= 0xd800 && last <= 0xdbff) end++;
		bytes += encoder.encodeInto(text.slice(start, end), scratch).written;
		start = end;
	}
	return bytes;
}

/**
 * Line and column of offsets in one text. The line starts are found once, so placing 20,000
 * problems is one pass and a binary search each (scanning from the start for each problem was
 * quadratic: 2,000 errors took 4.8 s). CR LF, LF and CR alone each end a line, as in YAML 1.2.
 */
export class LineIndex {
	private starts: number[] | null = null;
	constructor(private readonly text: string) {}

	private lineStarts(): number[] {
		if (this.starts) return this.starts;
		const starts = [0];
		const text = this.text;
		for (let i = 0; i < text.length; i++) {
			const c = text.charCodeAt(i);
			if (c === 10) starts.push(i + 1);
			else if (c === 13) {
				if (text.charCodeAt(i + 1) === 10) i++;
				starts.push(i + 1);
			}
		}
		this.starts = starts;
		return starts;
	}

	at(offset: number): { line: number; col: number } {
		const starts = this.lineStarts();
		const end = Math.max(0, Math.min(offset, this.text.length));
		let lo = 0;
		let hi = starts.length - 1;
		while (lo < hi) {
			const mid = (lo + hi + 1) >> 1;
			if (starts[mid]! <= end) lo = mid;
			else hi = mid - 1;
		}
		return { line: lo + 1, col: end - starts[lo]! + 1 };
	}
}

/** Control characters other than tab and line breaks mean a binary file, not text. */
// eslint-disable-next-line no-control-regex
const BINARY = /[\u0000-\u0008\u000e-\u001f]/;

/** Offset of the first character that marks the text as binary, or -1. */
export function binaryAt(text: string): number {
	return text.search(BINARY);
}

/** Where the text shows it is binary, with the message for it; null for text. */
export function binaryProblem(text: string): { line: number; col: number; message: string } | null {
	const junk = binaryAt(text);
	if (junk < 0) return null;
	return {
		...new LineIndex(text).at(junk),
		message: 'file holds binary data, not YAML or JSON text'
	};
}

/**
 * Characters a message must not carry raw: C0 and C1 controls (terminal escapes, NEL), DEL, line
 * and paragraph separators, and the bidirectional controls that could reorder what is shown.
 */
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** The most characters of a value from a file shown in a message. */
export const SHOWN = 80;

/**
 * Text from a file as a message may show it: unprintable characters as `\u001b`-style escapes
 * (so nothing reaches a terminal as a command or forges another `file:line:col` line), and cut
 * to `max` characters with a count of the rest.
 */
export function printable(text: string, max = SHOWN): string {
	const cut = text.length > max ? text.slice(0, max) : text;
	const shown = cut.replace(
		UNPRINTABLE,
		(c) => NAMED[c] ?? '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0')
	);
	return text.length > max ? `${shown}… (${text.length - max} more)` : shown;
}
