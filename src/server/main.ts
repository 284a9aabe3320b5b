/**
 * `npm start`: the built site and class mode on one port.
 *   PORT (4173), HOST (127.0.0.1; 0.0.0.0 to let phones on the school network in),
 *   DATABASE_URL (a PostgreSQL server; several instances may share it),
 *   STANCEGRID_DATA (the embedded database's folder when there is no DATABASE_URL; .data),
 *   STANCEGRID_STATIC (the built site; build), STANCEGRID_SESSION_HOURS (24),
 *   STANCEGRID_TRUST_PROXY=1 (behind a load balancer: limit by X-Forwarded-For).
 */
import { resolve } from 'node:path';
import { DatabaseUnavailable } from './db';
import { startServer } from './server';

const env = process.env;
const port = Number(env.PORT ?? 4173);

try {
	const server = await startServer({
		port: Number.isInteger(port) ? port : 4173,
		host: env.HOST ?? '127.0.0.1',
		databaseUrl: env.DATABASE_URL || undefined,
		dataDir: resolve(env.STANCEGRID_DATA ?? '.data'),
		staticDir: env.STANCEGRID_STATIC ?? 'build',
		ttlHours: Number(env.STANCEGRID_SESSION_HOURS ?? 24),
		trustProxy: env.STANCEGRID_TRUST_PROXY === '1'
	});
	console.log(`Stancegrid at ${server.url} (class mode: ${server.url}/class, students: /join)`);
	console.log(`Class sessions are stored in ${server.db.where}.`);
	const stop = () => {
		server.close().then(
			() => process.exit(0),
			() => process.exit(1)
		);
	};
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
} catch (error) {
	if (error instanceof DatabaseUnavailable) {
		console.error(error.message);
	} else {
		console.error('The Stancegrid server could not start:', error);
	}
	process.exit(1);
}
