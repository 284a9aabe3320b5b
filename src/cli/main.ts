/**
 * `stancegrid validate|export|analyze`: the app's loader and serializers for scripts and teachers,
 * with no browser. Exit codes: 0 ok, 1 the scenario is invalid or a file cannot be read or
 * written, 2 the command itself is wrong (usage).
 */
import { parseArgs } from 'node:util';
import { analysisReport } from '../lib/analysis/analysis-report';
import { parseWeights } from '../lib/analysis/decision-weights';
import { EXPORT_FORMATS, isExportFormat } from '../lib/export/formats';
import { formatLoadError, loadScenario, problemCount } from '../lib/scenario/load';
import { type Scenario } from '../lib/scenario/schema';
import { printable } from '../lib/scenario/text-checks';
import { readLimited, writeOut } from './files';

const FORMAT_HELP = Object.entries(EXPORT_FORMATS)
	.map(
		([name, f]) =>
			`  ${name.padEnd(11)}${f.label}: ${f.description}${f.binary ? ' (needs --out)' : ''}`
	)
	.join('\n');

const FORMATS = Object.keys(EXPORT_FORMATS).join('|');

const HELP: Record<string, string> = {
	validate: `Usage: stancegrid validate FILE

Checks a scenario (YAML or JSON, see scenarios/README.md). Exit 0 with a one-line summary, or 1
with each problem as FILE:LINE:COL PATH: MESSAGE (the first 100, then a count of the rest).
FILE may be - for standard input; write -- before a FILE whose name starts with -.`,
	export: `Usage: stancegrid export FILE --format ${FORMATS} [--weights dimension=number,...] [--out PATH]

Writes the scenario in another format, to standard output unless --out is given.
--weights (xlsx only) sets the weights of the workbook's Decision sheet, as for analyze.
Formats:
${FORMAT_HELP}`,
	analyze: `Usage: stancegrid analyze FILE [--format json] [--weights dimension=number,...] [--out PATH]

Writes agreement, contradictions, facts or values, robustness and a decision table as JSON.
--weights sets how much each dimension counts in the table (0 and up; 1 when left out).`
};

const USAGE = `Usage:
  stancegrid validate FILE
  stancegrid export FILE --format ${FORMATS} [--weights dimension=number,...] [--out PATH]
  stancegrid analyze FILE [--format json] [--weights dimension=number,...] [--out PATH]
  stancegrid COMMAND --help

FILE is a scenario in YAML or JSON (see scenarios/README.md), or - for standard input.
Export formats (printed to standard output unless --out is given):
${FORMAT_HELP}
analyze prints agreement, contradictions, facts or values, robustness and a decision table;
--weights sets how much each dimension counts in the table (0 and up; 1 when left out).`;

/** The options each command accepts; anything else is a usage error. */
const OPTIONS = {
	validate: {},
	export: { format: { type: 'string' }, out: { type: 'string' }, weights: { type: 'string' } },
	analyze: { format: { type: 'string' }, out: { type: 'string' }, weights: { type: 'string' } }
} as const;

type Command = keyof typeof OPTIONS;

interface Io {
	out: (text: string | Uint8Array) => void;
	err: (text: string) => void;
}

const processIo: Io = {
	out: (text) => process.stdout.write(text),
	err: (text) => process.stderr.write(text)
};

async function load(file: string, io: Io): Promise<Scenario | null> {
	const read = await readLimited(file);
	if ('problem' in read) {
		io.err(`${printable(file, 400)}${read.problem}\n`);
		return null;
	}
	const result = loadScenario(read.text, file);
	if (!result.ok) {
		for (const error of result.errors) io.err(formatLoadError(error) + '\n');
		const total = problemCount(result);
		const listed =
			total > result.errors.length ? ` (the first ${result.errors.length} listed)` : '';
		io.err(`${printable(file, 400)}: ${total} problem(s)${listed}; nothing was loaded\n`);
		return null;
	}
	return result.scenario;
}

function summary(file: string, s: Scenario): string {
	return `${printable(file, 400)}: valid scenario "${s.meta.id}": ${s.options.length} options, ${s.commentators.length} commentators, ${s.sources.length} sources, ${s.claims.length} claims, ${s.dimensions.length} dimensions\n`;
}

function usageError(io: Io, message: string, command?: Command): number {
	io.err(`${printable(message, 400)}\n${command ? HELP[command] : USAGE}\n`);
	return 2;
}

function isCommand(name: string): name is Command {
	return Object.hasOwn(OPTIONS, name);
}

export async function main(argv: string[], io: Io = processIo): Promise<number> {
	const [command, ...rest] = argv;
	if (command === undefined) return usageError(io, 'stancegrid: give a command');
	if (command === 'help' || command === '--help' || command === '-h') {
		const topic = rest[0];
		io.out((topic && isCommand(topic) ? HELP[topic] : USAGE) + '\n');
		return 0;
	}
	if (!isCommand(command)) return usageError(io, `unknown command "${command}"`);
	let parsed;
	try {
		parsed = parseArgs({
			args: rest,
			options: { ...OPTIONS[command], help: { type: 'boolean', short: 'h' } },
			allowPositionals: true,
			strict: true
		});
	} catch (err) {
		// parseArgs' own words ("Unknown option '--outt'..."), on one line.
		const message = (err instanceof Error ? err.message : String(err)).split(/\.\s/)[0]!;
		return usageError(io, `${command}: ${message}`, command);
	}
	const values = parsed.values as {
		help?: boolean;
		format?: string;
		out?: string;
		weights?: string;
	};
	if (values.help) {
		io.out(HELP[command] + '\n');
		return 0;
	}
	if (parsed.positionals.length !== 1)
		return usageError(io, `${command}: expected exactly one FILE`, command);
	const file = parsed.positionals[0]!;
	const { format, out } = values;
	switch (command) {
		case 'validate': {
			const scenario = await load(file, io);
			if (!scenario) return 1;
			io.out(summary(file, scenario));
			return 0;
		}
		case 'export': {
			if (!format || !isExportFormat(format))
				return usageError(
					io,
					`export: --format must be one of ${Object.keys(EXPORT_FORMATS).join(', ')}`,
					command
				);
			const chosen = EXPORT_FORMATS[format];
			// Checked before any work: a workbook's bytes would garble a terminal.
			if (chosen.binary && !out)
				return usageError(
					io,
					`export: --format ${format} writes a binary file; give --out PATH, e.g. --out scenario.${chosen.extension}`,
					command
				);
			if (values.weights !== undefined && format !== 'xlsx')
				return usageError(
					io,
					'export: --weights applies only to --format xlsx (its Decision sheet)',
					command
				);
			const scenario = await load(file, io);
			if (!scenario) return 1;
			const weights = parseWeights(values.weights ?? '', scenario.dimensions);
			if (!weights.ok) return usageError(io, `export: --weights: ${weights.error}`, command);
			const data = await chosen.serialize({ scenario, now: new Date(), weights: weights.weights });
			return deliver(data, out, io);
		}
		case 'analyze': {
			if (format !== undefined && format !== 'json')
				return usageError(io, 'analyze: --format must be json', command);
			const scenario = await load(file, io);
			if (!scenario) return 1;
			const weights = parseWeights(values.weights ?? '', scenario.dimensions);
			if (!weights.ok) return usageError(io, `analyze: --weights: ${weights.error}`, command);
			const report = analysisReport(scenario, { weights: weights.weights });
			return deliver(JSON.stringify(report, null, 2) + '\n', out, io);
		}
	}
}

/** To `--out` (one line naming the path and the reason if that fails) or standard output. */
async function deliver(
	data: string | Uint8Array,
	out: string | undefined,
	io: Io
): Promise<number> {
	if (!out) {
		io.out(data);
		return 0;
	}
	const problem = await writeOut(out, data);
	if (problem) {
		io.err(`${printable(out, 400)}: ${problem}\n`);
		return 1;
	}
	io.err(`wrote ${printable(out, 400)}\n`);
	return 0;
}
