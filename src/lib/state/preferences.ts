/**
 * Display preferences (theme, text size) remembered in this browser. The address carries them
 * too, so a failing storage only means they are not remembered for the next visit.
 */
const KEYS = { theme: 'stancegrid.theme', size: 'stancegrid.size' } as const;

export type PrefName = keyof typeof KEYS;

export function readPref(name: PrefName): string | null {
	try {
		return localStorage.getItem(KEYS[name]);
	} catch {
		return null;
	}
}

export function writePref(name: PrefName, value: string): void {
	try {
		localStorage.setItem(KEYS[name], value);
	} catch {
		// Storage may be full, disabled or blocked; the preference still lives in the address.
	}
}
