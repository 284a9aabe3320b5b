import { defineConfig } from 'vitest/config';

// The class server's tests, on embedded PGlite and on a real PostgreSQL that the global setup
// starts in a temporary folder.
export default defineConfig({
	test: {
		include: ['tests/server/**/*.test.ts'],
		globalSetup: ['tests/server/global-setup.ts'],
		testTimeout: 60_000,
		hookTimeout: 120_000,
		fileParallelism: false
	}
});
