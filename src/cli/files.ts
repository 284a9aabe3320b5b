/**
 * The command line's file access: a scenario is read to at most the size limit plus one byte
 * from any file or stream (`/dev/zero`, a pipe, a FIFO never end), and a write failure is a
 * reason in words, never a stack trace.
 */
import { open, writeFile } from 'node:fs/promises';
import { decodeBytes } from '../lib/scenario/decode';
import { MAX_SCENARIO_BYTES, tooLarge } from '../lib/scenario/schema';

const REASONS: Record<string, string> = {
	ENOENT: 'no such file or folder',
	EISDIR: 'is a folder, not a file',
	ENOTDIR: 'a part of the path is not a folder',
	EACCES: 'permission denied',
	EPERM: 'permission denied',
	EROFS: 'the disk is read-only',
	ENOSPC: 'the disk is full',
	EDQUOT: 'the disk quota is used up',
	ENAMETOOLONG: 'the name is too long',
	EEXIST: 'already exists',
	EMFILE: 'too many open files',
	EBUSY: 'the file is busy'
};

function reason(err: unknown): string {
	const code = (err as NodeJS.ErrnoException).code;
	if (code) return `${REASONS[code] ?? 'failed'} (${code})`;
	return err instanceof Error ? err.message.split('\n')[0]! : String(err);
}

/** A scenario's text, or a problem to print after the file name (": ..." or ":1:1: ..."). */
export async function readLimited(file: string): Promise<{ text: string } | { problem: string }> {
	let handle;
	try {
		handle = file === '-' ? null : await open(file, 'r');
	} catch (err) {
		return {
			problem: `: cannot read the file (${(err as NodeJS.ErrnoException).code ?? reason(err)})`
		};
	}
	try {
		const chunks: Uint8Array[] = [];
		let total = 0;
		const limit = MAX_SCENARIO_BYTES + 1;
		if (handle) {
			const stat = await handle.stat();
			// A regular file says its size: refused before a byte is read.
			if (stat.isFile() && stat.size > MAX_SCENARIO_BYTES)
				return { problem: `:1:1: ${tooLarge(stat.size)}` };
			const buffer = new Uint8Array(1 << 20);
			while (total < limit) {
				const { bytesRead } = await handle.read(buffer, 0, Math.min(buffer.length, limit - total));
				if (bytesRead === 0) break;
				chunks.push(buffer.slice(0, bytesRead));
				total += bytesRead;
			}
		} else {
			for await (const chunk of process.stdin) {
				const bytes = chunk as Uint8Array;
				chunks.push(bytes.subarray(0, limit - total));
				total += Math.min(bytes.length, limit - total);
				if (total >= limit) break;
			}
		}
		if (total > MAX_SCENARIO_BYTES)
			return {
				problem: `:1:1: file is over ${MAX_SCENARIO_BYTES / 1048576} MiB (reading stopped there); the limit is ${MAX_SCENARIO_BYTES / 1048576} MiB`
			};
		const bytes = new Uint8Array(total);
		let at = 0;
		for (const chunk of chunks) {
			bytes.set(chunk, at);
			at += chunk.length;
		}
		return { text: decodeBytes(bytes) };
	} catch (err) {
		return {
			problem: `: cannot read the file (${(err as NodeJS.ErrnoException).code ?? reason(err)})`
		};
	} finally {
		await handle?.close();
	}
}

/** Writes `data` to `path`; the reason in words when that fails. */
export async function writeOut(path: string, data: string | Uint8Array): Promise<string | null> {
	try {
		await writeFile(path, data);
		return null;
	} catch (err) {
		return `cannot write the file: ${reason(err)}`;
	}
}
