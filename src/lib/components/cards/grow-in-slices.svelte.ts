import { flushSync, untrack } from 'svelte';

/** Aim for each slice: well under the 50 ms that counts as a long task on a phone 4x slower. */
const SLICE_MS = 6;

/**
 * A count of items to build that grows a slice per task until it reaches `total()`, each slice
 * sized from the time the last one took, so a long list is built without one long task and the
 * page answers taps meanwhile (issue 17). The first `first` items are built at once. The count
 * only grows: a list that shrinks and grows back does not wait again. Call during component
 * initialisation (it owns an effect).
 */
export function growInSlices(total: () => number, first: number): { readonly count: number } {
	let count = $state(first);
	$effect(() => {
		const target = total();
		let step = 2;
		let timer: ReturnType<typeof setTimeout> | undefined;
		const grow = () => {
			const started = performance.now();
			count = Math.min(target, count + step);
			// Built now, inside this task, so the time it took is known.
			flushSync();
			const took = performance.now() - started;
			if (took < SLICE_MS / 2) step *= 2;
			else if (took > SLICE_MS) step = Math.max(1, Math.floor(step / 2));
			if (count < target) timer = setTimeout(grow, 0);
		};
		if (untrack(() => count) < target) timer = setTimeout(grow, 0);
		return () => clearTimeout(timer);
	});
	return {
		get count() {
			return count;
		}
	};
}
