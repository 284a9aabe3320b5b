/**
 * A class session's anonymous results: every answer as a long table (one row per student, phase
 * and option; students numbered, never named) and, in the workbook, the dashboard's summary with
 * its n and the same small-group hiding. Text comes from the scenario (untrusted) and goes
 * through the same formula guard as every other export; no display name is ever exported.
 */
import type { ClassAnswer } from '../class/protocol';
import { MIN_GROUP } from '../class/protocol';
import type { ClassTally, PhaseCounts } from '../analysis/class-tally';
import type { Scenario } from '../scenario/schema';
import { toCsv, type Cell } from './csv';
import { xmlSafe } from './escape';

export const ANSWER_COLUMNS = [
	'student',
	'phase',
	'option_id',
	'option',
	'stance',
	'quote_claim_id',
	'quote_commentator',
	'quote'
] as const;

export const SUMMARY_COLUMNS = [
	'option_id',
	'option',
	'phase',
	'n',
	'support',
	'conditional',
	'oppose',
	'unsure',
	'mean_score',
	'paired_n',
	'changed',
	'mean_shift',
	'note'
] as const;

/** Students numbered S001... in order of first answer, so the file names no one. */
function studentNumbers(answers: readonly ClassAnswer[]): Map<string, string> {
	const numbers = new Map<string, string>();
	for (const answer of [...answers].sort((x, y) => x.seq - y.seq)) {
		if (!numbers.has(answer.participant)) {
			numbers.set(answer.participant, `S${String(numbers.size + 1).padStart(3, '0')}`);
		}
	}
	return numbers;
}

export function answerRows(scenario: Scenario, answers: readonly ClassAnswer[]): Cell[][] {
	const numbers = studentNumbers(answers);
	const claims = new Map(scenario.claims.map((c) => [c.id, c]));
	const people = new Map(scenario.commentators.map((c) => [c.id, c.name]));
	const rows: Cell[][] = [];
	const ordered = [...answers].sort(
		(x, y) =>
			numbers.get(x.participant)!.localeCompare(numbers.get(y.participant)!) ||
			(x.phase === y.phase ? 0 : x.phase === 'before' ? -1 : 1)
	);
	for (const answer of ordered) {
		for (const option of scenario.options) {
			const stance = Object.hasOwn(answer.stances, option.id) ? answer.stances[option.id]! : null;
			const claimId = Object.hasOwn(answer.quotes, option.id) ? answer.quotes[option.id]! : null;
			if (stance === null && claimId === null) continue;
			const claim = claimId ? claims.get(claimId) : undefined;
			rows.push([
				numbers.get(answer.participant)!,
				answer.phase,
				option.id,
				option.label,
				stance ?? '',
				claim?.id ?? '',
				claim ? (people.get(claim.commentator) ?? claim.commentator) : '',
				claim?.quote.exact ?? ''
			]);
		}
	}
	return rows;
}

const rounded = (value: number | null) => (value === null ? null : Math.round(value * 100) / 100);

function phaseRow(
	option: ClassTally['options'][number],
	phase: 'before' | 'after',
	counts: PhaseCounts
): Cell[] {
	const hide = counts.hidden;
	const shiftShown = phase === 'after' && !option.shiftHidden;
	return [
		option.id,
		option.label,
		phase,
		counts.n,
		hide ? null : counts.support,
		hide ? null : counts.conditional,
		hide ? null : counts.oppose,
		hide ? null : counts.unsure,
		hide ? null : rounded(counts.mean),
		phase === 'after' ? option.paired : null,
		shiftShown ? option.changed : null,
		shiftShown ? rounded(option.shift) : null,
		hide
			? `fewer than ${MIN_GROUP} answers: counts not shown`
			: phase === 'after' && option.shiftHidden
				? `fewer than ${MIN_GROUP} paired answers: shift not shown`
				: ''
	];
}

export function summaryRows(tally: ClassTally): Cell[][] {
	return tally.options.flatMap((option) => [
		phaseRow(option, 'before', option.before),
		phaseRow(option, 'after', option.after)
	]);
}

export function classAnswersCsv(scenario: Scenario, answers: readonly ClassAnswer[]): string {
	return toCsv(ANSWER_COLUMNS, answerRows(scenario, answers));
}

export function classSummaryCsv(tally: ClassTally): string {
	return toCsv(SUMMARY_COLUMNS, summaryRows(tally));
}

/** Workbook with Summary and Answers sheets; ExcelJS loaded on first use. Text cells stay text. */
export async function classResultsWorkbook(
	scenario: Scenario,
	tally: ClassTally,
	answers: readonly ClassAnswer[],
	now: Date = new Date()
): Promise<Uint8Array> {
	const mod = (await import('exceljs')) as typeof import('exceljs') & {
		default?: typeof import('exceljs');
	};
	const ExcelJS = mod.default ?? mod;
	const book = new ExcelJS.Workbook();
	book.creator = 'Stancegrid';
	book.title = xmlSafe(`${scenario.meta.title}: class results`);
	book.created = now;
	const add = (name: string, header: readonly string[], rows: Cell[][]) => {
		const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
		sheet.addRow([...header]).font = { bold: true, name: 'Calibri', size: 11 };
		for (const row of rows) {
			const added = sheet.addRow(
				row.map((cell) =>
					typeof cell === 'string' ? xmlSafe(cell).slice(0, 32767) : (cell ?? null)
				)
			);
			// Text as Text: ExcelJS writes a formula only for { formula } values, and the Text number
			// format keeps an edited cell text too.
			added.eachCell((cell) => {
				if (typeof cell.value === 'string') cell.numFmt = '@';
			});
		}
		sheet.columns.forEach((column) => (column.width = 18));
	};
	add('Summary', SUMMARY_COLUMNS, summaryRows(tally));
	add('Answers', ANSWER_COLUMNS, answerRows(scenario, answers));
	const bytes = await book.xlsx.writeBuffer();
	return new Uint8Array(bytes);
}
