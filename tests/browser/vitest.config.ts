import { defineConfig } from 'vitest/config';

// Browser tests drive the built site in Debian's Chromium; they run after `vite build`.
export default defineConfig({
	test: {
		include: ['tests/browser/**/*.test.ts'],
		globalSetup: ['tests/browser/preview-server.ts'],
		testTimeout: 60_000,
		hookTimeout: 60_000,
		// Two cores: one Chromium per file at a time keeps timings steady.
		fileParallelism: false
	}
});
