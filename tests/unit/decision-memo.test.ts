import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decisionReport } from '../../src/lib/analysis/analysis-report';
import { decisionMemo, scoreText } from '../../src/lib/export/decision-memo';
import { loadScenario } from '../../src/lib/scenario/load';
import type { Scenario } from '../../src/lib/scenario/schema';

const loaded = loadScenario(readFileSync('scenarios/ukraine-war-2025.yaml', 'utf8'), 'ref.yaml');
if (!loaded.ok) throw new Error('reference scenario does not load');
const reference = loaded.scenario;

describe('decision memo', () => {
	it('states the weights, the verdict, the table by rank, and footnotes every claim behind it', () => {
		const memo = decisionMemo(reference, decisionReport(reference, { 'alliance-unity': 0 }));
		expect(memo).toContain('- Alliance unity (');
		expect(memo).toMatch(/\): 0\n/);
		expect(memo).toContain('“Direct diplomacy and summitry” comes out on top');
		const rows = memo.split('\n').filter((l) => l.startsWith('| ') && !/^\| (Option|---) /.test(l));
		expect(rows[0]).toMatch(/^\| Direct diplomacy and summitry \| \+1\.00 \| 4 \| 2 \|/);
		// Every claim with an effect in scope is cited once and has its footnote.
		const marks = new Set(memo.match(/\[\^\d+\](?!:)/g));
		const notes = memo.match(/^\[\^\d+\]: /gm) ?? [];
		expect(notes.length).toBe(marks.size);
		expect(notes.length).toBe(reference.claims.length);
	});

	it('cannot be turned into markup or links by scenario text', () => {
		const hostile: Scenario = structuredClone(reference);
		hostile.options[0]!.label = '[click](javascript:alert(1)) | <script>x</script>';
		hostile.claims[0]!.quote.exact = '**bold** ![img](http://evil.example/x.png)';
		const memo = decisionMemo(hostile, decisionReport(hostile));
		// Brackets escaped: the text stays text, never a link (an unescaped "](" would be one).
		expect(memo).not.toMatch(/[^\\]\]\(javascript:/);
		expect(memo).not.toContain('<script>');
		expect(memo).toContain('\\[click\\]');
		expect(memo).toContain('\\*\\*bold\\*\\* \\!\\[img\\]');
		expect(memo).not.toContain('http://evil');
	});

	it('writes scores signed with two decimals', () => {
		expect([
			scoreText(0.25),
			scoreText(-1),
			scoreText(0),
			scoreText(-0.0001),
			scoreText(null)
		]).toEqual(['+0.25', '−1.00', '0.00', '0.00', '–']);
	});
});
