/**
 * Bytes -> text the way browsers do it (the Encoding standard's "decode": a byte-order mark
 * picks UTF-8 or UTF-16, otherwise UTF-8), so the command line reads a file exactly as the
 * app does and both give the same answer for it.
 *
 * Bytes that are not UTF-8 are not turned into U+FFFD, the replacement character: a scenario may
 * hold a real U+FFFD (what the app writes it must read back), so the two must stay apart. The
 * first bad byte becomes NUL instead, which the loader refuses as binary data at its position.
 */
const utf8 = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8', { fatal: false });

/** Offset of the first byte that does not belong to a well-formed UTF-8 sequence. */
function firstInvalid(bytes: Uint8Array): number {
	let i = 0;
	while (i < bytes.length) {
		const b = bytes[i]!;
		if (b < 0x80) {
			i++;
			continue;
		}
		let n = 0;
		let min = 0;
		if (b >= 0xc2 && b <= 0xdf) [n, min] = [1, 0x80];
		else if (b >= 0xe0 && b <= 0xef) [n, min] = [2, 0x800];
		else if (b >= 0xf0 && b <= 0xf4) [n, min] = [3, 0x10000];
		else return i;
		let cp = b & (0x3f >> n);
		for (let k = 1; k <= n; k++) {
			const c = bytes[i + k];
			if (c === undefined || (c & 0xc0) !== 0x80) return i;
			cp = (cp << 6) | (c & 0x3f);
		}
		if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
		i += n + 1;
	}
	return -1;
}

export function decodeBytes(bytes: Uint8Array): string {
	if (bytes[0] === 0xfe && bytes[1] === 0xff)
		return new TextDecoder('utf-16be').decode(bytes.subarray(2));
	if (bytes[0] === 0xff && bytes[1] === 0xfe)
		return new TextDecoder('utf-16le').decode(bytes.subarray(2));
	try {
		return utf8.decode(bytes);
	} catch {
		const bad = Math.max(firstInvalid(bytes), 0);
		return utf8.decode(bytes.subarray(0, bad)) + '\u0000' + lenient.decode(bytes.subarray(bad + 1));
	}
}
