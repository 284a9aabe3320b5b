/**
 * Starts the class server: database (PGlite or PostgreSQL), migrations, live updates, the HTTP
 * app and the hourly sweep of expired sessions. Used by `npm start` (main.ts), the tests and the
 * load benchmark.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp, type Limits } from './app';
import { openDb, type Db } from './db';
import { Hub } from './hub';
import { ClassStore } from './store';

export interface ServerOptions {
	port: number;
	host: string;
	databaseUrl?: string | undefined;
	dataDir: string;
	staticDir?: string | undefined;
	/** How long a session and its answers are kept. */
	ttlHours?: number;
	trustProxy?: boolean;
	limits?: Partial<Limits>;
}

export interface RunningServer {
	url: string;
	db: Db;
	store: ClassStore;
	close(): Promise<void>;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
	const db = await openDb({ databaseUrl: options.databaseUrl, dataDir: options.dataDir });
	const store = new ClassStore(db, (options.ttlHours ?? 24) * 3_600_000);
	const hub = new Hub(store);
	await hub.start();
	const app = createApp({
		store,
		hub,
		staticDir: options.staticDir,
		trustProxy: options.trustProxy ?? false,
		...(options.limits ? { limits: options.limits } : {})
	});
	const sweep = setInterval(() => {
		store.sweep().catch((error: unknown) => console.error('Sweeping expired sessions:', error));
	}, 600_000);
	sweep.unref();
	await store.sweep();

	const server = serve({ fetch: app.fetch, port: options.port, hostname: options.host });
	// Idle keep-alive connections stay open longer than a load balancer's usual 60 s, so the
	// server never closes a connection a client or balancer is about to reuse.
	if ('keepAliveTimeout' in server) {
		server.keepAliveTimeout = 65_000;
		server.headersTimeout = 66_000;
	}
	await new Promise<void>((resolve, reject) => {
		server.once('listening', resolve);
		server.once('error', reject);
	});
	const address = server.address() as AddressInfo;
	const url = `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${address.port}`;
	return {
		url,
		db,
		store,
		async close() {
			clearInterval(sweep);
			hub.stop();
			await new Promise<void>((resolve) => {
				server.close(() => resolve());
				// Event streams hold connections open: end them so close() returns.
				(server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
			});
			await db.close();
		}
	};
}
