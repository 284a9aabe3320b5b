/**
 * PNG export of a chart at a fixed size (1600 x 900, slide-shaped) on a white background, whatever
 * the screen size and theme: an offscreen chart is drawn from the same spec with the light theme
 * and larger type, with the finding as its title and the notes under it.
 */
import type { ChartConfiguration, Plugin } from 'chart.js';
import { wrapLabel } from './format';
import { readTheme } from './read-theme';
import { Chart } from './register';
import type { ChartSpec } from './spec';

export const PNG_WIDTH = 1600;
export const PNG_HEIGHT = 900;

const whiteBackground: Plugin = {
	id: 'sgWhiteBackground',
	beforeDraw(chart) {
		const { ctx, width, height } = chart;
		ctx.save();
		ctx.fillStyle = '#ffffff';
		ctx.fillRect(0, 0, width, height);
		ctx.restore();
	}
};

type Padding = number | { top?: number; right?: number; bottom?: number; left?: number };

/** The chart's own padding (room it keeps for labels) plus a margin on every side. */
export function widen(padding: unknown, margin: number): Padding {
	if (typeof padding === 'number') return padding + margin;
	if (padding === null || typeof padding !== 'object') return margin;
	const own = padding as { top?: number; right?: number; bottom?: number; left?: number };
	return {
		top: (own.top ?? 0) + margin,
		right: (own.right ?? 0) + margin,
		bottom: (own.bottom ?? 0) + margin,
		left: (own.left ?? 0) + margin
	};
}

/** The export config: the spec's chart, still, with its title, notes and source line. */
export function exportConfig(
	spec: ChartSpec,
	config: ChartConfiguration,
	source: string,
	fontSize: number
): ChartConfiguration {
	const font = { family: 'system-ui, sans-serif', size: fontSize };
	return {
		...config,
		options: {
			...config.options,
			responsive: false,
			maintainAspectRatio: false,
			animation: false,
			devicePixelRatio: 1,
			events: [],
			layout: { padding: widen(config.options?.layout?.padding, 24) },
			plugins: {
				...config.options?.plugins,
				tooltip: { enabled: false },
				title: {
					display: true,
					text: wrapLabel(spec.title, 105, 3),
					color: '#1b1f24',
					align: 'start',
					font: { ...font, size: Math.round(fontSize * 1.25), weight: 'bold' },
					padding: { top: 0, bottom: 6 }
				},
				subtitle: {
					display: true,
					text: [...spec.notes.flatMap((note) => wrapLabel(note, 160, 2)), source],
					color: '#4a5562',
					align: 'start',
					font: { ...font, size: Math.round(fontSize * 0.8) },
					padding: { bottom: 14 }
				}
			}
		},
		plugins: [...(config.plugins ?? []), whiteBackground]
	};
}

export async function renderPng(spec: ChartSpec, host: Element, source: string): Promise<Blob> {
	const fontSize = 20;
	const theme = readTheme(host, { scheme: 'light', fontSize });
	// In the document (off screen) so fonts and styles resolve as they do for the visible chart.
	const stage = document.createElement('div');
	stage.setAttribute('aria-hidden', 'true');
	stage.style.cssText = `position:fixed;left:-${PNG_WIDTH * 2}px;top:0;width:${PNG_WIDTH}px;height:${PNG_HEIGHT}px;color-scheme:light`;
	const canvas = document.createElement('canvas');
	canvas.width = PNG_WIDTH;
	canvas.height = PNG_HEIGHT;
	stage.appendChild(canvas);
	(host.parentElement ?? document.body).appendChild(stage);
	let chart: Chart | undefined;
	try {
		chart = new Chart(canvas, exportConfig(spec, spec.build(theme), source, fontSize));
		const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
		if (!blob) throw new Error('the browser could not encode the chart as PNG');
		return blob;
	} finally {
		chart?.destroy();
		stage.remove();
	}
}
