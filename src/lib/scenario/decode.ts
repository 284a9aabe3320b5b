/**
 * Bytes -> text the way browsers do it (the Encoding standard's "decode": a byte-order mark
 * picks UTF-8 or UTF-16, otherwise UTF-8), so the command line reads a file exactly as the
 * app's `File.text()` does and both give the same answer for it.
 */
export function decodeBytes(bytes: Uint8Array): string {
	if (bytes[0] === 0xfe && bytes[1] === 0xff)
		return new TextDecoder('utf-16be').decode(bytes.subarray(2));
	if (bytes[0] === 0xff && bytes[1] === 0xfe)
		return new TextDecoder('utf-16le').decode(bytes.subarray(2));
	// Invalid UTF-8 becomes U+FFFD, which the loader reports as binary data.
	return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
}
