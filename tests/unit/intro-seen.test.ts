/** The first-visit introduction's flag: shown once, and storage faults never break the page. */
import { describe, expect, it } from 'vitest';
import { INTRO_KEY, introSeen, rememberIntroSeen } from '../../src/lib/storage/intro-seen';

function memory(): Storage {
	const data = new Map<string, string>();
	return {
		getItem: (k: string) => data.get(k) ?? null,
		setItem: (k: string, v: string) => void data.set(k, v),
		removeItem: (k: string) => void data.delete(k),
		clear: () => data.clear(),
		key: () => null,
		get length() {
			return data.size;
		}
	};
}

describe('intro flag', () => {
	it('unseen until remembered, then seen for good', () => {
		const store = memory();
		expect(introSeen(() => store)).toBe(false);
		expect(rememberIntroSeen(() => store)).toBe(true);
		expect(store.getItem(INTRO_KEY)).toBe('seen');
		expect(introSeen(() => store)).toBe(true);
	});

	it('blocked or broken storage: treated as seen, and saving reports failure without throwing', () => {
		const blocked = () => {
			throw new DOMException('The operation is insecure.', 'SecurityError');
		};
		expect(introSeen(blocked)).toBe(true);
		expect(rememberIntroSeen(blocked)).toBe(false);
		const full = memory();
		full.setItem = () => {
			throw new DOMException('Quota exceeded', 'QuotaExceededError');
		};
		expect(rememberIntroSeen(() => full)).toBe(false);
		expect(introSeen(() => full)).toBe(false);
	});

	it('any other stored value does not count as seen', () => {
		const store = memory();
		store.setItem(INTRO_KEY, 'maybe');
		expect(introSeen(() => store)).toBe(false);
	});
});
