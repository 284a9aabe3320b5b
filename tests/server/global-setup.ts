/** One PostgreSQL server for the whole server-test run (see postgres.ts). */
import type { TestProject } from 'vitest/node';
import { startPostgres } from './postgres';

declare module 'vitest' {
	export interface ProvidedContext {
		postgresUrl: string;
	}
}

export default async function setup(project: TestProject) {
	const server = await startPostgres();
	project.provide('postgresUrl', server.url);
	return () => server.stop();
}
