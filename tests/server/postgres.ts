/**
 * A throw-away PostgreSQL server for the tests: Debian's binaries (tests/run-all.js installs the
 * `postgresql` package when missing), a temporary data folder, a free port on 127.0.0.1. initdb
 * and postgres refuse to run as root, so as root they run as the `postgres` user.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './spawn';

export function postgresBin(): string | null {
	const base = '/usr/lib/postgresql';
	if (!existsSync(base)) return null;
	const versions = readdirSync(base)
		.filter((v) => existsSync(join(base, v, 'bin', 'initdb')))
		.sort((a, b) => Number(b) - Number(a));
	return versions[0] ? join(base, versions[0], 'bin') : null;
}

const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;

function run(bin: string, args: string[]): void {
	const command = asRoot ? 'runuser' : bin;
	const full = asRoot ? ['-u', 'postgres', '--', bin, ...args] : args;
	const result = spawnSync(command, full, { encoding: 'utf8' });
	if (result.status !== 0) {
		throw new Error(`${bin} ${args.join(' ')} failed: ${result.stderr || result.stdout}`);
	}
}

export interface TestPostgres {
	url: string;
	port: number;
	stop(): void;
}

export async function startPostgres(): Promise<TestPostgres> {
	const bin = postgresBin();
	if (!bin) {
		throw new Error(
			"PostgreSQL is not installed: the server tests need Debian's postgresql package (apt-get install postgresql), which `npm test` installs when run as root."
		);
	}
	const dir = mkdtempSync(join(tmpdir(), 'sg-pg-'));
	chmodSync(dir, 0o777);
	if (asRoot) execFileSync('chown', ['postgres', dir]);
	const data = join(dir, 'data');
	run(join(bin, 'initdb'), [
		'-D',
		data,
		'-U',
		'postgres',
		'-A',
		'trust',
		'--no-sync',
		'-E',
		'UTF8'
	]);
	const port = await freePort();
	run(join(bin, 'pg_ctl'), [
		'-D',
		data,
		'-l',
		join(dir, 'log'),
		'-w',
		'-o',
		`-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c max_connections=200`,
		'start'
	]);
	let stopped = false;
	return {
		url: `postgres://postgres@127.0.0.1:${port}/postgres`,
		port,
		stop() {
			if (stopped) return;
			stopped = true;
			try {
				run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
			} finally {
				rmSync(dir, { recursive: true, force: true });
			}
		}
	};
}

/** A fresh database on the test server, so each suite starts empty. */
export async function freshDatabase(adminUrl: string, name: string): Promise<string> {
	const { default: postgres } = await import('postgres');
	const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
	await sql.unsafe(`DROP DATABASE IF EXISTS ${name}`);
	await sql.unsafe(`CREATE DATABASE ${name}`);
	await sql.end();
	return adminUrl.replace(/\/[^/]*$/, `/${name}`);
}
