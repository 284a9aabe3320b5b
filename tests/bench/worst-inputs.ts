/**
 * The worst inputs the loader must answer within its budget (issue 16: any input up to the 20 MiB
 * limit accepted or refused in under 5 s and under 1 GiB): each built here as text, the same for
 * the unit tests (which check the message) and for `npm run bench` (which times each in a child
 * process and reads its peak memory).
 */
import { MAX_BYTES } from '../../src/lib/scenario/load';

export interface WorstInput {
	name: string;
	file: string;
	build: () => string;
	/** The start of the first message expected. */
	expect: string;
}

const MINI_JSON = {
	meta: {
		id: 'worst',
		title: 'Worst case',
		question: 'Q?',
		as_of: '2024-05-01',
		coded_by: 'bench',
		method: 'generated'
	},
	dimensions: [{ id: 'cost', label: 'Cost', goal: 'keeps costs down' }],
	options: [{ id: 'a', label: 'A', description: 'Option A.' }],
	sources: [
		{
			id: 's',
			outlet: 'O',
			title: 'T',
			date: '2024',
			date_inferred: false,
			authors: 'not stated',
			kind: 'analysis',
			url: 'not stated'
		}
	],
	commentators: [{ id: 'c', name: 'C', role: 'r', affiliation: 'a', kind: 'analyst' }]
};

function claims(n: number, stance: string): unknown[] {
	return Array.from({ length: n }, (_, i) => ({
		id: `k${i}`,
		option: 'a',
		commentator: 'c',
		source: 's',
		stance,
		consequence: 'x',
		effects: [{ dimension: 'cost', direction: 'helps' }],
		quote: { exact: 'q', prefix: '', suffix: '' }
	}));
}

/** Repeats `unit` to fill just under the size limit. */
const fill = (unit: string, tail = '') =>
	unit.repeat(Math.floor((MAX_BYTES - 64) / unit.length)) + tail;

export const WORST: WorstInput[] = [
	{
		name: 'YAML nested 9 MB deep',
		file: 'deep.yaml',
		build: () => 'meta: ' + '['.repeat(4_500_000) + ']'.repeat(4_500_000) + '\n',
		expect: 'nested deeper than 24 levels'
	},
	{
		name: 'YAML nested blocks (- - - ...)',
		file: 'deep-block.yaml',
		build: () => 'meta:\n' + fill('- ', 'x\n'),
		expect: 'nested deeper than 24 levels'
	},
	{
		name: 'JSON nested 20 MiB deep',
		file: 'deep.json',
		build: () => '['.repeat(10_000_000) + ']'.repeat(10_000_000),
		expect: 'nested deeper than 24 levels'
	},
	{
		name: 'YAML mapping, 1.4 million keys',
		file: 'wide.yaml',
		build: () => Array.from({ length: 1_400_000 }, (_, i) => `k${i}: 1`).join('\n'),
		expect: 'a mapping with more than 1000 keys'
	},
	{
		name: 'JSON object, 1.4 million keys',
		file: 'wide.json',
		build: () => '{' + Array.from({ length: 1_400_000 }, (_, i) => `"k${i}":1`).join(',') + '}',
		expect: 'a mapping with more than 1000 keys'
	},
	{
		name: 'JSON, 20,000 claims each with an error',
		file: 'errors.json',
		build: () => JSON.stringify({ ...MINI_JSON, claims: claims(20_000, 'maybe') }, null, 1),
		expect: 'expected a stance'
	},
	{
		name: 'YAML, 20,000 claims each with an error',
		file: 'errors.yaml',
		build: () =>
			JSON.stringify({ ...MINI_JSON, claims: claims(20_000, 'maybe') }, null, 1)
				// JSON is YAML: read by the YAML parser, with its positions.
				.replace(/^\{/, '{ '),
		expect: 'expected a stance'
	}
];
