/**
 * The one wrapper around chart.js: `{@attach chartAttachment(() => spec, onpick)}` on a canvas
 * creates the chart once, updates it in place when the spec changes (new data after a filter), re-
 * renders when the theme or text size changes, and destroys it when the canvas goes away.
 */
import type { ActiveElement, ChartConfiguration, ChartEvent } from 'chart.js';
import { untrack } from 'svelte';
import type { Attachment } from 'svelte/attachments';
import { readTheme } from './read-theme';
import { Chart } from './register';
import type { ChartSpec, FilterPatch } from './spec';

/** Adds what every on-screen chart shares: click to filter, a pointer over clickable elements. */
function interactive(
	config: ChartConfiguration,
	spec: () => ChartSpec,
	onpick: (patch: FilterPatch) => void
): ChartConfiguration {
	return {
		...config,
		options: {
			...config.options,
			responsive: true,
			// Charts appear at once: animating thousands of elements costs seconds of main thread
			// on large scenarios, and motion says nothing about the data.
			animation: false,
			onClick: (event: ChartEvent, _elements: ActiveElement[], chart: Chart) => {
				if (!event.native) return;
				const [hit] = chart.getElementsAtEventForMode(
					event.native,
					'nearest',
					{ intersect: true },
					false
				);
				if (!hit) return;
				const patch = spec().pick({ datasetIndex: hit.datasetIndex, index: hit.index });
				if (patch) onpick(patch);
			},
			onHover: (event: ChartEvent, elements: ActiveElement[], chart: Chart) => {
				chart.canvas.style.cursor = elements.length > 0 ? 'pointer' : 'default';
			}
		}
	};
}

export function chartAttachment(
	getSpec: () => ChartSpec,
	onpick: (patch: FilterPatch) => void
): Attachment<HTMLCanvasElement> {
	return (canvas) => {
		let spec = untrack(getSpec);
		const current = () => spec;
		const chart = untrack(
			() => new Chart(canvas, interactive(spec.build(readTheme(canvas)), current, onpick))
		);

		const render = () => {
			const config = interactive(spec.build(readTheme(canvas)), current, onpick);
			chart.data = config.data;
			chart.options = config.options ?? {};
			chart.update();
		};

		// New data: update the chart in place rather than re-creating it.
		$effect(() => {
			const next = getSpec();
			if (next === spec) return;
			spec = next;
			untrack(render);
		});

		// The theme switch sets data-theme / class on <html>; the OS theme goes through the media query.
		const observer = new MutationObserver(render);
		observer.observe(document.documentElement, {
			attributes: true,
			attributeFilter: ['data-theme', 'data-size', 'class', 'style']
		});
		const scheme = matchMedia('(prefers-color-scheme: dark)');
		scheme.addEventListener('change', render);

		return () => {
			observer.disconnect();
			scheme.removeEventListener('change', render);
			chart.destroy();
		};
	};
}
