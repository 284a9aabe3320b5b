/**
 * One worst input through the real command line (`stancegrid validate FILE`) in its own process,
 * so its peak memory is its own: prints {ms, peakBytes, code, first} as JSON.
 */
import { main } from '../../src/cli/main';

const file = process.argv[2]!;
let first = '';
const start = performance.now();
const code = await main(['validate', file], {
	out: () => undefined,
	err: (text) => {
		if (!first) first = text.split('\n')[0]!;
	}
});
const ms = performance.now() - start;
// maxRSS is in kilobytes.
const peakBytes = process.resourceUsage().maxRSS * 1024;
console.log(JSON.stringify({ ms, peakBytes, code, first }));
