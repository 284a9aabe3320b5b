/** A Word document -> its raw text (mammoth): paragraphs separated by blank lines. */
import mammoth from 'mammoth';

export async function docxText(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
	const result = await mammoth.extractRawText({ arrayBuffer: bytes.buffer });
	return result.value;
}
