/**
 * The class server as a child process (as `npm start` runs it), for tests and the load bench:
 * a free port on 127.0.0.1, its own data folder, and a way to kill and restart it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolve(port));
		});
	});
}

export interface SpawnedServer {
	url: string;
	port: number;
	dataDir: string;
	child: ChildProcess;
	log: string[];
	/** Kills the process (SIGKILL: no clean shutdown, like a crash). */
	kill(): Promise<void>;
	/** Starts it again on the same port and data. */
	restart(): Promise<void>;
	stop(): Promise<void>;
}

export async function waitForHealth(url: string, child: ChildProcess, log: string[], ms = 90_000) {
	const deadline = Date.now() + ms;
	while (Date.now() < deadline) {
		if (child.exitCode !== null)
			throw new Error(`class server exited with ${child.exitCode}:\n${log.join('')}`);
		try {
			const response = await fetch(url + '/api/health');
			if (response.ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error(`class server did not answer at ${url} within ${ms} ms:\n${log.join('')}`);
}

export async function spawnServer(
	options: { env?: Record<string, string>; port?: number; dataDir?: string } = {}
): Promise<SpawnedServer> {
	const port = options.port ?? (await freePort());
	const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'sg-class-'));
	const url = `http://127.0.0.1:${port}`;
	const log: string[] = [];
	const launch = () => {
		const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
			env: {
				...process.env,
				PORT: String(port),
				HOST: '127.0.0.1',
				STANCEGRID_DATA: dataDir,
				STANCEGRID_STATIC: 'build',
				...options.env
			},
			stdio: ['ignore', 'pipe', 'pipe']
		});
		child.stdout!.on('data', (d) => log.push(String(d)));
		child.stderr!.on('data', (d) => log.push(String(d)));
		return child;
	};
	const server: SpawnedServer = {
		url,
		port,
		dataDir,
		child: launch(),
		log,
		async kill() {
			const exited = new Promise((r) => server.child.once('exit', r));
			server.child.kill('SIGKILL');
			await exited;
		},
		async restart() {
			server.child = launch();
			await waitForHealth(url, server.child, log);
		},
		async stop() {
			if (server.child.exitCode !== null || server.child.signalCode) return;
			const exited = new Promise((r) => server.child.once('exit', r));
			server.child.kill('SIGTERM');
			await exited;
		}
	};
	await waitForHealth(url, server.child, log);
	return server;
}
