/**
 * `?src=` downloads against hostile servers on 127.0.0.1 (issue 16): a compressed bomb, an
 * endless stream, a stalled response and a redirect to another scheme are each refused within
 * the budget with their own message, and Cancel stops a download. Bounded: every server answer
 * stops writing after 40 MiB, and each test has a short timeout.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addressProblem, CANCELLED, fetchScenario } from '../../src/lib/state/link-fetch';

const MiB = 1024 * 1024;
/** 40 MiB of zeros gzipped: about 40 KB on the wire. */
const BOMB = gzipSync(Buffer.alloc(40 * MiB));
let server: Server;
let base = '';
const open = new Set<import('node:http').ServerResponse>();

beforeAll(async () => {
	server = createServer((req, res) => {
		open.add(res);
		res.on('close', () => open.delete(res));
		if (req.url === '/bomb') {
			res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
			res.end(BOMB);
		} else if (req.url === '/endless') {
			res.writeHead(200, { 'content-type': 'application/json' });
			const chunk = Buffer.alloc(MiB, 32);
			let sent = 0;
			const pump = () => {
				while (sent < 40 && res.write(chunk)) sent++;
				if (sent >= 40) res.end();
			};
			res.on('drain', pump);
			pump();
		} else if (req.url === '/stall') {
			res.writeHead(200, { 'content-type': 'application/json' });
			res.write('{"meta": ');
			// ...and nothing more until the client gives up.
		} else if (req.url === '/redirect') {
			res.writeHead(302, { location: 'ftp://127.0.0.1/scenario.json' });
			res.end();
		} else {
			res.writeHead(404);
			res.end();
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
	for (const res of open) res.destroy();
	await new Promise((resolve) => server.close(resolve));
});

/** The problem a fetch ends with, whether before or while reading the body. */
async function problemOf(url: string, cancel?: AbortSignal, timeout = 1500): Promise<string> {
	const fetched = await fetchScenario(url, cancel, timeout);
	if (!fetched.ok) return fetched.problem;
	try {
		await fetched.body;
		return 'read in full';
	} catch (err) {
		return err instanceof Error ? err.message : String(err);
	}
}

describe('hostile servers', () => {
	it('a compressed bomb stops at 20 MiB of decompressed bytes', async () => {
		const start = performance.now();
		expect(await problemOf(`${base}/bomb`, undefined, 10_000)).toBe(
			'the download passed 20 MiB and was stopped; the limit is 20 MiB'
		);
		expect(performance.now() - start).toBeLessThan(5000);
	});

	it('an endless stream (no Content-Length) stops at 20 MiB', async () => {
		expect(await problemOf(`${base}/endless`, undefined, 10_000)).toBe(
			'the download passed 20 MiB and was stopped; the limit is 20 MiB'
		);
	});

	it('a stalled response gives up at the timeout, saying what had arrived', async () => {
		const start = performance.now();
		expect(await problemOf(`${base}/stall`)).toBe(
			'gave up after 1.5 s: the server had sent 9 bytes and had not finished'
		);
		expect(performance.now() - start).toBeLessThan(4000);
	});

	it('a redirect to another scheme is named as such', async () => {
		expect(await problemOf(`${base}/redirect`)).toBe(
			'the server redirected to an address the page may not fetch (only https: is allowed, so a redirect to http:, data: or another scheme is refused)'
		);
	});

	it('Cancel stops a stalled download with no message of its own', async () => {
		const cancel = new AbortController();
		setTimeout(() => cancel.abort(), 200);
		expect(await problemOf(`${base}/stall`, cancel.signal, 10_000)).toBe(CANCELLED);
	});
});

describe('addresses refused before fetching, each with its cause', () => {
	it.each([
		[
			'https://user:secret@example.org/s.json',
			'the address holds a user name or password (before the @); the page never sends credentials, so remove them'
		],
		[
			'http://example.org/s.json',
			"http: addresses are blocked by the page's security policy (only https: may be fetched); use the https:// address"
		],
		[
			`https://example.org/${'a'.repeat(2100)}`,
			'the address is 2,120 characters long; the limit is 2,000'
		],
		['ftp://example.org/s.json', 'expected an http:// or https:// address; got a ftp: address']
	])('%s', (address, problem) => {
		expect(addressProblem(address, 'https://stancegrid.example')).toBe(problem);
	});

	it('http: on the page’s own origin is allowed', () => {
		expect(addressProblem('http://localhost:4173/s.json', 'http://localhost:4173')).toBeNull();
	});
});
