/**
 * Cell renderers and the source header for ag-grid. Scenario text is untrusted, so every
 * renderer builds DOM nodes and sets `textContent`; no HTML string ever carries scenario text.
 * Stance is always colour plus a symbol plus a word (the word may be visually hidden).
 */
import type {
	ICellRendererParams,
	IHeaderGroupParams,
	IInnerHeaderGroupComponent
} from 'ag-grid-community';
import {
	DIRECTION_LOOK,
	FILTERED_OUT,
	NOT_ADDRESSED,
	STANCE_LOOK,
	dateLabel
} from '../present/stance';
import { isHttpUrl, type Source, type Stance } from '../scenario/schema';
import type { DimensionCell } from './by-dimension';
import { highlightRuns } from '../view/search-terms';
import { EMPTY_CELL, type CellSummary, type Pair } from '../view/matrix-view';
import { RENDERERS } from './model';

function el(tag: string, className = '', text?: string): HTMLElement {
	const node = document.createElement(tag);
	if (className) node.className = className;
	if (text !== undefined) node.textContent = text;
	return node;
}

/** The search's words, which the grid wrapper keeps in the grid's context. */
function termsOf(params: { context?: unknown }): readonly string[] {
	const context = params.context as { terms?: readonly string[] } | undefined;
	return context?.terms ?? [];
}

/** A span of text with the search's words in <mark>s, built as text nodes (never HTML). */
function marked(className: string, text: string, terms: readonly string[]): HTMLElement {
	if (terms.length === 0) return el('span', className, text);
	const node = el('span', className);
	for (const run of highlightRuns(text, terms))
		node.append(run.match ? el('mark', 'sg-hit', run.text) : document.createTextNode(run.text));
	return node;
}

function hidden(text: string): HTMLElement {
	return el('span', 'visually-hidden', text);
}

function symbol(text: string, className = 'sg-sym'): HTMLElement {
	const node = el('span', className, text);
	node.setAttribute('aria-hidden', 'true');
	return node;
}

export function stanceBadge(stance: Stance): HTMLElement {
	const look = STANCE_LOOK[stance];
	const badge = el('span', `sg-badge sg-badge-${stance}`);
	badge.append(symbol(look.symbol), el('span', 'sg-word', look.word));
	return badge;
}

function stanceCell(params: ICellRendererParams<unknown, CellSummary>): HTMLElement {
	const cell = params.value ?? EMPTY_CELL;
	const terms = termsOf(params);
	const root = el('div', 'sg-cell');
	if (cell.claims.length === 0) {
		root.classList.add('sg-cell-empty');
		root.append(
			symbol(cell.hidden ? FILTERED_OUT.symbol : '—', 'sg-sym sg-empty-sym'),
			el('span', 'sg-empty', cell.hidden ? FILTERED_OUT.word : NOT_ADDRESSED.word)
		);
		return root;
	}
	if (cell.claims.length === 1) {
		const claim = cell.claims[0]!;
		root.append(stanceBadge(claim.stance), marked('sg-consequence', claim.consequence, terms));
		return root;
	}
	const head = el('span', 'sg-mix');
	head.append(el('span', 'sg-count', `${cell.claims.length} claims`));
	for (const stance of ['support', 'conditional', 'oppose'] as const) {
		const n = cell.counts[stance];
		if (n === 0) continue;
		const chip = el('span', `sg-chip sg-badge-${stance}`);
		chip.append(
			symbol(STANCE_LOOK[stance].symbol),
			el('span', '', String(n)),
			hidden(` ${STANCE_LOOK[stance].word.toLowerCase()}`)
		);
		head.append(chip);
	}
	const list = el('ul', 'sg-claim-list');
	for (const claim of cell.claims) {
		const item = el('li', `sg-item sg-item-${claim.stance}`);
		item.append(
			symbol(STANCE_LOOK[claim.stance].symbol),
			hidden(`${STANCE_LOOK[claim.stance].word}: `),
			marked('sg-consequence', claim.consequence, terms)
		);
		list.append(item);
	}
	root.append(head, list);
	return root;
}

/** Plain text with the search's words marked (claims table text columns). */
function textCell(params: ICellRendererParams<unknown, unknown>): HTMLElement {
	const text = params.valueFormatted ?? (params.value == null ? '' : String(params.value));
	return marked('sg-text', text, termsOf(params));
}

/**
 * A compact cell: the stance symbol in its colour (one per stance present, with a count when a
 * cell holds several claims), the words for screen readers; the full text is the tooltip, the
 * note shown on focus, and the evidence panel.
 */
function stanceCompactCell(params: ICellRendererParams<unknown, CellSummary>): HTMLElement {
	const cell = params.value ?? EMPTY_CELL;
	const root = el('div', 'sg-cell sg-compact');
	if (cell.claims.length === 0) {
		root.classList.add('sg-cell-empty');
		// Filtered out (claims the filters hide) is not the same as not addressed: its own symbol.
		root.append(
			symbol(cell.hidden ? FILTERED_OUT.symbol : '·', 'sg-sym sg-empty-sym'),
			hidden(cell.hidden ? FILTERED_OUT.word : NOT_ADDRESSED.word)
		);
		return root;
	}
	for (const stance of ['support', 'conditional', 'oppose'] as const) {
		const n = cell.counts[stance];
		if (n === 0) continue;
		const chip = el('span', `sg-compact-chip sg-badge-${stance}`);
		chip.append(symbol(STANCE_LOOK[stance].symbol));
		if (cell.claims.length > 1) chip.append(el('span', 'sg-compact-n', String(n)));
		chip.append(hidden(` ${STANCE_LOOK[stance].word}`));
		root.append(chip);
	}
	return root;
}

function optionCell(
	params: ICellRendererParams<{ option: { label: string; description: string } }>
): HTMLElement {
	const root = el('div', 'sg-rowhead');
	const option = params.data?.option;
	if (!option) return root;
	root.append(el('span', 'sg-rowhead-label', option.label));
	root.append(el('span', 'sg-rowhead-desc', option.description));
	return root;
}

function personCell(params: ICellRendererParams<{ pair: Pair }>): HTMLElement {
	const root = el('div', 'sg-rowhead');
	const pair = params.data?.pair;
	if (!pair) return root;
	const c = pair.commentator;
	root.append(el('span', 'sg-rowhead-label', c.name));
	const role = [c.role, c.affiliation].filter((t) => t !== 'not stated').join(', ');
	if (role) root.append(el('span', 'sg-rowhead-desc', role));
	return root;
}

function sourceCell(params: ICellRendererParams<{ pair: Pair }>): HTMLElement {
	const root = el('div', 'sg-rowhead sg-source-cell');
	const source = params.data?.pair.source;
	if (!source) {
		root.append(el('span', 'sg-muted', 'Not quoted in any source'));
		return root;
	}
	root.append(
		el('span', '', source.outlet),
		el('span', 'sg-rowhead-desc', dateLabel(source.date, source.date_inferred))
	);
	return root;
}

function directionCell(params: ICellRendererParams<unknown, DimensionCell>): HTMLElement {
	const root = el('div', 'sg-cell');
	const cell = params.value;
	if (!cell || cell.groups.length === 0) {
		root.classList.add('sg-cell-empty');
		root.append(symbol('—', 'sg-sym sg-empty-sym'), el('span', 'sg-empty', 'No prediction'));
		return root;
	}
	for (const group of cell.groups) {
		const look = DIRECTION_LOOK[group.direction];
		const line = el('div', `sg-dir sg-dir-${group.direction}`);
		const label = el('span', 'sg-dir-label');
		label.append(symbol(look.symbol), el('span', '', `${look.word}:`));
		line.append(label, el('span', 'sg-dir-people', group.people.map((p) => p.name).join('; ')));
		root.append(line);
	}
	return root;
}

function claimStanceCell(params: ICellRendererParams<unknown, string>): HTMLElement | string {
	const stance = params.value;
	if (stance === 'support' || stance === 'conditional' || stance === 'oppose')
		return stanceBadge(stance);
	return String(stance ?? '');
}

function linkCell(params: ICellRendererParams<unknown, string>): HTMLElement {
	const url = params.value;
	if (typeof url === 'string' && isHttpUrl(url)) {
		const a = document.createElement('a');
		a.href = url;
		a.target = '_blank';
		a.rel = 'noopener noreferrer';
		a.textContent = 'Open passage';
		// The grid owns Tab inside cells; the link is reachable from the evidence panel too.
		a.tabIndex = -1;
		return a;
	}
	return el('span', 'sg-muted', 'No address known');
}

/** The inside of a source's column group header: outlet, title, and date ("(inferred)" if so). */
class SourceHeader implements IInnerHeaderGroupComponent {
	private gui: HTMLElement = el('div', 'sg-source-head');

	init(params: IHeaderGroupParams & { source?: Source | null }): void {
		const source = params.source;
		if (!source) {
			this.gui.append(el('span', 'sg-source-outlet', 'Not quoted in any source'));
			return;
		}
		this.gui.append(
			el('span', 'sg-source-outlet', source.outlet),
			el('span', 'sg-source-title', source.title),
			el('span', 'sg-source-date', dateLabel(source.date, source.date_inferred))
		);
	}

	getGui(): HTMLElement {
		return this.gui;
	}

	refresh(): boolean {
		return false;
	}
}

export const GRID_COMPONENTS = {
	[RENDERERS.stance]: stanceCell,
	[RENDERERS.stanceCompact]: stanceCompactCell,
	[RENDERERS.option]: optionCell,
	[RENDERERS.person]: personCell,
	[RENDERERS.source]: sourceCell,
	[RENDERERS.direction]: directionCell,
	[RENDERERS.claimStance]: claimStanceCell,
	[RENDERERS.link]: linkCell,
	[RENDERERS.text]: textCell,
	[RENDERERS.sourceHeader]: SourceHeader
};
