#!/usr/bin/env node
// `node tests/bench/lighthouse.js`: Lighthouse (the npm package) on the built site in Debian's
// Chromium. TypeScript like the rest of the bench; tsx runs it. See lighthouse-run.ts for flags.
import { register } from 'tsx/esm/api';

register();
const { runLighthouse } = await import('./lighthouse-run.js');
process.exitCode = await runLighthouse(process.argv.slice(2));
