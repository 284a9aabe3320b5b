#!/usr/bin/env node
// `npm run bench`: the benchmark is TypeScript sharing the app's modules; tsx runs it directly.
// Options: see tests/bench/bench.ts (--node-only, --browser-only, --runs N, --no-build, ...).
import { register } from 'tsx/esm/api';

register();
const { bench } = await import('./bench.js');
process.exitCode = await bench(process.argv.slice(2));
