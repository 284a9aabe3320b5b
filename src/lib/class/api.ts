/**
 * Calls to the class server from the pages: JSON in, JSON or a sentence out. Network failures
 * and refusals come back as values, never as thrown errors, so every page can say what happened.
 */

export type ApiResult<T> =
	| { ok: true; status: number; data: T }
	/** `status` 0: the server could not be reached (offline, or a static host without it). */
	| { ok: false; status: number; error: string };

export const NO_SERVER =
	'Class mode needs the Stancegrid server, and this site is served without it (a static host). Run it with npm start (see the README), or use the position-file dashboard below.';

export async function api<T>(
	method: string,
	path: string,
	options: { key?: string | null; body?: unknown } = {}
): Promise<ApiResult<T>> {
	const headers: Record<string, string> = {};
	if (options.key) headers.Authorization = `Bearer ${options.key}`;
	if (options.body !== undefined) headers['Content-Type'] = 'application/json';
	let response: Response;
	try {
		response = await fetch(path, {
			method,
			headers,
			cache: 'no-store',
			...(options.body === undefined ? {} : { body: JSON.stringify(options.body) })
		});
	} catch {
		return { ok: false, status: 0, error: 'The class server cannot be reached (offline?).' };
	}
	const type = response.headers.get('content-type') ?? '';
	if (!type.includes('application/json')) {
		if (response.ok && response.status === 204)
			return { ok: true, status: 204, data: undefined as T };
		// A static host answers /api/... with its own 404 page.
		return { ok: false, status: response.status, error: NO_SERVER };
	}
	const data = (await response.json().catch(() => null)) as T | { error?: string } | null;
	if (!response.ok) {
		const error =
			(data as { error?: string } | null)?.error ?? `The class server answered ${response.status}.`;
		return { ok: false, status: response.status, error };
	}
	return { ok: true, status: response.status, data: data as T };
}

/** Whether the class server is there and its database answers: null when all is well. */
export async function serverProblem(): Promise<string | null> {
	const result = await api<{ ok: boolean }>('GET', '/api/health');
	if (result.ok) return null;
	if (result.status === 0 || result.error === NO_SERVER || result.status === 404) return NO_SERVER;
	return result.error;
}

/** A random UUID (crypto.randomUUID needs a secure context; a school LAN address is not one). */
export function uuid(): string {
	const bytes = crypto.getRandomValues(new Uint8Array(16));
	bytes[6] = (bytes[6]! & 0x0f) | 0x40;
	bytes[8] = (bytes[8]! & 0x3f) | 0x80;
	const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** localStorage that may be blocked: reads give null, writes report failure. */
export const local = {
	get(key: string): string | null {
		try {
			return localStorage.getItem(key);
		} catch {
			return null;
		}
	},
	set(key: string, value: string): boolean {
		try {
			localStorage.setItem(key, value);
			return true;
		} catch {
			return false;
		}
	},
	remove(key: string): void {
		try {
			localStorage.removeItem(key);
		} catch {
			// nothing of ours to remove
		}
	}
};
