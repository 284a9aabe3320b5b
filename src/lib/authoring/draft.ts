/**
 * A scenario being edited: the scenario as the person has it so far (it may not be valid yet:
 * empty text, a kind not chosen) and the article texts by source id. Edits are pure functions
 * that return a new draft and share every part they did not change, so an undo step costs a
 * reference and an autosave of 1,000 claims does not copy them on each keystroke.
 *
 * Pure: no DOM, no Svelte.
 */
import {
	NOT_STATED,
	type Claim,
	type Commentator,
	type Dimension,
	type Meta,
	type Option,
	type Scenario,
	type Source
} from '../scenario/schema';
import { sharedJson } from './draft-json';

export interface Draft {
	scenario: Scenario;
	articles: Readonly<Record<string, string>>;
}

type Listed = 'options' | 'commentators' | 'sources' | 'dimensions' | 'claims';
type ItemOf<K extends Listed> = Scenario[K][number];

/** A slug from a label: lowercase letters, digits and hyphens, never empty. */
export function slugify(label: string, fallback = 'item'): string {
	const slug = label
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60)
		.replace(/-+$/, '');
	return slug || fallback;
}

/** `base`, or `base-2`, `base-3`... whichever is not taken. */
export function uniqueId(base: string, taken: Iterable<string>): string {
	const used = new Set(taken);
	if (!used.has(base)) return base;
	for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}

export function today(now: Date): string {
	return now.toISOString().slice(0, 10);
}

export function newDraft(title: string, question: string, now: Date): Draft {
	return {
		scenario: {
			meta: {
				id: slugify(title, 'my-scenario'),
				title,
				question,
				as_of: today(now),
				coded_by: NOT_STATED,
				method: 'One stance per claim, judged from the quote shown beside it.'
			},
			dimensions: [],
			options: [],
			sources: [],
			commentators: [],
			claims: []
		},
		articles: {}
	};
}

export function setMeta<K extends keyof Meta>(d: Draft, key: K, value: Meta[K]): Draft {
	return { ...d, scenario: { ...d.scenario, meta: { ...d.scenario.meta, [key]: value } } };
}

function setList<K extends Listed>(d: Draft, key: K, list: Scenario[K]): Draft {
	return { ...d, scenario: { ...d.scenario, [key]: list } };
}

/** Changes the item with `id` in a list; ids are renamed everywhere they are referred to. */
export function updateItem<K extends Listed>(
	d: Draft,
	key: K,
	id: string,
	patch: Partial<ItemOf<K>>
): Draft {
	const list = d.scenario[key] as ItemOf<K>[];
	const next = list.map((item) => (item.id === id ? { ...item, ...patch } : item));
	return setList(d, key, next as Scenario[K]);
}

export function addItem<K extends Listed>(d: Draft, key: K, item: ItemOf<K>, at?: number): Draft {
	const list = [...(d.scenario[key] as ItemOf<K>[])];
	list.splice(at ?? list.length, 0, item);
	return setList(d, key, list as Scenario[K]);
}

/** Moves an item one place up (-1) or down (+1); rows and columns of the grid follow the order. */
export function moveItem<K extends Listed>(d: Draft, key: K, id: string, by: -1 | 1): Draft {
	const list = [...(d.scenario[key] as ItemOf<K>[])];
	const at = list.findIndex((x) => x.id === id);
	const to = at + by;
	if (at < 0 || to < 0 || to >= list.length) return d;
	[list[at], list[to]] = [list[to]!, list[at]!];
	return setList(d, key, list as Scenario[K]);
}

/** Claims that refer to an option, commentator or source (deleting it deletes them too). */
export function claimsUsing(d: Draft, key: 'options' | 'commentators' | 'sources', id: string) {
	const field = key === 'options' ? 'option' : key === 'commentators' ? 'commentator' : 'source';
	return d.scenario.claims.filter((c) => c[field] === id);
}

export function removeItem(d: Draft, key: Listed, id: string): Draft {
	let next = setList(
		d,
		key,
		(d.scenario[key] as { id: string }[]).filter((x) => x.id !== id) as never
	);
	if (key === 'options' || key === 'commentators' || key === 'sources') {
		const gone = new Set(claimsUsing(d, key, id).map((c) => c.id));
		if (gone.size > 0)
			next = setList(
				next,
				'claims',
				next.scenario.claims.filter((c) => !gone.has(c.id))
			);
	}
	if (key === 'dimensions') {
		next = setList(
			next,
			'claims',
			next.scenario.claims.map((c) =>
				c.effects.some((e) => e.dimension === id)
					? { ...c, effects: c.effects.filter((e) => e.dimension !== id) }
					: c
			)
		);
	}
	if (key === 'sources' && id in d.articles) {
		const articles = { ...d.articles };
		delete articles[id];
		next = { ...next, articles };
	}
	return next;
}

export function setArticle(d: Draft, sourceId: string, text: string): Draft {
	return { ...d, articles: { ...d.articles, [sourceId]: text } };
}

export function newOption(d: Draft, label: string): Option {
	const id = uniqueId(
		slugify(label, 'option'),
		d.scenario.options.map((o) => o.id)
	);
	return { id, label, description: label };
}

export function newCommentator(
	d: Draft,
	name: string,
	fields: Partial<Commentator> = {}
): Commentator {
	const id = uniqueId(
		slugify(name, 'commentator'),
		d.scenario.commentators.map((c) => c.id)
	);
	return { id, name, role: NOT_STATED, affiliation: NOT_STATED, kind: 'analyst', ...fields };
}

export function newDimension(d: Draft, label: string, goal: string): Dimension {
	const id = uniqueId(
		slugify(label, 'dimension'),
		d.scenario.dimensions.map((x) => x.id)
	);
	return { id, label, goal };
}

/** A source with nothing stated yet: kind and date are for the person to give. */
export function blankSource(d: Draft, title: string): Source {
	const id = uniqueId(
		slugify(title, 'source'),
		d.scenario.sources.map((s) => s.id)
	);
	return {
		id,
		outlet: NOT_STATED,
		title: title || NOT_STATED,
		date: '',
		date_inferred: false,
		authors: NOT_STATED,
		kind: '' as Source['kind'],
		url: NOT_STATED
	};
}

export function claimId(d: Draft, commentator: string, option: string): string {
	return uniqueId(
		slugify(`${commentator}-${option}`, 'claim'),
		d.scenario.claims.map((c) => c.id)
	);
}

export function setClaim(d: Draft, id: string, patch: Partial<Claim>): Draft {
	return updateItem(d, 'claims', id, patch);
}

/** The draft as it goes to the loader, to storage and into a file (JSON.stringify's bytes). */
export function draftJson(d: Draft): string {
	return sharedJson(d.scenario);
}

/** A draft back from storage: the scenario as JSON (checked by the loader when shown). */
export function draftFrom(text: string, articles: Record<string, string> = {}): Draft | null {
	try {
		const value = JSON.parse(text) as Partial<Scenario>;
		if (!value || typeof value !== 'object' || !value.meta) return null;
		return {
			scenario: {
				...value,
				dimensions: value.dimensions ?? [],
				options: value.options ?? [],
				sources: value.sources ?? [],
				commentators: value.commentators ?? [],
				claims: (value.claims ?? []).map((c) => ({ ...c, effects: c.effects ?? [] }))
			} as Scenario,
			articles
		};
	} catch {
		return null;
	}
}
