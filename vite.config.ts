import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	server: { fs: { allow: ['scenarios'] } },
	// The editor's validation worker loads the YAML reader on demand: module workers split code.
	worker: { format: 'es' },
	test: {
		include: ['tests/unit/**/*.test.ts'],
		environment: 'node',
		// Property tests run hundreds of cases; two shared cores can make one take seconds.
		testTimeout: 20_000
	}
});
