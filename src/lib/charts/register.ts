/**
 * chart.js with only the parts these charts use, registered once. Importing chart.js's `auto`
 * bundle would ship every controller, scale and plugin.
 */
import {
	BarController,
	BarElement,
	BubbleController,
	CategoryScale,
	Chart,
	Legend,
	LinearScale,
	PointElement,
	SubTitle,
	Title,
	Tooltip
} from 'chart.js';
import { MatrixController, MatrixElement } from 'chartjs-chart-matrix';
import { elementLabels } from './element-labels';

Chart.register(
	BarController,
	BarElement,
	BubbleController,
	PointElement,
	MatrixController,
	MatrixElement,
	CategoryScale,
	LinearScale,
	Tooltip,
	Legend,
	Title,
	SubTitle,
	elementLabels
);

export { Chart };
