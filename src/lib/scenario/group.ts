/** Groups items by a key, keeping first-seen order of keys and items (Map.groupBy needs Node 21). */
export function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
	const groups = new Map<K, T[]>();
	for (const item of items) {
		const k = key(item);
		const list = groups.get(k);
		if (list) list.push(item);
		else groups.set(k, [item]);
	}
	return groups;
}

/** A lookup by id for one of a scenario's lists. */
export function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
	return new Map(items.map((item) => [item.id, item]));
}
