import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	server: { fs: { allow: ['scenarios'] } },
	test: {
		include: ['tests/unit/**/*.test.ts'],
		environment: 'node',
		// Property tests run hundreds of cases; two shared cores can make one take seconds.
		testTimeout: 20_000
	}
});
