import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importCitation } from '../../src/lib/authoring/citation-import';
import { delatex } from '../../src/lib/authoring/citations/bibtex';
import { bibtex, cslJson, ris } from '../../src/lib/export/citations';
import type { ExportInput } from '../../src/lib/export/formats';
import { loadScenario } from '../../src/lib/scenario/load';
import { NOT_STATED } from '../../src/lib/scenario/schema';

const fixture = (name: string) => readFileSync(`tests/fixtures/citations/${name}`, 'utf8');

describe('citation import', () => {
	it('reads a Zotero CSL-JSON export', () => {
		const r = importCitation(fixture('zotero.json'), 'zotero.json');
		expect(r).toMatchObject({ ok: true, format: 'csl-json' });
		if (!r.ok) return;
		expect(r.drafts[0]).toEqual({
			title: 'Trump’s Tomahawk threat',
			outlet: 'Responsible Statecraft',
			date: '2025-10-14',
			authors: ['Jennifer Kavanagh', 'Editorial Board'],
			url: 'https://responsiblestatecraft.org/tomahawks-ukraine/',
			kind: null,
			notes: []
		});
	});

	it('reads a Zotero RIS export, and states what it lacks as not stated', () => {
		const r = importCitation(fixture('zotero.ris'), 'x.ris');
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.drafts[0]).toMatchObject({
			title: 'Europe weighs a reassurance force',
			outlet: 'Town Gazette',
			date: '2025-09-09',
			authors: ['Ana Núñez', 'John Smith'],
			url: 'https://example.org/gazette/force'
		});
		expect(r.drafts[1]).toMatchObject({
			title: 'Undated note',
			outlet: NOT_STATED,
			date: null,
			authors: NOT_STATED,
			url: NOT_STATED
		});
		expect(r.drafts[1]!.notes.join(' ')).toMatch(/not an http\(s\) address/);
	});

	it('reads BibLaTeX with macros, concatenation, accents and braced names', () => {
		const r = importCitation(fixture('zotero.bib'));
		expect(r).toMatchObject({ ok: true, format: 'bibtex' });
		if (!r.ok) return;
		expect(r.drafts[0]).toMatchObject({
			title: "Trump's Tomahawk threat",
			outlet: 'Responsible Statecraft online',
			date: '2025-10-14',
			authors: ['Jennifer Kavanagh', 'Ana Nuñez', 'Editorial Board']
		});
		expect(r.drafts[1]).toMatchObject({
			title: 'A piece with Ümlauts & ampersands',
			outlet: 'Die Zeit',
			date: '2025-09',
			authors: NOT_STATED,
			url: NOT_STATED
		});
	});

	it('refuses what it cannot read, saying where', () => {
		expect(importCitation('hello')).toMatchObject({ ok: false });
		const r = importCitation('@article{x, title = {never closed', 'a.bib');
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.problem).toMatch(/line 1/);
		expect(importCitation('TY  - NEWS\nnot a tag', 'a.ris')).toMatchObject({ ok: true });
		expect(importCitation('ZZ  - x\n', 'a.ris')).toMatchObject({ ok: false });
		expect(importCitation('{"a": 1}', 'a.json')).toMatchObject({ ok: false });
		expect(importCitation('[{"type":"article","issued":{"raw":"Spring 2025"}}]')).toMatchObject({
			ok: true,
			drafts: [{ date: null, title: NOT_STATED }]
		});
	});

	it('never invents a date from an impossible one', () => {
		const r = importCitation('[{"type":"article","issued":{"date-parts":[[2025,2,30]]}}]');
		expect(r.ok && r.drafts[0]!.date).toBe(null);
	});

	it('round trip: our own citation exports import back to the same sources', () => {
		const loaded = loadScenario(readFileSync('scenarios/ukraine-war-2025.yaml', 'utf8'), 'u.yaml');
		if (!loaded.ok) throw new Error('bundled scenario does not load');
		const input = { scenario: loaded.scenario } as unknown as ExportInput;
		for (const [text, name] of [
			[cslJson(input), 'a.json'],
			[ris(input), 'a.ris'],
			[bibtex(input), 'a.bib']
		] as const) {
			const r = importCitation(text, name);
			expect(r.ok, name).toBe(true);
			if (!r.ok) continue;
			expect(r.drafts.map((d) => d.title)).toEqual(loaded.scenario.sources.map((s) => s.title));
			expect(r.drafts.map((d) => d.date)).toEqual(loaded.scenario.sources.map((s) => s.date));
			expect(r.drafts.map((d) => d.outlet)).toEqual(loaded.scenario.sources.map((s) => s.outlet));
			expect(r.drafts.map((d) => d.url)).toEqual(loaded.scenario.sources.map((s) => s.url));
		}
	});

	it('never throws on any input, and every draft date is a real date or null', () => {
		fc.assert(
			fc.property(
				fc.string({ maxLength: 300 }),
				fc.constantFrom('', 'a.json', 'a.ris', 'a.bib'),
				(text, name) => {
					const r = importCitation(text, name);
					if (r.ok)
						for (const d of r.drafts)
							expect(d.date === null || /^\d{4}(-\d\d(-\d\d)?)?$/.test(d.date)).toBe(true);
				}
			),
			{ numRuns: 500 }
		);
	});

	it('turns LaTeX accents into characters', () => {
		expect(delatex('Ren{\\\'e} M\\"uller \\c{c}a \\ss{} \\emph{x}')).toBe('René Müller ça ß x');
	});
});
