/** The scenario on screen and why one could not be opened, as the workspace holds them. */
import type { Scenario } from '../scenario/schema';

export interface OpenScenario {
	scenario: Scenario;
	/** File name or address it came from, for the header and messages. */
	file: string;
	origin: 'bundled' | 'file' | 'address' | 'library';
	/** Its record in this browser's library, when it is kept there. */
	libraryKey?: string;
}

export interface LoadProblem {
	title: string;
	lines: string[];
}
