import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/** What the pure core may not import: Svelte, Kit, the DOM-bound layers, components. */
export const PURE_CORE_PATTERNS = [
	{ group: ['svelte', 'svelte/*'], message: 'The pure core does not import Svelte.' },
	{ group: ['$app/*', '@sveltejs/*'], message: 'The pure core does not import SvelteKit.' },
	{
		group: ['**/components/**', '$lib/components/**', '*.svelte'],
		message: 'The pure core does not import components.'
	},
	{
		group: ['**/grid/**', '$lib/grid/**', 'ag-grid-community', 'ag-grid-community/*'],
		message: 'The pure core does not import the grid.'
	},
	{
		group: ['**/charts/**', '$lib/charts/**', 'chart.js', 'chart.js/*', 'chartjs-*'],
		message: 'The pure core does not import the charts.'
	},
	{
		group: ['**/state/**', '$lib/state/**', '*.svelte.js', '*.svelte.ts'],
		message: 'The pure core does not import the app state (a Svelte runes class).'
	}
];

/** What the command line may not import: anything Svelte. */
export const CLI_PATTERNS = [
	{
		group: ['svelte', 'svelte/*', '$app/*', '@sveltejs/*', '*.svelte'],
		message: 'The CLI runs without Svelte.'
	},
	{
		group: ['**/components/**', '$lib/components/**', '**/state/**'],
		message: 'The CLI runs without Svelte.'
	}
];

export default ts.config(
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			'no-undef': 'off',
			// Links in this app are external article addresses or same-page anchors, not routes.
			'svelte/no-navigation-without-resolve': ['error', { ignoreLinks: true }],
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }]
		}
	},
	// The pure core imports nothing from the shell: scenario/, analysis/, export/ and view/ are
	// plain TypeScript, unit tested in Node, shared by the app and the command line.
	{
		files: ['src/lib/{scenario,analysis,export,view}/**/*.ts'],
		rules: {
			'no-restricted-imports': ['error', { patterns: PURE_CORE_PATTERNS }]
		}
	},
	{
		files: ['src/cli/**/*.{ts,js}'],
		rules: {
			'no-restricted-imports': ['error', { patterns: CLI_PATTERNS }]
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'node_modules/',
			'test-results/',
			'bench-results/',
			'tmp/',
			'.svelte-kit-*/',
			'build-*/'
		]
	}
);
