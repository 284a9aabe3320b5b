// Builds the benchmark's bare baseline page on its own (no SvelteKit): npm run bench does this.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
	root: fileURLToPath(new URL('.', import.meta.url)),
	base: '/bare/',
	logLevel: 'warn',
	build: {
		outDir: fileURLToPath(new URL('../../../tmp/bench-bare', import.meta.url)),
		emptyOutDir: true,
		target: 'es2022'
	}
});
