/**
 * Excel's limits on links: an address of at most 2,079 characters and at most 65,530 links on a
 * sheet. Past either, Excel "repairs" the file on opening and drops links. A budget per sheet
 * decides which links are written as links; the rest are written as text, and the Legend sheet
 * says how many and why.
 */
export const MAX_LINK_LENGTH = 2079;
export const MAX_LINKS_PER_SHEET = 65530;

export class LinkBudget {
	written = 0;
	/** Addresses longer than Excel takes, written as text. */
	tooLong = 0;
	/** Links past the per-sheet limit, written as text. */
	overLimit = 0;

	constructor(readonly sheet: string) {}

	/** True if this address may be written as a link; counts it either way. */
	allow(href: string): boolean {
		if (href.length > MAX_LINK_LENGTH) {
			this.tooLong++;
			return false;
		}
		if (this.written >= MAX_LINKS_PER_SHEET) {
			this.overLimit++;
			return false;
		}
		this.written++;
		return true;
	}
}

const count = (n: number, what: string) =>
	`${n.toLocaleString('en-US')} ${what}${n === 1 ? '' : 's'}`;

/** The Legend's lines about links: the rule always, and what it changed in this workbook. */
export function linkNotes(budgets: readonly LinkBudget[]): string[] {
	const notes = [
		`Excel takes links of at most ${MAX_LINK_LENGTH.toLocaleString('en-US')} characters and at most ${MAX_LINKS_PER_SHEET.toLocaleString('en-US')} links per sheet; anything past either is written as text (the address stays readable and can be copied).`
	];
	for (const b of budgets) {
		if (b.tooLong > 0)
			notes.push(
				`${b.sheet}: ${count(b.tooLong, 'address')} longer than ${MAX_LINK_LENGTH.toLocaleString('en-US')} characters written as text.`
			);
		if (b.overLimit > 0)
			notes.push(
				`${b.sheet}: ${count(b.overLimit, 'link')} past the first ${MAX_LINKS_PER_SHEET.toLocaleString('en-US')} written as text.`
			);
	}
	return notes;
}
