/** The export menu's entries, in the order a briefer looks for them, grouped by what they give. */
import { FORMAT_INFO, type ExportFormatName } from '../../export/format-info';

export type MenuAction =
	{ kind: 'download'; format: ExportFormatName } | { kind: 'copy'; table: 'matrix' | 'claims' };

export interface MenuItem {
	id: string;
	label: string;
	description: string;
	group: 'tables' | 'clipboard' | 'citations' | 'data';
	action: MenuAction;
}

const download = (format: ExportFormatName, group: MenuItem['group']): MenuItem => ({
	id: format,
	label: FORMAT_INFO[format].label,
	description: FORMAT_INFO[format].description,
	group,
	action: { kind: 'download', format }
});

export const MENU_ITEMS: readonly MenuItem[] = [
	download('xlsx', 'tables'),
	download('csv', 'tables'),
	download('matrix-csv', 'tables'),
	download('md', 'tables'),
	{
		id: 'copy-matrix',
		label: 'Copy matrix table',
		description: 'paste into Word, PowerPoint, Google Docs or Sheets',
		group: 'clipboard',
		action: { kind: 'copy', table: 'matrix' }
	},
	{
		id: 'copy-claims',
		label: 'Copy claims table',
		description: 'every claim with its quote and link, for pasting',
		group: 'clipboard',
		action: { kind: 'copy', table: 'claims' }
	},
	download('csl', 'citations'),
	download('bib', 'citations'),
	download('ris', 'citations'),
	download('json', 'data'),
	download('yaml', 'data')
];
