/**
 * Position files ("Download my position", see `positionFile` in analysis/my-position.ts) read
 * back: recognised wherever a file is opened, so that one is explained rather than reported as a
 * broken scenario, and turned into class answers for the dashboard that works without a server.
 * Pure: text in, data or a sentence out.
 */
import { validatePosition, type PositionFile } from '../analysis/my-position';
import type { Stance } from '../scenario/schema';
import type { ClassAnswer } from './protocol';

export const POSITION_FORMAT = 'stancegrid-position';

export interface ReadPosition {
	scenario: string;
	scenarioTitle: string;
	exportedAt: string;
	stances: Record<string, Stance>;
	reasons: Record<string, string>;
}

export type PositionRead =
	| { kind: 'position'; position: ReadPosition }
	/** Says it is a position file but its content is damaged. */
	| { kind: 'damaged'; problem: string }
	| { kind: 'other' };

/** Cheap first look: only text that starts like a JSON object is parsed. */
export function readPositionFile(text: string): PositionRead {
	const start = text.trimStart();
	if (!start.startsWith('{') || !start.slice(0, 4000).includes(POSITION_FORMAT)) {
		return { kind: 'other' };
	}
	let data: unknown;
	try {
		data = JSON.parse(start);
	} catch {
		return { kind: 'other' };
	}
	if (typeof data !== 'object' || data === null) return { kind: 'other' };
	const file = data as Partial<PositionFile>;
	if (file.format !== POSITION_FORMAT) return { kind: 'other' };
	if (file.version !== 1) {
		return {
			kind: 'damaged',
			problem: `it is a position file of version ${String(file.version)}; this version of Stancegrid reads version 1`
		};
	}
	if (typeof file.scenario !== 'string' || typeof file.scenario_title !== 'string') {
		return { kind: 'damaged', problem: 'it does not say which scenario it belongs to' };
	}
	const checked = validatePosition({ stances: file.stances, reasons: file.reasons });
	if (!checked.ok) return { kind: 'damaged', problem: checked.problem };
	return {
		kind: 'position',
		position: {
			scenario: file.scenario,
			scenarioTitle: file.scenario_title,
			exportedAt: typeof file.exported_at === 'string' ? file.exported_at : '',
			stances: { ...checked.value.stances },
			reasons: { ...checked.value.reasons }
		}
	};
}

/** What "Open file" says about a position file, instead of a scenario's load errors. */
export function positionFileExplained(
	name: string,
	read: Exclude<PositionRead, { kind: 'other' }>
): { title: string; lines: string[] } {
	if (read.kind === 'damaged') {
		return {
			title: `${name} is a Stancegrid position file, not a scenario, and it cannot be read: ${read.problem}.`,
			lines: [
				'Open a scenario file (YAML or JSON) here; position files belong on the class dashboard.'
			]
		};
	}
	const { position } = read;
	const n = Object.keys(position.stances).length;
	return {
		title: `${name} is a Stancegrid position file, not a scenario. The scenario on screen is unchanged.`,
		lines: [
			`It holds one student's stance on ${n} option${n === 1 ? '' : 's'} of "${position.scenarioTitle}" (${position.scenario})${position.exportedAt ? `, saved ${position.exportedAt.slice(0, 16).replace('T', ' ')} UTC` : ''}.`,
			`To see a class's positions together, drop the position files on the class dashboard (Class mode, /class).`
		]
	};
}

/** Position files as answers of one phase, one anonymous student per file. */
export function positionAnswers(
	positions: readonly ReadPosition[],
	phase: ClassAnswer['phase']
): ClassAnswer[] {
	return positions.map((position, i) => ({
		participant: `file-${i + 1}`,
		name: null,
		phase,
		stances: { ...position.stances },
		quotes: {},
		seq: i + 1
	}));
}
