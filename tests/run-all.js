#!/usr/bin/env node
// `npm test`: every suite in order, then one closing line `N passed, N failed` that CI reads.
// Suites: the zero-warning gate (svelte-check, eslint, prettier), unit tests (vitest, Node), the
// class server on PGlite and on a real PostgreSQL (Debian's postgresql, started in a temporary
// folder), the static build, and browser tests (vitest driving Debian's Chromium against the
// built site and the class server).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const only = process.argv.slice(2);
let passed = 0;
let failed = 0;
/** @type {string[]} */
const lines = [];

/**
 * @param {string} command
 * @param {string[]} args
 * @param {import('node:child_process').SpawnSyncOptions} [options]
 */
function run(command, args, options = {}) {
	console.log(`\n$ ${command} ${args.join(' ')}`);
	const result = spawnSync(command, args, { stdio: 'inherit', ...options });
	return result.status === 0;
}

/** @param {string} name @param {boolean} ok */
function step(name, ok) {
	if (ok) passed++;
	else failed++;
	lines.push(`${ok ? 'ok  ' : 'FAIL'} ${name}`);
}

/** @param {string} name @param {string} [config] */
function vitest(name, config) {
	mkdirSync('test-results', { recursive: true });
	const report = `test-results/${name}.json`;
	const args = [
		'node_modules/vitest/vitest.mjs',
		'run',
		'--reporter=default',
		'--reporter=json',
		`--outputFile.json=${report}`
	];
	if (config) args.push('--config', config);
	const ok = run(process.execPath, args);
	if (!existsSync(report)) {
		step(`${name}: vitest wrote no report`, false);
		return;
	}
	const json = JSON.parse(readFileSync(report, 'utf8'));
	passed += json.numPassedTests;
	failed += json.numFailedTests + (json.numTotalTestSuites === 0 ? 1 : 0);
	// A file that fails to import runs no test but must still count as a failure.
	const brokenFiles = json.testResults.filter(
		(/** @type {{status: string, assertionResults: unknown[]}} */ f) =>
			f.status === 'failed' && f.assertionResults.length === 0
	).length;
	failed += brokenFiles;
	if (!ok && json.numFailedTests === 0 && brokenFiles === 0) failed++;
	lines.push(
		`${ok ? 'ok  ' : 'FAIL'} ${name}: ${json.numPassedTests} passed, ${json.numFailedTests} failed, ${json.numPendingTests} skipped${brokenFiles ? `, ${brokenFiles} file(s) failed to load` : ''}`
	);
}

function ensureChromium() {
	if (existsSync(CHROMIUM)) return true;
	const root = typeof process.getuid === 'function' && process.getuid() === 0;
	if (root && existsSync('/usr/bin/apt-get')) {
		console.log(`\nChromium is missing at ${CHROMIUM}: installing Debian's chromium package.`);
		const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
		run('apt-get', ['update', '-qq'], { env });
		run('apt-get', ['install', '-y', '-qq', 'chromium', 'fonts-dejavu-core'], { env });
	}
	if (existsSync(CHROMIUM)) return true;
	console.error(
		`\nChromium is needed for the browser tests and is not at ${CHROMIUM}.\n` +
			`Install it with: sudo apt-get install chromium (Debian/Ubuntu), or set CHROMIUM_PATH to a Chromium binary.`
	);
	return false;
}

function hasPostgres() {
	const base = '/usr/lib/postgresql';
	return existsSync(base) && readdirSync(base).some((v) => existsSync(`${base}/${v}/bin/initdb`));
}

function ensurePostgres() {
	if (hasPostgres()) return true;
	const root = typeof process.getuid === 'function' && process.getuid() === 0;
	if (root && existsSync('/usr/bin/apt-get')) {
		console.log("\nPostgreSQL is missing: installing Debian's postgresql package.");
		const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
		run('apt-get', ['update', '-qq'], { env });
		run('apt-get', ['install', '-y', '-qq', 'postgresql'], { env });
	}
	if (hasPostgres()) return true;
	console.error(
		`\nPostgreSQL is needed for the class server tests and is not in /usr/lib/postgresql.\n` +
			`Install it with: sudo apt-get install postgresql (Debian/Ubuntu).`
	);
	return false;
}

const want = (/** @type {string} */ name) => only.length === 0 || only.includes(name);
const bin = (/** @type {string} */ name) => `node_modules/.bin/${name}`;

if (want('gate')) {
	step(
		'gate: svelte-check',
		run(bin('svelte-kit'), ['sync']) &&
			run(bin('svelte-check'), ['--tsconfig', './tsconfig.json', '--fail-on-warnings'])
	);
	step('gate: eslint', run(bin('eslint'), ['.', '--max-warnings', '0']));
	step('gate: prettier', run(bin('prettier'), ['--check', '.']));
}
if (want('unit')) vitest('unit');
if (want('server')) {
	const postgres = ensurePostgres();
	step('server: PostgreSQL available', postgres);
	if (postgres) vitest('server', 'tests/server/vitest.config.ts');
}
if (want('browser')) {
	const built = run(bin('vite'), ['build']);
	step('build: vite build (static site)', built);
	const chromium = ensureChromium();
	step('browser: Chromium available', chromium);
	if (built && chromium) vitest('browser', 'tests/browser/vitest.config.ts');
}

console.log('\nSummary');
for (const line of lines) console.log(`  ${line}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
