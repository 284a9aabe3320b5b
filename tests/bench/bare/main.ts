/**
 * The benchmark's baseline: the same libraries as the app (ag-grid community with the Theming
 * API, chart.js with only the pieces a stacked bar chart needs) showing the same data, with no
 * app code, no validation and no framework. Anything the app adds on top shows up as the ratio.
 * chart.js is loaded only for the charts view, as a plain page would (and as the app does).
 */
import {
	createGrid,
	ModuleRegistry,
	QuickFilterModule,
	themeQuartz,
	type ColDef
} from 'ag-grid-community';
import { GRID_MODULES } from '../../../src/lib/grid/modules';

// The app's own module list, plus the quick filter this page searches with (the app filters
// its own rows instead).
ModuleRegistry.registerModules([...GRID_MODULES, QuickFilterModule]);

interface Claim {
	id: string;
	option: string;
	commentator: string;
	source: string;
	stance: 'support' | 'conditional' | 'oppose';
	consequence: string;
	effects: { dimension: string; direction: string }[];
	quote: { exact: string };
}
interface Data {
	options: { id: string; label: string }[];
	commentators: { id: string; name: string }[];
	sources: { id: string; outlet: string; date: string }[];
	claims: Claim[];
}

const params = new URL(location.href).searchParams;
const src = params.get('src') ?? '';
const view = params.get('view') ?? 'claims';
const data = (await (await fetch(src)).json()) as Data;
const label = new Map(data.options.map((o) => [o.id, o.label]));
const name = new Map(data.commentators.map((c) => [c.id, c.name]));
const source = new Map(data.sources.map((s) => [s.id, s]));

if (view === 'claims') {
	document.getElementById('chart')!.remove();
	const rows = data.claims.map((c) => ({
		option: label.get(c.option),
		commentator: name.get(c.commentator),
		outlet: source.get(c.source)?.outlet,
		date: source.get(c.source)?.date,
		stance: c.stance,
		dimension: c.effects.map((e) => e.dimension).join(';'),
		consequence: c.consequence,
		quote: c.quote.exact
	}));
	const columnDefs: ColDef[] = Object.keys(rows[0] ?? {}).map((field) => ({
		field,
		filter: true
	}));
	const api = createGrid(document.getElementById('grid')!, {
		theme: themeQuartz,
		rowData: rows,
		columnDefs
	});
	document.getElementById('quick-filter')!.addEventListener('input', (event) => {
		api.setGridOption('quickFilterText', (event.target as HTMLInputElement).value);
	});
} else {
	document.getElementById('grid')!.remove();
	const counts = data.options.map(() => ({ support: 0, conditional: 0, oppose: 0 }));
	const index = new Map(data.options.map((o, i) => [o.id, i]));
	for (const c of data.claims) counts[index.get(c.option)!]![c.stance]++;
	const { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale } =
		await import('chart.js');
	Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend);
	const canvas = document.createElement('canvas');
	document.getElementById('chart')!.append(canvas);
	new Chart(canvas, {
		type: 'bar',
		data: {
			labels: data.options.map((o) => o.label),
			datasets: (['support', 'conditional', 'oppose'] as const).map((stance, i) => ({
				label: stance,
				data: counts.map((c) => (stance === 'oppose' ? -c[stance] : c[stance])),
				backgroundColor: ['#1a7f37', '#9a6700', '#cf222e'][i]
			}))
		},
		options: {
			indexAxis: 'y',
			animation: false,
			maintainAspectRatio: false,
			scales: { x: { stacked: true }, y: { stacked: true } }
		}
	});
}
