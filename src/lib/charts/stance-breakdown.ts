/**
 * Stance breakdown per option: diverging stacked horizontal bars. Oppose to the left of zero,
 * support to the right, conditional centred across zero (half each side), options from most
 * contested to most agreed. Counts are positions (one per commentator and option), as in
 * `optionStats`.
 */
import type { ChartConfiguration, TooltipItem } from 'chart.js';
import { rankOptions, type OptionStat } from '../analysis/option-stats';
import { STANCE_LOOK } from '../present/stance';
import { STANCES, type Stance } from '../scenario/schema';
import type { ElementLabel } from './element-labels';
import { listText, plural, wrapLabel } from './format';
import type { ChartHit, ChartSpec, FilterPatch } from './spec';
import { themeFont, tooltipFonts, type ChartTheme } from './theme';

/**
 * The stance of each dataset. Conditional is split in two halves either side of zero; the first
 * dataset of each sign sits next to zero in a chart.js stack, so the halves come first.
 */
export const BREAKDOWN_DATASETS: readonly Stance[] = [
	'conditional',
	'conditional',
	'oppose',
	'support'
];

export interface BreakdownModel {
	/** Options with at least one position, most contested first. */
	rows: OptionStat[];
	/** Options nobody in view addresses. */
	silent: OptionStat[];
	title: string;
}

export function breakdownTitle(rows: readonly OptionStat[]): string {
	if (rows.length === 0) return 'No positions on any option in this view';
	const supportLeads = rows.filter((r) => r.support > r.oppose).length;
	const opposeLeads = rows.filter((r) => r.oppose > r.support).length;
	const even = rows.length - supportLeads - opposeLeads;
	const parts = [
		`Support outweighs opposition on ${supportLeads} of ${plural(rows.length, 'option')}`,
		`opposition outweighs support on ${opposeLeads}`
	];
	if (even > 0) parts.push(`${even} ${even === 1 ? 'is' : 'are'} evenly split`);
	return parts.length === 3 ? `${parts[0]}, ${parts[1]}, and ${parts[2]}` : parts.join(', and ');
}

export function breakdownModel(stats: readonly OptionStat[]): BreakdownModel {
	const ranked = rankOptions(stats);
	const rows = ranked.filter((s) => s.n > 0);
	return { rows, silent: ranked.filter((s) => s.n === 0), title: breakdownTitle(rows) };
}

export function optionAxisLabel(stat: Pick<OptionStat, 'label' | 'n'>, width = 34): string[] {
	return wrapLabel(`${stat.label} (n=${stat.n})`, width);
}

/** Signed bar length for dataset `d` of a row: the values chart.js stacks. */
export function breakdownValue(row: OptionStat, d: number): number {
	switch (d) {
		// `|| 0`: no "-0" in the data.
		case 0:
			return -row.conditional / 2 || 0;
		case 1:
			return row.conditional / 2;
		case 2:
			return -row.oppose || 0;
		default:
			return row.support;
	}
}

export function breakdownLabels(model: BreakdownModel, theme: ChartTheme): ElementLabel[] {
	const labels: ElementLabel[] = [];
	model.rows.forEach((row, index) => {
		for (const stance of STANCES) {
			const count = row[stance];
			if (count === 0) continue;
			labels.push({
				dataset: stance === 'conditional' ? 0 : BREAKDOWN_DATASETS.indexOf(stance),
				index,
				text: `${STANCE_LOOK[stance].symbol} ${count}`,
				color: theme.fg,
				at: stance === 'conditional' ? 'base' : 'center',
				fit: true
			});
		}
	});
	return labels;
}

export function breakdownConfig(
	model: BreakdownModel,
	theme: ChartTheme,
	names: ReadonlyMap<string, string>
): ChartConfiguration<'bar', number[], string[]> {
	const extent = Math.max(
		1,
		...model.rows.map((r) => Math.max(r.oppose, r.support) + r.conditional / 2)
	);
	const side = Math.ceil(extent);
	const font = themeFont(theme);
	return {
		type: 'bar',
		data: {
			labels: model.rows.map((row) => optionAxisLabel(row)),
			datasets: BREAKDOWN_DATASETS.map((stance, d) => ({
				label: `${STANCE_LOOK[stance].symbol} ${STANCE_LOOK[stance].word}`,
				data: model.rows.map((row) => breakdownValue(row, d)),
				backgroundColor: theme.stanceFill[stance],
				borderColor: theme.stanceLine[stance],
				borderWidth: 1,
				borderSkipped: false,
				stack: 'positions',
				maxBarThickness: 34
			}))
		},
		options: {
			indexAxis: 'y',
			maintainAspectRatio: false,
			scales: {
				x: {
					type: 'linear',
					stacked: true,
					min: -side,
					max: side,
					ticks: {
						stepSize: side > 10 ? Math.ceil(side / 5) : 1,
						color: theme.fgMuted,
						font,
						callback: (value) => String(Math.abs(Number(value)))
					},
					grid: {
						color: (ctx) => (ctx.tick?.value === 0 ? theme.fg : theme.grid),
						lineWidth: (ctx) => (ctx.tick?.value === 0 ? 2 : 1)
					},
					title: {
						display: true,
						text: '◀ oppose · commentators · support ▶',
						color: theme.fg,
						font
					}
				},
				y: {
					type: 'category',
					stacked: true,
					ticks: { color: theme.fg, font, autoSkip: false },
					grid: { display: false }
				}
			},
			plugins: {
				legend: {
					position: 'top',
					labels: {
						color: theme.fg,
						font,
						// One legend entry per stance, in scale order.
						filter: (item) => item.datasetIndex !== 1,
						sort: (a, b) =>
							STANCES.indexOf(BREAKDOWN_DATASETS[a.datasetIndex ?? 0]!) -
							STANCES.indexOf(BREAKDOWN_DATASETS[b.datasetIndex ?? 0]!)
					},
					// Hiding a stance would hide half of the conditional bar: the legend is a key only.
					onClick: () => {}
				},
				tooltip: {
					...tooltipFonts(theme),
					callbacks: {
						title: (items) => {
							const row = model.rows[items[0]?.dataIndex ?? -1];
							return row ? `${row.label} (n=${row.n})` : '';
						},
						label: (item: TooltipItem<'bar'>) => {
							const stance = BREAKDOWN_DATASETS[item.datasetIndex]!;
							const row = model.rows[item.dataIndex]!;
							return `${STANCE_LOOK[stance].word}: ${row[stance]} of ${row.n}`;
						},
						afterLabel: (item: TooltipItem<'bar'>) => {
							const stance = BREAKDOWN_DATASETS[item.datasetIndex]!;
							const row = model.rows[item.dataIndex]!;
							const who = row.who[stance].map((id) => names.get(id) ?? id);
							return wrapLabel(listText(who), 60, 6);
						},
						footer: () => 'Click to show these claims'
					}
				},
				sgLabels: {
					labels: breakdownLabels(model, theme),
					halo: theme.bg,
					fontFamily: theme.fontFamily,
					fontSize: theme.fontSize
				}
			}
		}
	};
}

export function breakdownPick(model: BreakdownModel, hit: ChartHit): FilterPatch | null {
	const row = model.rows[hit.index];
	const stance = BREAKDOWN_DATASETS[hit.datasetIndex];
	if (!row || !stance || row[stance] === 0) return null;
	return { options: [row.id], stances: [stance] };
}

export function breakdownSpec(
	model: BreakdownModel,
	names: ReadonlyMap<string, string>
): ChartSpec {
	const lines = model.rows.reduce((sum, row) => sum + optionAxisLabel(row).length, 0);
	return {
		id: 'stance-breakdown',
		title: model.title,
		notes: [
			'Positions per option: one per commentator (several claims on one option are combined). n = commentators who address the option.',
			'▲ support (solid), ◆ conditional (dotted, centred on zero), ▼ oppose (hatched). Most contested at the top.'
		],
		height: Math.max(220, 110 + lines * 18 + model.rows.length * 14),
		build: (theme) => breakdownConfig(model, theme, names) as unknown as ChartConfiguration,
		pick: (hit) => breakdownPick(model, hit)
	};
}
