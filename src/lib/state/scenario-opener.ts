/**
 * How a scenario reaches the workspace: a bundled choice, a file, an address (with the download a
 * link starts before hydration), this browser's library, or a link's fragment. Every way is checked
 * by the command line's loader, and only a valid scenario replaces the one on screen. Each open is
 * a numbered choice, so one that finishes after a newer choice was made is dropped.
 */
import { isHttpUrl, MAX_SCENARIO_BYTES, tooLarge } from '../scenario/schema';
import { decodeBytes } from '../scenario/decode';
import type { OpenScenario } from './open-scenario';
import { CANCELLED, fetchScenario, takeEarlyFetch, type Body, type Fetched } from './link-fetch';
import { decodeState } from '../view/url-read';
import type { UrlState } from '../view/url-state';
import type { Workspace } from './workspace.svelte';

export class ScenarioOpener {
	/**
	 * Counts choices of scenario (a bundled one, a file, an address): an open that finishes after
	 * a newer choice was made is dropped, so a slow link cannot undo what the reader picked since.
	 */
	private choices = 0;
	/**
	 * The choice on screen: an open older than it is dropped when it finishes, but a newer one
	 * that fails (an invalid file while a link loads) leaves a pending older one to finish.
	 */
	private shown = 0;
	/** The fetch `prefetch` started, taken over by `address` for the same address. */
	private early: { url: string; fetched: Promise<Fetched>; cancel: AbortController } | null = null;
	/** The address being fetched, for Cancel and for the "Opening" line after a file's failure. */
	private pendingLink: { url: string; cancel: AbortController } | null = null;

	constructor(private readonly ws: Workspace) {}

	/**
	 * Starts fetching a link's `src`, and loading the loader, as the page starts rather than after
	 * it has hydrated; the workspace's `readUrl` then opens the result. Call before the first render.
	 */
	prefetch(params: URLSearchParams): void {
		const url = decodeState(params).state.src?.trim();
		if (!url || !isHttpUrl(url)) return;
		const cancel = new AbortController();
		this.early = {
			url,
			cancel,
			fetched: takeEarlyFetch(url, cancel.signal) ?? fetchScenario(url, cancel.signal)
		};
		// Failures are reported by `text`'s own import, which reuses this request.
		import('../scenario/load-core').catch(() => undefined);
		this.ws.waiting = true;
		this.ws.loading = url;
	}

	/** Switches to a bundled scenario; filters and selection refer to ids and start afresh. */
	bundled(id: string): void {
		if (!this.ws.bundled.some((b) => b.scenario.meta.id === id)) return;
		this.shown = ++this.choices;
		this.stopLink();
		this.ws.waiting = false;
		this.ws.loading = null;
		this.ws.external = null;
		this.ws.src = null;
		this.ws.bundledId = id === this.ws.defaultId ? null : id;
		this.ws.resetForNewScenario();
		this.ws.status = `Showing ${this.ws.scenario?.meta.title ?? id}`;
	}

	/**
	 * Stops whatever is being opened (a link's download, a file being checked): the scenario on
	 * screen stays, or the default one shows if nothing was on screen yet.
	 */
	cancel(): void {
		const what = this.ws.loading;
		this.shown = ++this.choices;
		this.stopLink();
		this.ws.loading = null;
		this.ws.waiting = false;
		if (what) this.ws.status = `Stopped opening ${what}. The scenario on screen is unchanged.`;
	}

	private stopLink(): void {
		this.pendingLink?.cancel.abort();
		this.early?.cancel.abort();
		this.pendingLink = null;
		this.early = null;
	}

	/**
	 * Validates text with the same loader as the command line. Only a valid scenario replaces the
	 * one on screen; otherwise every error is listed and nothing else changes.
	 */
	async text(
		text: string,
		file: string,
		origin: 'file' | 'address' | 'library',
		{
			then,
			size,
			choice,
			libraryKey
		}: { then?: UrlState; size?: number; choice: number; libraryKey?: string }
	): Promise<boolean> {
		// Loaded on demand, and the YAML parser only for YAML text.
		const { loadScenarioLazily, formatLoadError, problemCount } =
			await import('../scenario/load-core');
		const result = await loadScenarioLazily(text, file, size);
		if (choice <= this.shown) return false;
		if (!result.ok) {
			// A student's downloaded position is not a broken scenario: say what it is instead.
			const { readPositionFile, positionFileExplained } = await import('../class/position-file');
			const position = readPositionFile(text);
			if (position.kind !== 'other') {
				this.ws.loadProblem = positionFileExplained(file, position);
				this.ws.status = this.ws.loadProblem.title;
				return false;
			}
			const count = problemCount(result);
			this.ws.loadProblem = {
				title: `Could not open ${file}: ${count} problem${count === 1 ? '' : 's'}${count > result.errors.length ? ` (the first ${result.errors.length} listed)` : ''}. The scenario on screen is unchanged.`,
				lines: result.errors.map(formatLoadError)
			};
			this.ws.status = this.ws.loadProblem.title;
			return false;
		}
		this.shown = choice;
		if (origin !== 'address') this.stopLink();
		this.ws.loadProblem = null;
		this.ws.waiting = false;
		const opened: OpenScenario = { scenario: result.scenario, file, origin, libraryKey };
		this.ws.external = opened;
		this.ws.bundledId = null;
		this.ws.resetForNewScenario();
		if (then) this.ws.ignored = [...this.ws.ignored, ...this.ws.apply(then)];
		this.ws.status = `Opened ${result.scenario.meta.title} from ${origin === 'library' ? 'this browser’s library' : file}`;
		// Kept in the background: the scenario is on screen whether or not storage works.
		if (origin !== 'library')
			void this.ws.library.keep(text, result.scenario, file, origin).then((key) => {
				if (key && this.ws.external === opened) this.ws.external = { ...opened, libraryKey: key };
			});
		return true;
	}

	/**
	 * Opens a scenario carried in the address's fragment (`#scenario=...`, made by the editor's
	 * "Copy link"): decoded, then checked by the same loader as a file.
	 */
	async fragment(hash: string): Promise<boolean> {
		const choice = ++this.choices;
		const { decodeScenarioLink } = await import('../authoring/share-link');
		const decoded = await decodeScenarioLink(hash);
		if (choice !== this.choices || 'absent' in decoded) return false;
		if (!decoded.ok) {
			this.ws.loadProblem = { title: decoded.problem, lines: [] };
			this.ws.status = decoded.problem;
			return false;
		}
		return this.text(decoded.text, 'the link', 'address', { choice });
	}

	async file(file: File): Promise<boolean> {
		if (file.size > MAX_SCENARIO_BYTES) {
			this.ws.loadProblem = {
				title: `Could not open ${file.name}. The scenario on screen is unchanged.`,
				lines: [`${file.name}:1:1: ${tooLarge(file.size)}`]
			};
			return false;
		}
		this.ws.loading = file.name;
		const choice = ++this.choices;
		const current = () => choice === this.choices;
		try {
			// Bytes decoded as the command line does: bytes that are not UTF-8 are binary data,
			// while a real U+FFFD stays text (File.text() would make both U+FFFD).
			const text = decodeBytes(new Uint8Array(await file.arrayBuffer()));
			const ok = await this.text(text, file.name, 'file', { size: file.size, choice });
			if (ok) this.ws.src = null;
			return ok;
		} catch (err) {
			if (current())
				this.ws.loadProblem = {
					title: `Could not read ${file.name}. The scenario on screen is unchanged.`,
					lines: [`${file.name}:1:1: ${err instanceof Error ? err.message : String(err)}`]
				};
			return false;
		} finally {
			if (current()) {
				// A link still loading goes on, with the scenario on screen meanwhile (not a blank page).
				this.ws.loading = this.pendingLink?.url ?? null;
				this.ws.waiting = false;
			}
		}
	}

	async address(address: string, then?: UrlState): Promise<boolean> {
		const url = address.trim();
		const choice = ++this.choices;
		const fail = (message: string) => {
			// Nothing to report about an open the reader has since replaced with another choice.
			if (choice <= this.shown) return false;
			this.ws.loadProblem = {
				title: `Could not open ${url || 'the address'}. The scenario on screen is unchanged.`,
				lines: [`${url}:1:1: ${message}`]
			};
			this.ws.status = this.ws.loadProblem.title;
			return false;
		};
		if (!isHttpUrl(url)) return fail('expected an http:// or https:// address');
		this.ws.loading = url;
		const early = this.early?.url === url ? this.early : null;
		this.early = null;
		this.pendingLink?.cancel.abort();
		const cancel = early?.cancel ?? new AbortController();
		const link = { url, cancel };
		this.pendingLink = link;
		const mine = () => this.pendingLink === link;
		try {
			const fetched = await (early?.fetched ?? fetchScenario(url, cancel.signal));
			if (!mine() || cancel.signal.aborted) return false;
			if (!fetched.ok) return fail(fetched.problem);
			let body: Body;
			try {
				body = await fetched.body;
			} catch (err) {
				const message = err instanceof Error ? err.message : String(err);
				if (message === CANCELLED || !mine()) return false;
				return fail(message);
			}
			const name = url.split(/[?#]/)[0]!.split('/').pop() || url;
			const ok = await this.text(body.text, name, 'address', {
				then,
				size: body.size,
				choice
			});
			if (ok) this.ws.src = url;
			return ok;
		} finally {
			if (mine()) {
				this.pendingLink = null;
				this.ws.loading = null;
				// On failure the bundled scenario shows again, under the message.
				this.ws.waiting = false;
			}
		}
	}

	/** Opens a scenario kept in this browser's library, checked by the loader like a file. */
	async fromLibrary(key: string, then?: UrlState): Promise<boolean> {
		const choice = ++this.choices;
		const record = await this.ws.library.get(key);
		if (!record || choice !== this.choices) return false;
		const ok = await this.text(record.text, record.from || record.title, 'library', {
			then,
			choice,
			libraryKey: record.key
		});
		if (ok) this.ws.src = null;
		return ok;
	}
}
