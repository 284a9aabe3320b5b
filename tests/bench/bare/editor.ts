/**
 * The editor benchmark's baseline: the same three interactions with no app code. Typing writes
 * the value into a plain object; selecting a passage in the same 20,000-word article shows a
 * plain form with the selected text; saving writes the same 1,000-claim scenario to IndexedDB as
 * JSON. What the editor adds on top (undo, journal, live checks, Svelte) is the ratio.
 */
const params = new URL(location.href).searchParams;
const [scenario, article] = await Promise.all([
	fetch(params.get('src') ?? '').then((r) => r.json() as Promise<{ meta: Record<string, string> }>),
	fetch(params.get('article') ?? '').then((r) => r.text())
]);

const pane = document.getElementById('pane')!;
pane.textContent = article;
const input = document.getElementById('typing') as HTMLInputElement;
input.addEventListener('input', () => {
	scenario.meta = { ...scenario.meta, coded_by: input.value };
});

const side = document.getElementById('side')!;
pane.addEventListener('mouseup', () => {
	const selected = window.getSelection()?.toString() ?? '';
	if (!selected) return;
	side.replaceChildren();
	const heading = document.createElement('h2');
	heading.textContent = 'New claim from the selection';
	const quote = document.createElement('blockquote');
	quote.textContent = selected;
	const form = document.createElement('form');
	for (const name of ['Option', 'Commentator', 'Consequence']) {
		const label = document.createElement('label');
		label.textContent = name + ' ';
		label.append(document.createElement('input'));
		form.append(label);
	}
	side.append(heading, quote, form);
});

const db = await new Promise<IDBDatabase>((resolve, reject) => {
	const open = indexedDB.open('bare-editor', 1);
	open.onupgradeneeded = () => open.result.createObjectStore('scenarios');
	open.onsuccess = () => resolve(open.result);
	open.onerror = () => reject(open.error);
});

/** One autosave: the scenario as JSON into IndexedDB, resolved when the write is committed. */
(window as unknown as { __benchSave: () => Promise<void> }).__benchSave = () =>
	new Promise((resolve, reject) => {
		const tx = db.transaction('scenarios', 'readwrite');
		tx.objectStore('scenarios').put({ text: JSON.stringify(scenario), article }, 'draft');
		tx.oncomplete = () => resolve();
		tx.onerror = () => reject(tx.error);
	});
document.body.dataset.ready = 'true';

// A module (it awaits at the top level), though it exports nothing.
export {};
