/**
 * Timeline of claims by source date and option: one point per (date, option, stance), sized and
 * labelled by its number of claims, stance shown by colour and by shape (▲ support, ◆
 * conditional, ▼ oppose). Dates are placed in order and evenly spaced, not to scale: the reference
 * sources span years with days between some of them, and a scale would stack those on one spot.
 */
import type { BubbleDataPoint, ChartConfiguration, PointStyle, TooltipItem } from 'chart.js';
import { dateLabel, STANCE_LOOK } from '../present/stance';
import { STANCES, type Claim, type Scenario, type Stance } from '../scenario/schema';
import type { ElementLabel } from './element-labels';
import { listText, plural, wrapLabel } from './format';
import type { ChartHit, ChartSpec, FilterPatch } from './spec';
import { themeFont, tooltipFonts, type ChartTheme } from './theme';

export interface TimelineDate {
	date: string;
	/** Any source with this date has an inferred date. */
	inferred: boolean;
	sources: string[];
	outlets: string[];
}

export interface TimelinePoint {
	/** Indexes into `dates` and `options`. */
	date: number;
	option: number;
	stance: Stance;
	count: number;
	claims: string[];
	sources: string[];
	commentators: string[];
}

export interface TimelineModel {
	dates: TimelineDate[];
	options: Array<{ id: string; label: string }>;
	/** One list per stance, in STANCES order: chart.js datasets. */
	points: Record<Stance, TimelinePoint[]>;
	claims: number;
	title: string;
}

/** Horizontal offset of each stance within a date, so the three never cover each other. */
export const STANCE_OFFSET: Record<Stance, number> = {
	oppose: -0.22,
	conditional: 0,
	support: 0.22
};

const POINT_STYLE: Record<Stance, { pointStyle: PointStyle; rotation: number }> = {
	support: { pointStyle: 'triangle', rotation: 0 },
	conditional: { pointStyle: 'rectRot', rotation: 0 },
	oppose: { pointStyle: 'triangle', rotation: 180 }
};

export function timelineTitle(model: Omit<TimelineModel, 'title'>): string {
	if (model.claims === 0) return 'No claims in this view';
	const perDate = model.dates.map((_, d) =>
		STANCES.reduce(
			(sum, stance) =>
				sum + model.points[stance].filter((p) => p.date === d).reduce((s, p) => s + p.count, 0),
			0
		)
	);
	const sources = new Set(model.dates.flatMap((d) => d.sources)).size;
	const first = model.dates[0]!;
	const last = model.dates[model.dates.length - 1]!;
	const label = (d: TimelineDate) => dateLabel(d.date, d.inferred);
	if (model.dates.length === 1) {
		return `All ${plural(model.claims, 'claim')} come from ${plural(sources, 'source')} dated ${label(first)}`;
	}
	const most = perDate.indexOf(Math.max(...perDate));
	const busiest = model.dates[most]!;
	return `${plural(model.claims, 'claim')} from ${plural(sources, 'source')} dated ${label(first)} to ${label(last)}; the most (${perDate[most]}) from ${listText(busiest.outlets)}, ${label(busiest)}`;
}

export function timelineModel(scenario: Scenario, claims: readonly Claim[]): TimelineModel {
	const sourceById = new Map(scenario.sources.map((s) => [s.id, s]));
	const optionIndex = new Map(scenario.options.map((o, i) => [o.id, i]));
	const known = claims.filter((c) => sourceById.has(c.source) && optionIndex.has(c.option));

	const dateKeys = [...new Set(known.map((c) => sourceById.get(c.source)!.date))].sort();
	const dates: TimelineDate[] = dateKeys.map((date) => {
		const sources = scenario.sources.filter(
			(s) => s.date === date && known.some((c) => c.source === s.id)
		);
		return {
			date,
			inferred: sources.some((s) => s.date_inferred),
			sources: sources.map((s) => s.id),
			outlets: [...new Set(sources.map((s) => s.outlet))]
		};
	});
	const used = new Set(known.map((c) => c.option));
	const options = scenario.options
		.filter((o) => used.has(o.id))
		.map((o) => ({ id: o.id, label: o.label }));
	const dateAt = new Map(dateKeys.map((d, i) => [d, i]));
	const optionAt = new Map(options.map((o, i) => [o.id, i]));

	const points: Record<Stance, TimelinePoint[]> = { support: [], conditional: [], oppose: [] };
	const byKey = new Map<string, TimelinePoint>();
	for (const claim of known) {
		const date = dateAt.get(sourceById.get(claim.source)!.date)!;
		const option = optionAt.get(claim.option)!;
		const key = `${date}|${option}|${claim.stance}`;
		let point = byKey.get(key);
		if (!point) {
			point = {
				date,
				option,
				stance: claim.stance,
				count: 0,
				claims: [],
				sources: [],
				commentators: []
			};
			byKey.set(key, point);
			points[claim.stance].push(point);
		}
		point.count++;
		point.claims.push(claim.id);
		if (!point.sources.includes(claim.source)) point.sources.push(claim.source);
		if (!point.commentators.includes(claim.commentator)) point.commentators.push(claim.commentator);
	}
	for (const stance of STANCES) {
		points[stance].sort((p, q) => p.date - q.date || p.option - q.option);
	}
	const partial = { dates, options, points, claims: known.length };
	return { ...partial, title: timelineTitle(partial) };
}

/** Point radius in pixels: area grows with the number of claims. */
export function pointRadius(count: number, theme: ChartTheme): number {
	return (5 + 4 * Math.sqrt(count)) * (theme.fontSize / 14);
}

export function dateTick(date: TimelineDate): string[] {
	return [dateLabel(date.date, date.inferred), ...wrapLabel(date.outlets.join(' / '), 24, 2)];
}

export function timelineLabels(model: TimelineModel, theme: ChartTheme): ElementLabel[] {
	return STANCES.flatMap((stance, dataset) =>
		model.points[stance].map((point, index) => ({
			dataset,
			index,
			text: String(point.count),
			color: theme.fg,
			at: 'after' as const
		}))
	);
}

export function timelineConfig(
	model: TimelineModel,
	theme: ChartTheme,
	names: ReadonlyMap<string, string>
): ChartConfiguration<'bubble', BubbleDataPoint[], string> {
	const font = themeFont(theme);
	const pointOf = (item: TooltipItem<'bubble'>) =>
		model.points[STANCES[item.datasetIndex]!][item.dataIndex]!;
	return {
		type: 'bubble',
		data: {
			datasets: STANCES.map((stance) => ({
				label: `${STANCE_LOOK[stance].symbol} ${STANCE_LOOK[stance].word}`,
				data: model.points[stance].map((p) => ({
					x: p.date + STANCE_OFFSET[stance],
					y: p.option,
					r: pointRadius(p.count, theme)
				})),
				backgroundColor: theme.stanceLine[stance],
				borderColor: theme.bg,
				borderWidth: 1,
				...POINT_STYLE[stance]
			}))
		},
		options: {
			maintainAspectRatio: false,
			layout: { padding: { right: 16 } },
			scales: {
				x: {
					type: 'linear',
					min: -0.5,
					max: Math.max(0.5, model.dates.length - 0.5),
					afterBuildTicks: (axis) => {
						axis.ticks = model.dates.map((_, value) => ({ value }));
					},
					ticks: {
						color: theme.fg,
						font,
						autoSkip: false,
						maxRotation: 0,
						callback: (value) => {
							const date = model.dates[Number(value)];
							return date ? dateTick(date) : '';
						}
					},
					grid: { color: theme.grid },
					title: {
						display: true,
						text: 'Source date (in order, evenly spaced: not to scale)',
						color: theme.fg,
						font
					}
				},
				y: {
					type: 'linear',
					reverse: true,
					min: -0.5,
					max: Math.max(0.5, model.options.length - 0.5),
					afterBuildTicks: (axis) => {
						axis.ticks = model.options.map((_, value) => ({ value }));
					},
					ticks: {
						color: theme.fg,
						font,
						autoSkip: false,
						callback: (value) => {
							const option = model.options[Number(value)];
							return option ? wrapLabel(option.label, 30) : '';
						}
					},
					grid: { color: theme.grid }
				}
			},
			plugins: {
				legend: {
					position: 'top',
					labels: { color: theme.fg, font, usePointStyle: true }
				},
				tooltip: {
					...tooltipFonts(theme),
					callbacks: {
						title: (items) => {
							const item = items[0];
							if (!item) return '';
							return model.options[pointOf(item).option]?.label ?? '';
						},
						label: (item) => {
							const point = pointOf(item);
							return `${STANCE_LOOK[point.stance].word}: ${plural(point.count, 'claim')}`;
						},
						afterLabel: (item) => {
							const point = pointOf(item);
							const date = model.dates[point.date]!;
							const who = point.commentators.map((id) => names.get(id) ?? id);
							return [
								`${listText(date.outlets)}, ${dateLabel(date.date, date.inferred)}`,
								...wrapLabel(`By ${listText(who)}`, 60, 4)
							];
						},
						footer: () => 'Click to show these claims'
					}
				},
				sgLabels: {
					labels: timelineLabels(model, theme),
					halo: theme.bg,
					fontFamily: theme.fontFamily,
					fontSize: theme.fontSize
				}
			}
		}
	};
}

/** The claims behind a point: its option, its sources and its stance. */
export function pointFilter(model: TimelineModel, point: TimelinePoint): FilterPatch | null {
	const option = model.options[point.option];
	if (!option) return null;
	return { options: [option.id], sources: [...point.sources], stances: [point.stance] };
}

export function timelinePick(model: TimelineModel, hit: ChartHit): FilterPatch | null {
	const stance = STANCES[hit.datasetIndex];
	const point = stance ? model.points[stance][hit.index] : undefined;
	return point ? pointFilter(model, point) : null;
}

export function timelineSpec(model: TimelineModel, names: ReadonlyMap<string, string>): ChartSpec {
	const lines = model.options.reduce((sum, o) => sum + wrapLabel(o.label, 30).length, 0);
	return {
		id: 'timeline',
		title: model.title,
		notes: [
			'One mark per source date, option and stance; its size and number give the claims. ▲ support, ◆ conditional, ▼ oppose.',
			'Dates are in order and evenly spaced, not to scale; “(inferred)” dates are not printed in the source.'
		],
		height: Math.max(260, 140 + lines * 20 + model.options.length * 18),
		build: (theme) => timelineConfig(model, theme, names) as unknown as ChartConfiguration,
		pick: (hit) => timelinePick(model, hit)
	};
}
