/**
 * Whether this browser has seen the first-visit introduction. A plain flag, not a person's work:
 * when storage is blocked, full or throws, the answer is "seen" (better no introduction than one
 * that returns on every visit) and dismissing still closes it for this page.
 */
import type { StorageLike } from './envelope';

export const INTRO_KEY = 'stancegrid.intro';
const SEEN = 'seen';

/** `storage` is a getter: merely reading `window.localStorage` throws where storage is blocked. */
export function introSeen(storage: () => Pick<StorageLike, 'getItem'>): boolean {
	try {
		return storage().getItem(INTRO_KEY) === SEEN;
	} catch {
		return true;
	}
}

/** Remembers the dismissal; false when it could not be saved (the page goes on regardless). */
export function rememberIntroSeen(storage: () => Pick<StorageLike, 'setItem'>): boolean {
	try {
		storage().setItem(INTRO_KEY, SEEN);
		return true;
	} catch {
		return false;
	}
}
