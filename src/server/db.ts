/**
 * The class server's database: embedded PostgreSQL (PGlite, persisted in a folder) by default, a
 * real PostgreSQL server when DATABASE_URL is set. Both run the same SQL and the same migrations
 * and both deliver NOTIFY to LISTEN, so live updates work the same on one instance and on several
 * instances sharing one PostgreSQL.
 */
import { mkdirSync } from 'node:fs';
import { MIGRATIONS } from './migrations';

export type Row = Record<string, unknown>;

export type Query = <T extends Row = Row>(text: string, params?: unknown[]) => Promise<T[]>;

export interface Db {
	readonly kind: 'pglite' | 'postgres';
	/** Where the data lives, for the start-up line (no password). */
	readonly where: string;
	query: Query;
	/** Runs `work` in one transaction on one connection. */
	transaction<T>(work: (query: Query) => Promise<T>): Promise<T>;
	/** Calls `onNotify` with each payload sent to `channel`, from any instance. */
	listen(channel: string, onNotify: (payload: string) => void): Promise<void>;
	close(): Promise<void>;
}

/** Raised when the database cannot be reached or refuses; the API answers 503 with its message. */
export class DatabaseUnavailable extends Error {
	override name = 'DatabaseUnavailable';
}

function describeUrl(url: string): string {
	try {
		const parsed = new URL(url);
		return `PostgreSQL at ${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
	} catch {
		return 'PostgreSQL (DATABASE_URL)';
	}
}

async function openPglite(dataDir: string): Promise<Db> {
	mkdirSync(dataDir, { recursive: true });
	const { PGlite } = await import('@electric-sql/pglite');
	const db = await PGlite.create(dataDir);
	return {
		kind: 'pglite',
		where: `embedded PostgreSQL (PGlite) in ${dataDir}`,
		async query<T extends Row>(text: string, params: unknown[] = []) {
			return (await db.query<T>(text, params)).rows;
		},
		transaction: (work) =>
			db.transaction((tx) =>
				work(async <T extends Row>(text: string, params: unknown[] = []) => {
					return (await tx.query<T>(text, params)).rows;
				})
			),
		async listen(channel, onNotify) {
			await db.listen(channel, onNotify);
		},
		close: () => db.close()
	};
}

async function openPostgres(url: string): Promise<Db> {
	const { default: postgres } = await import('postgres');
	const where = describeUrl(url);
	const sql = postgres(url, {
		max: 10,
		connect_timeout: 5,
		idle_timeout: 60,
		onnotice: () => {},
		// jsonb comes back parsed, bigint as a string (converted where read).
		types: {}
	});
	try {
		await sql`select 1`;
	} catch (error) {
		await sql.end({ timeout: 1 }).catch(() => {});
		throw new DatabaseUnavailable(
			`Cannot reach ${where}: ${error instanceof Error ? error.message : String(error)}. Start the database or check DATABASE_URL; without DATABASE_URL the server uses its embedded database.`
		);
	}
	return {
		kind: 'postgres',
		where,
		async query<T extends Row>(text: string, params: unknown[] = []) {
			try {
				return (await sql.unsafe(text, params as never[])) as unknown as T[];
			} catch (error) {
				throw asUnavailable(error, where);
			}
		},
		async transaction(work) {
			try {
				return (await sql.begin((tx) =>
					work(
						async <T extends Row>(text: string, params: unknown[] = []) =>
							(await tx.unsafe(text, params as never[])) as unknown as T[]
					)
				)) as Awaited<ReturnType<typeof work>>;
			} catch (error) {
				throw asUnavailable(error, where);
			}
		},
		async listen(channel, onNotify) {
			await sql.listen(channel, onNotify);
		},
		close: () => sql.end({ timeout: 2 })
	};
}

/** Connection failures become DatabaseUnavailable; SQL errors (bugs, constraint races) stay. */
function asUnavailable(error: unknown, where: string): unknown {
	const code = (error as { code?: unknown }).code;
	if (
		typeof code === 'string' &&
		(code.startsWith('ECONN') ||
			code === 'CONNECTION_CLOSED' ||
			code === 'CONNECTION_ENDED' ||
			code === 'CONNECTION_DESTROYED' ||
			code === 'CONNECT_TIMEOUT' ||
			code === 'ENOTFOUND' ||
			code === '57P01' || // admin shutdown
			code === '57P03') // cannot connect now (starting up)
	) {
		return new DatabaseUnavailable(
			`The class database (${where}) is unavailable: ${(error as Error).message}`
		);
	}
	return error;
}

export interface DbOptions {
	/** A postgres:// URL; when absent, PGlite in `dataDir`. */
	databaseUrl?: string | undefined;
	dataDir: string;
}

export async function openDb(options: DbOptions): Promise<Db> {
	const db = options.databaseUrl
		? await openPostgres(options.databaseUrl)
		: await openPglite(options.dataDir);
	await migrate(db);
	return db;
}

/**
 * Applies the migrations not yet applied, in order, each in its own transaction under an
 * advisory lock, so several instances starting at once apply each migration exactly once.
 */
export async function migrate(db: Db): Promise<void> {
	for (const [index, statements] of MIGRATIONS.entries()) {
		const version = index + 1;
		await db.transaction(async (query) => {
			await query('SELECT pg_advisory_xact_lock(74201)');
			await query(
				'CREATE TABLE IF NOT EXISTS class_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())'
			);
			const done = await query('SELECT 1 FROM class_migrations WHERE version = $1', [version]);
			if (done.length > 0) return;
			for (const statement of statements) await query(statement);
			await query('INSERT INTO class_migrations (version) VALUES ($1)', [version]);
		});
	}
}
