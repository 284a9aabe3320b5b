import { fileURLToPath } from 'node:url';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	resolve: {
		alias: {
			// A second copy of ag-grid for the editor's table, so the workspace's chunk never carries
			// the editing modules (src/lib/grid/edit-modules.ts): the package's minified build, a
			// different file from the one `ag-grid-community` resolves to.
			'ag-grid-community/editor-copy': fileURLToPath(
				new URL('node_modules/ag-grid-community/dist/package/main.esm.min.mjs', import.meta.url)
			)
		}
	},
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
