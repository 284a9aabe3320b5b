/**
 * This browser's scenario library as the page sees it: the list for the switcher, and every
 * problem with storage in words for a visible notice. The library (and `idb`) is loaded on first
 * use, not with the page. Storage that fails never takes the scenario on screen with it.
 */
import type { Scenario } from '../scenario/schema';
import type {
	LibraryOrigin,
	LibraryRecord,
	LibrarySummary,
	ScenarioLibrary
} from '../storage/scenario-library';

export class LocalLibrary {
	/** What the library holds, newest first (empty until it has been read). */
	items = $state.raw<LibrarySummary[]>([]);
	/** Why the library could not be read or written; null when all is well. */
	problem = $state<string | null>(null);
	private opened: Promise<ScenarioLibrary | null> | null = null;

	private open(): Promise<ScenarioLibrary | null> {
		this.opened ??= import('../storage/scenario-library').then(
			async ({ ScenarioLibrary }) => {
				const result = await ScenarioLibrary.open();
				if (result.ok) return result.library;
				this.problem = result.problem;
				return null;
			},
			() => {
				this.opened = null;
				this.problem = 'The scenario library could not be loaded. Try reloading the page.';
				return null;
			}
		);
		return this.opened;
	}

	/** Reads the list again; a failure is shown and nothing is removed. */
	async refresh(): Promise<void> {
		const library = await this.open();
		if (!library) return;
		const listed = await library.list();
		if (!listed.ok) {
			this.problem = listed.problem;
			return;
		}
		this.items = listed.items;
		const n = listed.unreadable;
		if (n > 0)
			this.problem = `${n} stored scenario${n === 1 ? ' is' : 's are'} damaged and cannot be opened; ${n === 1 ? 'it has' : 'they have'} been left as stored.`;
	}

	/** Keeps a scenario just opened; resolves to its key, or undefined when storage failed. */
	async keep(
		text: string,
		scenario: Scenario,
		from: string,
		origin: LibraryOrigin
	): Promise<string | undefined> {
		const library = await this.open();
		if (!library) return undefined;
		const added = await library.add({
			text,
			format: text.trimStart().startsWith('{') ? 'json' : 'yaml',
			scenarioId: scenario.meta.id,
			title: scenario.meta.title,
			origin,
			from
		});
		if (!added.ok) {
			this.problem = `${added.problem} ${scenario.meta.title} is still on screen.`;
			return undefined;
		}
		this.problem = null;
		await this.refresh();
		return added.record.key;
	}

	/** A stored record, or undefined (a problem other than "not there" is shown). */
	async get(key: string): Promise<LibraryRecord | undefined> {
		const library = await this.open();
		if (!library) return undefined;
		const got = await library.get(key);
		if (got.ok) return got.record;
		if (got.reason !== 'missing') this.problem = got.problem;
		return undefined;
	}

	/** Removes a record; false (with the reason shown) when storage refused. */
	async remove(key: string): Promise<boolean> {
		const library = await this.open();
		if (!library) return false;
		const removed = await library.remove(key);
		if (!removed.ok) {
			this.problem = removed.problem;
			return false;
		}
		await this.refresh();
		return true;
	}

	dismissProblem(): void {
		this.problem = null;
	}
}
