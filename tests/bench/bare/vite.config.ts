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
		target: 'es2022',
		// The grid and charts page, and the editor's baseline (editor-bench.ts).
		rolldownOptions: {
			input: {
				index: fileURLToPath(new URL('index.html', import.meta.url)),
				editor: fileURLToPath(new URL('editor.html', import.meta.url))
			}
		}
	}
});
