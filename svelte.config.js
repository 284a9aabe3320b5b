import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
// SG_BUILD_TAG gives a build its own output folders, so parallel builds (several engineers or
// benchmark variants on one machine) do not overwrite each other.
const tag = process.env.SG_BUILD_TAG;
const out = tag ? `build-${tag}` : 'build';

const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		outDir: tag ? `.svelte-kit-${tag}` : '.svelte-kit',
		adapter: adapter({ pages: out, assets: out, fallback: undefined, strict: true })
	}
};

export default config;
