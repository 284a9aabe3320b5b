/**
 * Where in the editor a loader message points: a problem's field path (`sources[1].date`) to the
 * form field's element id and the editor section that holds it, so a message can take the person
 * to the field it is about.
 */
export type Section = 'scenario' | 'sources' | 'read' | 'grid';

export function fieldId(path: string): string {
	return 'f-' + path.replace(/[^A-Za-z0-9_]+/g, '-').replace(/-+$/, '');
}

export function sectionOf(path: string): Section {
	if (path.startsWith('sources')) return 'sources';
	if (path.startsWith('options') || path.startsWith('commentators') || path.startsWith('claims'))
		return 'grid';
	return 'scenario';
}

/** The list index a path starts with (`claims[3].stance` -> 3), or null. */
export function indexOf(path: string): number | null {
	const m = /^\w+\[(\d+)\]/.exec(path);
	return m ? Number(m[1]) : null;
}
