#!/usr/bin/env node
// The CLI is TypeScript sharing the app's pure modules; tsx runs it directly so that
// `npx stancegrid` works after a plain `npm install`, with no build step to forget.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.js');
process.exitCode = await main(process.argv.slice(2));
