/**
 * The two ways an export leaves the page: a file download, and a rich copy to the clipboard.
 * Everything before this point is pure and tested in Node; these are the only DOM calls.
 */

/**
 * Saves text, bytes or a Blob as a file: a Blob behind a temporary `<a download>`. Throws, and
 * downloads nothing, for an empty file: the caller reports a failure, never "Downloaded".
 */
export function downloadFile(
	data: string | Uint8Array | Blob,
	filename: string,
	mime: string
): void {
	const size =
		typeof data === 'string' ? data.length : data instanceof Blob ? data.size : data.length;
	if (size === 0) throw new Error(`${filename} came out empty, so nothing was downloaded`);
	// A copy into a plain ArrayBuffer: Blob accepts no view over a shared buffer.
	const blob =
		data instanceof Blob
			? data
			: new Blob([typeof data === 'string' ? data : new Uint8Array(data).buffer], { type: mime });
	const url = URL.createObjectURL(blob);
	const link = document.createElement('a');
	link.href = url;
	link.download = filename;
	link.style.display = 'none';
	document.body.append(link);
	link.click();
	link.remove();
	// Revoked later, not at once: some browsers start reading the Blob after click() returns.
	setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export class ClipboardError extends Error {}

/**
 * Puts an HTML table and its tab-separated text on the clipboard together, so each application
 * takes the richest flavour it understands. Must run inside the click that asked for it: browsers
 * allow clipboard writes only during a user gesture.
 */
export async function copyRich(html: string, text: string): Promise<'rich' | 'text'> {
	const clipboard = typeof navigator === 'undefined' ? undefined : navigator.clipboard;
	try {
		if (clipboard?.write && typeof ClipboardItem !== 'undefined') {
			await clipboard.write([
				new ClipboardItem({
					'text/html': new Blob([html], { type: 'text/html' }),
					'text/plain': new Blob([text], { type: 'text/plain' })
				})
			]);
			return 'rich';
		}
		if (clipboard?.writeText) {
			await clipboard.writeText(text);
			return 'text';
		}
	} catch (err) {
		const name = err instanceof DOMException ? err.name : '';
		throw new ClipboardError(
			name === 'NotAllowedError'
				? 'The browser did not allow copying to the clipboard. Allow clipboard access for this site, or download the table instead.'
				: `Copying failed: ${err instanceof Error ? err.message : String(err)}`
		);
	}
	throw new ClipboardError(
		'This browser offers no clipboard access to pages. Download the table instead.'
	);
}

/**
 * Puts plain text on the clipboard; where the Clipboard API is blocked (permissions, plain
 * http), falls back to a selection copy. Returns false when the browser allowed neither.
 */
export async function copyPlainText(text: string): Promise<boolean> {
	try {
		await navigator.clipboard.writeText(text);
		return true;
	} catch {
		const area = document.createElement('textarea');
		area.value = text;
		area.setAttribute('readonly', '');
		area.style.position = 'fixed';
		area.style.opacity = '0';
		document.body.append(area);
		area.select();
		const ok = document.execCommand('copy');
		area.remove();
		return ok;
	}
}
