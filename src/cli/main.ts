/**
 * `stancegrid validate|export|analyze`: the app's loader and serializers for scripts and teachers,
 * with no browser. Exit codes: 0 ok, 1 the scenario is invalid, 2 the command itself is wrong.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { analysisReport } from '../lib/analysis/analysis-report';
import { parseWeights } from '../lib/analysis/decision-weights';
import { EXPORT_FORMATS, isExportFormat } from '../lib/export/formats';
import { decodeBytes } from '../lib/scenario/decode';
import { formatLoadError, loadScenario, MAX_BYTES } from '../lib/scenario/load';
import { tooLarge, type Scenario } from '../lib/scenario/schema';

const FORMAT_HELP = Object.entries(EXPORT_FORMATS)
	.map(
		([name, f]) =>
			`  ${name.padEnd(11)}${f.label}: ${f.description}${f.binary ? ' (needs --out)' : ''}`
	)
	.join('\n');

const USAGE = `Usage:
  stancegrid validate FILE
  stancegrid export FILE --format ${Object.keys(EXPORT_FORMATS).join('|')} [--out PATH]
  stancegrid analyze FILE --format json [--weights dimension=number,...]

FILE is a scenario in YAML or JSON (see scenarios/README.md).
Export formats (printed to standard output unless --out is given):
${FORMAT_HELP}
analyze prints agreement, contradictions, facts or values, robustness and a decision table;
--weights sets how much each dimension counts in the table (0 and up; 1 when left out).`;

interface Io {
	out: (text: string | Uint8Array) => void;
	err: (text: string) => void;
}

const processIo: Io = {
	out: (text) => process.stdout.write(text),
	err: (text) => process.stderr.write(text)
};

function parseFlags(args: string[]): { positional: string[]; flags: Map<string, string> } | string {
	const positional: string[] = [];
	const flags = new Map<string, string>();
	for (let i = 0; i < args.length; i++) {
		const arg = args[i]!;
		if (arg.startsWith('--')) {
			// Split at the first "=" only: a value may hold more (--weights=cost=2).
			const at = arg.indexOf('=');
			const name = at < 0 ? arg.slice(2) : arg.slice(2, at);
			const inline = at < 0 ? undefined : arg.slice(at + 1);
			const value = inline ?? args[++i];
			if (value === undefined) return `--${name} needs a value`;
			flags.set(name, value);
		} else positional.push(arg);
	}
	return { positional, flags };
}

async function load(file: string, io: Io): Promise<Scenario | null> {
	let text: string;
	try {
		const bytes = await readFile(file);
		if (bytes.length > MAX_BYTES) {
			io.err(`${file}:1:1: ${tooLarge(bytes.length)}\n`);
			return null;
		}
		text = decodeBytes(bytes);
	} catch (err) {
		io.err(
			`${file}: cannot read the file (${(err as NodeJS.ErrnoException).code ?? String(err)})\n`
		);
		return null;
	}
	const result = loadScenario(text, file);
	if (!result.ok) {
		for (const error of result.errors) io.err(formatLoadError(error) + '\n');
		io.err(`${file}: ${result.errors.length} problem(s); nothing was loaded\n`);
		return null;
	}
	return result.scenario;
}

function summary(file: string, s: Scenario): string {
	return `${file}: valid scenario "${s.meta.id}": ${s.options.length} options, ${s.commentators.length} commentators, ${s.sources.length} sources, ${s.claims.length} claims, ${s.dimensions.length} dimensions\n`;
}

export async function main(argv: string[], io: Io = processIo): Promise<number> {
	const parsed = parseFlags(argv);
	if (typeof parsed === 'string') {
		io.err(`${parsed}\n${USAGE}\n`);
		return 2;
	}
	const [command, file, ...rest] = parsed.positional;
	if (!command || command === 'help' || parsed.flags.has('help')) {
		io.out(USAGE + '\n');
		return command ? 0 : 2;
	}
	if (!file || rest.length > 0) {
		io.err(`${command}: expected exactly one FILE\n${USAGE}\n`);
		return 2;
	}
	const format = parsed.flags.get('format');
	const out = parsed.flags.get('out');
	switch (command) {
		case 'validate': {
			const scenario = await load(file, io);
			if (!scenario) return 1;
			io.out(summary(file, scenario));
			return 0;
		}
		case 'export': {
			if (!format || !isExportFormat(format)) {
				io.err(`export: --format must be one of ${Object.keys(EXPORT_FORMATS).join(', ')}\n`);
				return 2;
			}
			const chosen = EXPORT_FORMATS[format];
			// Checked before any work: a workbook's bytes would garble a terminal.
			if (chosen.binary && !out) {
				io.err(
					`export: --format ${format} writes a binary file; give --out PATH, e.g. --out scenario.${chosen.extension}\n`
				);
				return 2;
			}
			const scenario = await load(file, io);
			if (!scenario) return 1;
			const data = await chosen.serialize({ scenario, now: new Date() });
			if (out) {
				await writeFile(out, data);
				io.err(`wrote ${out}\n`);
			} else io.out(data);
			return 0;
		}
		case 'analyze': {
			if (format !== undefined && format !== 'json') {
				io.err(`analyze: --format must be json\n`);
				return 2;
			}
			const scenario = await load(file, io);
			if (!scenario) return 1;
			const weights = parseWeights(parsed.flags.get('weights') ?? '', scenario.dimensions);
			if (!weights.ok) {
				io.err(`analyze: --weights: ${weights.error}\n`);
				return 2;
			}
			const report = analysisReport(scenario, { weights: weights.weights });
			const json = JSON.stringify(report, null, 2) + '\n';
			if (out) {
				await writeFile(out, json);
				io.err(`wrote ${out}\n`);
			} else io.out(json);
			return 0;
		}
		default:
			io.err(`unknown command "${command}"\n${USAGE}\n`);
			return 2;
	}
}
