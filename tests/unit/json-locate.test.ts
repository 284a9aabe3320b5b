import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanJson } from '../../src/lib/scenario/json-locate';

describe('scanJson', () => {
	it('accepts exactly what JSON.parse accepts (property)', () => {
		fc.assert(
			fc.property(fc.json(), (text) => {
				expect(scanJson(text).error).toBeUndefined();
			})
		);
		fc.assert(
			fc.property(fc.string(), (text) => {
				let ok = true;
				try {
					JSON.parse(text);
				} catch {
					ok = false;
				}
				expect(scanJson(text).error === undefined).toBe(ok);
			}),
			{ numRuns: 500 }
		);
	});

	it.each([
		['{"a": 1,}', 7, "a trailing comma before '}' (JSON allows none)"],
		['[1, 2', 5, "unexpected the end of the file; expected ',' or ']'"],
		['{"a" 1}', 5, "unexpected '1'; expected ':' after a property name"],
		["{'a': 1}", 1, "unexpected '''; expected a property name in double quotes"],
		['{"a": "x\ny"}', 8, 'a line break or control character inside a string'],
		['{"a": NaN}', 6, "unexpected 'N'; expected a value"],
		['[1] [2]', 4, "unexpected '[' after the end of the JSON value"],
		['"abc', 0, 'a string that never ends (missing closing ")'],
		['["\\x"]', 2, "invalid escape '\\x' in a string"]
	])('%j fails at offset %i', (text, offset, message) => {
		expect(scanJson(text).error).toEqual({ offset, message });
	});

	it('finds where values and keys start', () => {
		const text = '{\n  "claims": [\n    {"id": "a", "stance": "maybe"}\n  ]\n}';
		const { positions } = scanJson(text, new Set(['claims', 'claims[0]', 'claims[0].stance']));
		expect(positions.get('claims[0].stance')).toEqual({
			value: text.indexOf('"maybe"'),
			key: text.indexOf('"stance"')
		});
		expect(positions.get('claims[0]')?.value).toBe(text.indexOf('{"id"'));
	});

	it('stays linear on deeply nested input', () => {
		const text = '['.repeat(200_000) + ']'.repeat(200_000);
		const start = performance.now();
		const { error, positions } = scanJson(text, new Set(['', '[0]', '[0][0]']));
		expect(error).toBeUndefined();
		expect(positions.get('[0][0]')?.value).toBe(2);
		expect(performance.now() - start).toBeLessThan(1000);
	});
});
