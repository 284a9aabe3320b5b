/**
 * Contested-to-agreed ranking: van der Eijk's agreement A per option (-1 split between the
 * extremes, 0 even spread, 1 all in one category), with n in every label. Options with fewer than
 * {@link FEW} positions are hatched and left out of the title's "most agreed": one voice agrees
 * with itself.
 */
import type { ChartConfiguration, TooltipItem } from 'chart.js';
import { rankOptions, type OptionStat } from '../analysis/option-stats';
import { STANCE_LOOK } from '../present/stance';
import { STANCES } from '../scenario/schema';
import type { ElementLabel } from './element-labels';
import { agreementText, shortNumber, wrapLabel } from './format';
import type { ChartHit, ChartSpec, FilterPatch } from './spec';
import { textOn, themeFont, tooltipFonts, type ChartTheme } from './theme';

/** Below this many positions, an option's A says little: hatched, and not called "most agreed". */
export const FEW = 3;

export interface RankingRow {
	id: string;
	label: string;
	n: number;
	agreement: number;
	support: number;
	conditional: number;
	oppose: number;
}

export interface RankingModel {
	/**
	 * Most contested (lowest A) first among options with enough positions, then the thin ones;
	 * options nobody addresses are left out.
	 */
	rows: RankingRow[];
	title: string;
}

function described(row: RankingRow): string {
	return `${row.label} (A = ${shortNumber(row.agreement)}, n = ${row.n})`;
}

export function rankingTitle(rows: readonly RankingRow[]): string {
	const ranked = rows.filter((r) => r.n >= FEW);
	if (rows.length === 0) return 'No option has a position in this view';
	if (ranked.length === 0) {
		return `Every option has fewer than ${FEW} positions: too few to say which is most contested`;
	}
	const first = ranked[0]!;
	const last = ranked[ranked.length - 1]!;
	if (ranked.length === 1)
		return `Only one option has ${FEW} or more positions: ${described(first)}`;
	if (first.agreement === last.agreement) {
		return `All options with ${FEW} or more positions have the same agreement (A = ${shortNumber(first.agreement)})`;
	}
	return `Most contested: ${described(first)}; most agreed: ${described(last)}`;
}

/**
 * Options with {@link FEW} or more positions come first, most contested to most agreed, then the
 * thinly addressed ones (hatched) in the same order: so the top bar is always the option the
 * title calls most contested, under any filter.
 */
export function rankingModel(stats: readonly OptionStat[]): RankingModel {
	const ordered = rankOptions(stats).filter(
		(s): s is OptionStat & { agreement: number } => s.agreement !== null
	);
	const rows = [...ordered.filter((s) => s.n >= FEW), ...ordered.filter((s) => s.n < FEW)].map(
		(s) => ({
			id: s.id,
			label: s.label,
			n: s.n,
			agreement: s.agreement,
			support: s.support,
			conditional: s.conditional,
			oppose: s.oppose
		})
	);
	return { rows, title: rankingTitle(rows) };
}

export function rankingLabels(model: RankingModel, theme: ChartTheme): ElementLabel[] {
	return model.rows.map((row, index) => ({
		dataset: 0,
		index,
		text: shortNumber(row.agreement),
		color: theme.fg,
		at: 'after',
		inside: textOn(theme.accent, '#111111', '#ffffff'),
		insideHalo: theme.accent
	}));
}

export function rankingConfig(
	model: RankingModel,
	theme: ChartTheme
): ChartConfiguration<'bar', number[], string[]> {
	const font = themeFont(theme);
	return {
		type: 'bar',
		data: {
			labels: model.rows.map((row) => wrapLabel(`${row.label} (n=${row.n})`, 34)),
			datasets: [
				{
					label: 'Agreement A',
					data: model.rows.map((row) => row.agreement),
					backgroundColor: model.rows.map((row) =>
						row.n >= FEW ? theme.rankFill : theme.rankFillFew
					),
					borderColor: theme.accent,
					borderWidth: 1,
					maxBarThickness: 30
				}
			]
		},
		options: {
			indexAxis: 'y',
			maintainAspectRatio: false,
			// Room for the value written past the end of a bar at ±1.
			layout: { padding: { left: 8, right: theme.fontSize * 3.5 } },
			scales: {
				x: {
					type: 'linear',
					min: -1,
					max: 1,
					ticks: {
						stepSize: 0.5,
						color: theme.fgMuted,
						font,
						callback: (value) => shortNumber(Number(value))
					},
					grid: {
						color: (ctx) => (ctx.tick?.value === 0 ? theme.fg : theme.grid),
						lineWidth: (ctx) => (ctx.tick?.value === 0 ? 2 : 1)
					},
					title: {
						display: true,
						text: '◀ split (−1) · even spread (0) · agreement A · all agree (1) ▶',
						color: theme.fg,
						font
					}
				},
				y: {
					type: 'category',
					ticks: { color: theme.fg, font, autoSkip: false },
					grid: { display: false }
				}
			},
			plugins: {
				legend: { display: false },
				tooltip: {
					...tooltipFonts(theme),
					callbacks: {
						title: (items) => model.rows[items[0]?.dataIndex ?? -1]?.label ?? '',
						label: (item: TooltipItem<'bar'>) => {
							const row = model.rows[item.dataIndex]!;
							return `A = ${agreementText(row.agreement)} from n = ${row.n} positions`;
						},
						afterLabel: (item: TooltipItem<'bar'>) => {
							const row = model.rows[item.dataIndex]!;
							const lines = STANCES.map(
								(stance) =>
									`${STANCE_LOOK[stance].symbol} ${STANCE_LOOK[stance].word}: ${row[stance]}`
							);
							if (row.n < FEW) lines.push(`Fewer than ${FEW} positions: read with care`);
							return lines;
						},
						footer: () => 'Click to show the claims on this option'
					}
				},
				sgLabels: {
					labels: rankingLabels(model, theme),
					halo: '',
					fontFamily: theme.fontFamily,
					fontSize: theme.fontSize
				}
			}
		}
	};
}

export function rankingPick(model: RankingModel, hit: ChartHit): FilterPatch | null {
	const row = model.rows[hit.index];
	return row ? { options: [row.id] } : null;
}

export function rankingSpec(model: RankingModel): ChartSpec {
	const lines = model.rows.reduce(
		(sum, row) => sum + wrapLabel(`${row.label} (n=${row.n})`, 34).length,
		0
	);
	return {
		id: 'agreement-ranking',
		title: model.title,
		notes: [
			"Van der Eijk's agreement A over oppose / conditional / support (van der Eijk 2001, Quality and Quantity 35:325-341).",
			`1 = all in one category, 0 = even spread, −1 = split between oppose and support. Hatched bars: fewer than ${FEW} positions.`
		],
		height: Math.max(200, 110 + lines * 18 + model.rows.length * 12),
		build: (theme) => rankingConfig(model, theme) as unknown as ChartConfiguration,
		pick: (hit) => rankingPick(model, hit)
	};
}
