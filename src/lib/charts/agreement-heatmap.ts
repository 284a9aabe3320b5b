/**
 * Commentator agreement heatmap (chartjs-chart-matrix): every pair's agreement on the options both
 * address, rows and columns ordered by camps, camp blocks outlined and lettered. A pair with no
 * shared option is drawn as a grey hatched "–" cell: no evidence, never a 0.
 *
 * Above HEATMAP_LIMIT commentators the matrix shows only the most active of them (most positions):
 * 500 commentators would be 250,000 cells of a pixel or two each, slow to draw and unreadable. The
 * title says so; the camps, the title's counts and the pairs table still cover everyone.
 */
import type { ChartConfiguration, TooltipItem } from 'chart.js';
import type { MatrixDataPoint } from 'chartjs-chart-matrix';
import type { Camps } from '../analysis/camps';
import type { PairStat } from '../analysis/pairs';
import type { Claim, Commentator } from '../scenario/schema';
import type { BlockOutline, ElementLabel } from './element-labels';
import { agreementText, plural, shortNumber, truncate } from './format';
import type { ChartHit, ChartSpec, FilterPatch } from './spec';
import { CELL_TEXT, heatColor, textOn, themeFont, tooltipFonts, type ChartTheme } from './theme';

export interface HeatmapPerson {
	id: string;
	name: string;
	/** Camp letter and place in the camp, e.g. "B2": short enough for the column axis. */
	code: string;
	camp: number;
}

export interface HeatmapCamp {
	letter: string;
	/** The camp's name from the statistics (first members' names). */
	name: string;
	/** Every member, shown in the matrix or not. */
	members: string[];
	/** Mean agreement over member pairs that share an option; null when none do. */
	agreement: number | null;
	/** Index range of the shown members in the heatmap order; to < from when none is shown. */
	from: number;
	to: number;
}

export interface HeatmapCell {
	/** Column and row in the heatmap order. */
	x: number;
	y: number;
	a: string;
	b: string;
	self: boolean;
	/** Shared options. */
	n: number;
	agreement: number | null;
}

export interface HeatmapModel {
	/** The commentators in the matrix, in camp order. */
	people: HeatmapPerson[];
	/** Every commentator in view, in camp order (people is a subset when the matrix is limited). */
	everyone: HeatmapPerson[];
	camps: HeatmapCamp[];
	/** Row-major, people.length squared. */
	cells: HeatmapCell[];
	/** Every pair of `people` once, in heatmap order: the data table. */
	pairs: PairStat[];
	/** Pairs among everyone, and how many of them share no option (for the title). */
	totalPairs: number;
	noSharedPairs: number;
	title: string;
}

/** The most commentators the matrix shows: 60 × 60 cells still take a value label each. */
export const HEATMAP_LIMIT = 60;

/** Positions per commentator: the number of options each addresses in `claims`. */
export function positionCounts(claims: readonly Claim[]): Map<string, number> {
	const options = new Map<string, Set<string>>();
	for (const claim of claims) {
		const set = options.get(claim.commentator);
		if (set) set.add(claim.option);
		else options.set(claim.commentator, new Set([claim.option]));
	}
	return new Map([...options].map(([id, set]) => [id, set.size]));
}

/**
 * The `limit` commentators with the most positions (ties: heatmap order), kept in heatmap order;
 * everyone when there are no more than `limit`.
 */
export function mostActive(
	everyone: readonly HeatmapPerson[],
	counts: ReadonlyMap<string, number>,
	limit: number
): HeatmapPerson[] {
	if (everyone.length <= limit) return [...everyone];
	const keep = new Set(
		everyone
			.map((person, i) => ({ i, n: counts.get(person.id) ?? 0 }))
			.sort((p, q) => q.n - p.n || p.i - q.i)
			.slice(0, limit)
			.map((p) => p.i)
	);
	return everyone.filter((_, i) => keep.has(i));
}

export function campLetter(index: number): string {
	const letter = String.fromCharCode(65 + (index % 26));
	return index < 26 ? letter : `${letter}${Math.floor(index / 26) + 1}`;
}

function pairKey(a: string, b: string): string {
	return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

export function heatmapTitle(
	model: Pick<HeatmapModel, 'people' | 'everyone' | 'camps' | 'totalPairs' | 'noSharedPairs'>
): string {
	if (model.everyone.length < 2) return 'Fewer than two commentators in view: no pairs to compare';
	const groups = model.camps.filter((c) => c.members.length > 1);
	const none = model.noSharedPairs;
	const gaps =
		none === 0
			? 'every pair shares at least one option'
			: `${none} of ${plural(model.totalPairs, 'pair')} share no option`;
	const shown =
		model.people.length < model.everyone.length
			? `Showing the ${model.people.length} of ${model.everyone.length} commentators with the most positions. `
			: '';
	if (groups.length === 0) {
		return `${shown}No camp: no two commentators agree on more than half of what they share; ${gaps}`;
	}
	const largest = groups.reduce((best, c) => (c.members.length > best.members.length ? c : best));
	const mean =
		largest.agreement === null ? '' : `, mean agreement ${shortNumber(largest.agreement)}`;
	const head =
		groups.length === 1
			? `One camp: ${largest.letter}, ${largest.name} (${largest.members.length} commentators${mean})`
			: `${groups.length} camps; the largest is ${largest.letter}: ${largest.name} (${largest.members.length} commentators${mean})`;
	return `${shown}${head}; ${gaps}`;
}

export function heatmapModel(
	commentators: readonly Commentator[],
	pairs: readonly PairStat[],
	camps: Camps,
	activity: ReadonlyMap<string, number> = new Map(),
	limit = HEATMAP_LIMIT
): HeatmapModel {
	const byId = new Map(commentators.map((c) => [c.id, c]));
	const everyone: HeatmapPerson[] = [];
	camps.blocks.forEach((block, b) => {
		block.members.forEach((id, m) => {
			everyone.push({
				id,
				name: byId.get(id)?.name ?? id,
				code: `${campLetter(b)}${m + 1}`,
				camp: b
			});
		});
	});
	const people = mostActive(everyone, activity, limit);
	const span = new Map<number, { from: number; to: number }>();
	people.forEach((person, i) => {
		const seen = span.get(person.camp);
		if (seen) seen.to = i;
		else span.set(person.camp, { from: i, to: i });
	});
	const campsOut: HeatmapCamp[] = camps.blocks.map((block, b) => {
		const { from, to } = span.get(b) ?? { from: 0, to: -1 };
		return {
			letter: campLetter(b),
			name: block.name,
			members: block.members,
			agreement: block.agreement,
			from,
			to
		};
	});
	const pairIndex = new Map(pairs.map((p) => [pairKey(p.a, p.b), p]));
	const cells: HeatmapCell[] = [];
	for (let y = 0; y < people.length; y++) {
		for (let x = 0; x < people.length; x++) {
			const a = people[y]!.id;
			const b = people[x]!.id;
			const pair = x === y ? undefined : pairIndex.get(pairKey(a, b));
			cells.push({
				x,
				y,
				a,
				b,
				self: x === y,
				n: pair?.n ?? 0,
				agreement: pair?.agreement ?? null
			});
		}
	}
	const ordered: PairStat[] = [];
	for (let i = 0; i < people.length; i++) {
		for (let j = i + 1; j < people.length; j++) {
			const pair = pairIndex.get(pairKey(people[i]!.id, people[j]!.id));
			ordered.push({
				a: people[i]!.id,
				b: people[j]!.id,
				n: pair?.n ?? 0,
				agreement: pair?.agreement ?? null
			});
		}
	}
	// A pair missing from the statistics shares nothing, as in the cells above.
	const totalPairs = (everyone.length * (everyone.length - 1)) / 2;
	const ids = new Set(everyone.map((p) => p.id));
	const withShared = pairs.filter(
		(p) => p.agreement !== null && p.a !== p.b && ids.has(p.a) && ids.has(p.b)
	).length;
	const partial = {
		people,
		everyone,
		camps: campsOut,
		pairs: ordered,
		totalPairs,
		noSharedPairs: Math.max(0, totalPairs - withShared)
	};
	return { ...partial, cells, title: heatmapTitle(partial) };
}

export function rowLabel(person: HeatmapPerson): string {
	return `${person.code} ${truncate(person.name, 28)}`;
}

export function cellFill(cell: HeatmapCell, theme: ChartTheme): ChartTheme['noData'] {
	if (cell.self) return theme.grid;
	if (cell.agreement === null) return theme.noData;
	return heatColor(theme, cell.agreement);
}

/** The text in a cell: the value, "–" for no shared options, nothing on the diagonal. */
export function cellText(cell: HeatmapCell): string {
	if (cell.self) return '';
	if (cell.agreement === null) return '–';
	return cell.agreement === 1 || cell.agreement === 0
		? String(cell.agreement)
		: cell.agreement.toFixed(2);
}

export function heatmapLabels(model: HeatmapModel, theme: ChartTheme): ElementLabel[] {
	return model.cells.flatMap((cell, index): ElementLabel[] => {
		const text = cellText(cell);
		if (!text) return [];
		return [
			{
				dataset: 0,
				index,
				text,
				color:
					cell.agreement === null
						? theme.fg
						: textOn(heatColor(theme, cell.agreement), CELL_TEXT.dark, CELL_TEXT.light),
				halo: cell.agreement === null ? theme.bg : '',
				fit: true
			}
		];
	});
}

export function heatmapBlocks(model: HeatmapModel): BlockOutline[] {
	return model.camps.filter((c) => c.to > c.from).map((c) => ({ from: c.from, to: c.to }));
}

export function heatmapConfig(
	model: HeatmapModel,
	theme: ChartTheme
): ChartConfiguration<'matrix', MatrixDataPoint[], string> {
	const font = themeFont(theme);
	const count = Math.max(1, model.people.length);
	const columns = model.people.map((p) => p.code);
	const rows = model.people.map(rowLabel);
	const nameOf = (i: number) => {
		const person = model.people[i];
		return person ? `${person.code} ${person.name}` : '';
	};
	return {
		type: 'matrix',
		data: {
			datasets: [
				{
					label: 'Pair agreement',
					// Category indexes, unparsed: parsing labels looks each one up in the label list.
					parsing: false,
					data: model.cells.map((cell) => ({ x: cell.x, y: cell.y })),
					backgroundColor: model.cells.map((cell) => cellFill(cell, theme)),
					borderColor: theme.bg,
					borderWidth: 1,
					width: ({ chart }) => (chart.chartArea?.width ?? 0) / count,
					height: ({ chart }) => (chart.chartArea?.height ?? 0) / count
				}
			]
		},
		options: {
			maintainAspectRatio: false,
			animation: false,
			scales: {
				x: {
					type: 'category',
					labels: columns,
					position: 'top',
					offset: true,
					ticks: { color: theme.fg, font: { ...font, size: theme.fontSize * 0.85 } },
					grid: { display: false },
					border: { display: false }
				},
				y: {
					type: 'category',
					labels: rows,
					offset: true,
					reverse: false,
					ticks: { color: theme.fg, font: { ...font, size: theme.fontSize * 0.9 } },
					grid: { display: false },
					border: { display: false }
				}
			},
			plugins: {
				legend: { display: false },
				tooltip: {
					...tooltipFonts(theme),
					callbacks: {
						title: (items) => {
							const cell = model.cells[items[0]?.dataIndex ?? -1];
							if (!cell) return '';
							return cell.self ? nameOf(cell.y) : [nameOf(cell.y), `and ${nameOf(cell.x)}`];
						},
						label: (item: TooltipItem<'matrix'>) => {
							const cell = model.cells[item.dataIndex]!;
							if (cell.self) return 'The same commentator';
							if (cell.agreement === null) return 'No shared options';
							return `Agreement ${agreementText(cell.agreement)} on ${plural(cell.n, 'shared option')}`;
						},
						footer: (items) => {
							const cell = model.cells[items[0]?.dataIndex ?? -1];
							return cell?.self
								? 'Click to show their claims'
								: 'Click to show both commentators’ claims';
						}
					}
				},
				sgLabels: {
					labels: heatmapLabels(model, theme),
					blocks: heatmapBlocks(model),
					blockColor: theme.fg,
					halo: '',
					fontFamily: theme.fontFamily,
					fontSize: Math.round(theme.fontSize * 0.85)
				}
			}
		}
	};
}

export function heatmapPick(model: HeatmapModel, hit: ChartHit): FilterPatch | null {
	const cell = model.cells[hit.index];
	if (!cell) return null;
	return { commentators: cell.self ? [cell.a] : [cell.a, cell.b] };
}

export function campLine(camp: HeatmapCamp, names: ReadonlyMap<string, string>): string {
	const who = camp.members.map((id) => names.get(id) ?? id).join(', ');
	const mean =
		camp.members.length < 2
			? 'on their own'
			: camp.agreement === null
				? 'no pair shares an option'
				: `mean agreement ${shortNumber(camp.agreement)}`;
	return `${camp.letter}: ${who} (${mean})`;
}

export function heatmapSpec(model: HeatmapModel): ChartSpec {
	const names = new Map(model.everyone.map((p) => [p.id, p.name]));
	return {
		id: 'agreement-heatmap',
		title: model.title,
		notes: [
			'Pair agreement = mean of 1 − |s₁ − s₂| / 2 over the options both address (support +1, conditional 0, oppose −1); “–” = no shared options.',
			...model.camps.map((camp) => campLine(camp, names))
		],
		height: Math.max(260, 90 + model.people.length * 30),
		build: (theme) => heatmapConfig(model, theme) as unknown as ChartConfiguration,
		pick: (hit) => heatmapPick(model, hit)
	};
}
