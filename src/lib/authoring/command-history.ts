/**
 * Undo and redo for scenario edits. Each edit records the state before and after it (states are
 * immutable values, so a step costs a reference, not a copy). Typing in one field is one step,
 * not one per keystroke: a change with the same `group` as the last one, within `mergeMs`,
 * extends that step. A new edit after an undo drops the steps that were undone, as editors do.
 *
 * Pure: no DOM, no Svelte; the time is handed in.
 */
export interface Step<T> {
	before: T;
	after: T;
	/** What the step did, in words, for the Undo button's label and the screen reader. */
	label: string;
	/** Changes with the same group in quick succession merge (e.g. "meta.title"). */
	group?: string;
	at: number;
}

export const MERGE_MS = 1000;
export const HISTORY_DEPTH = 500;

export class CommandHistory<T> {
	private done: Step<T>[] = [];
	private undone: Step<T>[] = [];

	constructor(
		private readonly mergeMs = MERGE_MS,
		private readonly depth = HISTORY_DEPTH
	) {}

	/** Records an edit from `before` to `after`; an edit that changes nothing is not a step. */
	record(before: T, after: T, label: string, now: number, group?: string): void {
		if (before === after) return;
		this.undone = [];
		const last = this.done[this.done.length - 1];
		if (group !== undefined && last && last.group === group && now - last.at <= this.mergeMs) {
			this.done[this.done.length - 1] = { ...last, after, at: now };
			return;
		}
		this.done.push({ before, after, label, group, at: now });
		if (this.done.length > this.depth) this.done.shift();
	}

	/** The state to go back to, or undefined when there is nothing to undo. */
	undo(): Step<T> | undefined {
		const step = this.done.pop();
		if (step) this.undone.push(step);
		return step;
	}

	redo(): Step<T> | undefined {
		const step = this.undone.pop();
		if (step) this.done.push({ ...step, at: -Infinity });
		return step;
	}

	get canUndo(): boolean {
		return this.done.length > 0;
	}
	get canRedo(): boolean {
		return this.undone.length > 0;
	}
	get undoLabel(): string | undefined {
		return this.done[this.done.length - 1]?.label;
	}
	get redoLabel(): string | undefined {
		return this.undone[this.undone.length - 1]?.label;
	}

	/** Ends the current typing step, so the next change starts a new one (e.g. on blur). */
	seal(): void {
		const last = this.done[this.done.length - 1];
		if (last) this.done[this.done.length - 1] = { ...last, at: -Infinity };
	}

	clear(): void {
		this.done = [];
		this.undone = [];
	}
}
