/**
 * A small chart.js plugin that writes text on chart elements (counts in bar segments, values in
 * heatmap cells, "–" on cells with no data) and outlines blocks of heatmap cells (camps). The text
 * is the second cue beside colour, and it is in the PNG too. Builders describe the labels as data
 * in `options.plugins.sgLabels`; the plugin only draws.
 */
import type { Chart, ChartType, Plugin } from 'chart.js';

export interface ElementLabel {
	dataset: number;
	index: number;
	text: string;
	color: string;
	/**
	 * Where on the element: its centre; its base (for a bar, the end at zero: a conditional half
	 * bar is labelled on the zero line); or just past its far end (a bar's value, a point's side).
	 */
	at?: 'center' | 'base' | 'after';
	/** Draw only if the text fits in the element (bars): skip rather than spill over a neighbour. */
	fit?: boolean;
	/** Overrides the plugin's halo for this label ('' = none). */
	halo?: string;
	/**
	 * For `at: 'after'` on a bar: the text colour to use inside the bar's end when there is no room
	 * past it (a bar that reaches the edge of the plot).
	 */
	inside?: string;
	/** Halo for the text drawn inside, so it reads on a hatched bar. */
	insideHalo?: string;
}

/** A square run of heatmap cells, in category indexes along both axes, outlined. */
export interface BlockOutline {
	from: number;
	to: number;
}

export interface ElementLabelsOptions {
	labels: ElementLabel[];
	blocks: BlockOutline[];
	blockColor: string;
	/** A halo behind the text so it reads on hatched fills. Empty for none. */
	halo: string;
	fontFamily: string;
	fontSize: number;
	fontWeight: string;
}

declare module 'chart.js' {
	interface PluginOptionsByType<TType extends ChartType> {
		sgLabels?: Partial<ElementLabelsOptions> & { _type?: TType };
	}
}

interface ElementProps {
	x: number;
	y: number;
	base?: number;
	horizontal?: boolean;
	width?: number;
	height?: number;
}

function drawBlocks(chart: Chart, options: Partial<ElementLabelsOptions>): void {
	const blocks = options.blocks ?? [];
	const xScale = chart.scales.x;
	const yScale = chart.scales.y;
	if (blocks.length === 0 || !xScale || !yScale) return;
	const ctx = chart.ctx;
	const cellX = Math.abs(xScale.getPixelForValue(1) - xScale.getPixelForValue(0));
	const cellY = Math.abs(yScale.getPixelForValue(1) - yScale.getPixelForValue(0));
	ctx.save();
	ctx.strokeStyle = options.blockColor ?? '#000';
	ctx.lineWidth = 2.5;
	for (const { from, to } of blocks) {
		const x0 = Math.min(xScale.getPixelForValue(from), xScale.getPixelForValue(to)) - cellX / 2;
		const x1 = Math.max(xScale.getPixelForValue(from), xScale.getPixelForValue(to)) + cellX / 2;
		const y0 = Math.min(yScale.getPixelForValue(from), yScale.getPixelForValue(to)) - cellY / 2;
		const y1 = Math.max(yScale.getPixelForValue(from), yScale.getPixelForValue(to)) + cellY / 2;
		ctx.strokeRect(x0, y0, x1 - x0, y1 - y0);
	}
	ctx.restore();
}

export const elementLabels: Plugin & {
	descriptors: { _scriptable: boolean; _indexable: boolean };
} = {
	id: 'sgLabels',
	// The options are plain data: chart.js must not call or index into them.
	descriptors: { _scriptable: false, _indexable: false },
	afterDatasetsDraw(chart, _args, pluginOptions: Partial<ElementLabelsOptions>) {
		const labels = pluginOptions.labels ?? [];
		const ctx = chart.ctx;
		const size = pluginOptions.fontSize ?? 12;
		ctx.save();
		ctx.font = `${pluginOptions.fontWeight ?? '600'} ${size}px ${pluginOptions.fontFamily ?? 'sans-serif'}`;
		ctx.textBaseline = 'middle';
		ctx.lineJoin = 'round';
		for (const label of labels) {
			if (!chart.isDatasetVisible(label.dataset)) continue;
			const element = chart.getDatasetMeta(label.dataset).data[label.index];
			if (!element) continue;
			const props = element.getProps(
				['x', 'y', 'base', 'horizontal', 'width', 'height'],
				true
			) as unknown as ElementProps;
			const textWidth = ctx.measureText(label.text).width;
			let x = props.x;
			let y = props.y;
			let color = label.color;
			let halo = label.halo ?? pluginOptions.halo;
			ctx.textAlign = 'center';
			if (props.horizontal && props.base !== undefined) {
				const length = Math.abs(props.x - props.base);
				const room = label.at === 'base' ? 2 * length : length;
				if (label.fit && textWidth + 6 > room) continue;
				if (label.at === 'base') x = props.base;
				else if (label.at === 'after') {
					const right = props.x >= props.base;
					// Right of the plot there is only padding; left of it are the axis labels.
					const room = right ? chart.width - props.x : props.x - chart.chartArea.left;
					if (room >= textWidth + 8 || !label.inside) {
						x = props.x + (right ? 6 : -6);
						ctx.textAlign = right ? 'left' : 'right';
					} else {
						x = props.x + (right ? -6 : 6);
						ctx.textAlign = right ? 'right' : 'left';
						color = label.inside;
						halo = label.insideHalo ?? '';
					}
				} else x = (props.x + props.base) / 2;
			} else if (label.at === 'after') {
				const radius = (element.options as { radius?: number }).radius ?? 0;
				x = props.x + radius + 4;
				ctx.textAlign = 'left';
			} else if (props.width !== undefined && props.height !== undefined) {
				// Matrix cells: x/y are the top-left corner.
				const centre = (
					element as unknown as { getCenterPoint(final: boolean): { x: number; y: number } }
				).getCenterPoint(true);
				x = centre.x;
				y = centre.y;
				if (label.fit && (textWidth + 4 > props.width || size > props.height)) continue;
			}
			if (halo) {
				ctx.strokeStyle = halo;
				ctx.lineWidth = Math.max(2, size / 4);
				ctx.strokeText(label.text, x, y);
			}
			ctx.fillStyle = color;
			ctx.fillText(label.text, x, y);
		}
		ctx.restore();
		drawBlocks(chart, pluginOptions);
	}
};
