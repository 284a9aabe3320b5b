/**
 * A loopback static server for the browser benchmark and Lighthouse: our built app at `/`, the
 * bare baseline at `/bare/`, synthetic scenarios at `/bench-data/NAME.json`, every response
 * gzipped (as any real host would) so that transfer sizes are the gzip bytes people download.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.ico': 'image/x-icon',
	'.txt': 'text/plain; charset=utf-8',
	'.webmanifest': 'application/manifest+json',
	'.yaml': 'application/yaml; charset=utf-8',
	'.woff2': 'font/woff2'
};

export interface Served {
	url: string;
	server: Server;
	close: () => Promise<void>;
}

export interface ServeOptions {
	/** Folder of the built app, served at `/`. */
	app: string;
	/** Folder of the bare page, served at `/bare/`. */
	bare?: string;
	/** In-memory files served at `/bench-data/NAME`. */
	data?: Map<string, string>;
}

function fileFor(root: string, path: string): string | null {
	const base = resolve(root);
	const full = normalize(join(base, decodeURIComponent(path)));
	if (!full.startsWith(base)) return null;
	// adapter-static writes `route.html` or `route/index.html`; try both, like a static host.
	for (const candidate of [full, full + '.html', join(full, 'index.html')]) {
		if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
	}
	return null;
}

export function serve(options: ServeOptions): Promise<Served> {
	const cache = new Map<string, Buffer>();
	const gz = (key: string, body: () => Buffer) => {
		let zipped = cache.get(key);
		if (!zipped) cache.set(key, (zipped = gzipSync(body(), { level: 6 })));
		return zipped;
	};
	const server = createServer((request, response) => {
		const url = new URL(request.url ?? '/', 'http://localhost');
		let key: string | null = null;
		let type = 'application/octet-stream';
		let read: (() => Buffer) | null = null;
		if (url.pathname.startsWith('/bench-data/') && options.data) {
			const name = url.pathname.slice('/bench-data/'.length);
			const text = options.data.get(name);
			if (text !== undefined) {
				key = url.pathname;
				type = TYPES['.json']!;
				read = () => Buffer.from(text);
			}
		} else {
			const bare = options.bare && url.pathname.startsWith('/bare/');
			const file = bare
				? fileFor(options.bare!, url.pathname.slice('/bare'.length))
				: fileFor(options.app, url.pathname);
			if (file) {
				key = file;
				type = TYPES[extname(file)] ?? type;
				read = () => readFileSync(file);
			}
		}
		if (!key || !read) {
			response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
			return;
		}
		const gzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
		const body = gzip ? gz(key, read) : read();
		response.writeHead(200, {
			'content-type': type,
			'content-length': body.length,
			'cache-control': 'no-store',
			...(gzip ? { 'content-encoding': 'gzip' } : {})
		});
		response.end(body);
	});
	return new Promise((resolvePromise, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			resolvePromise({
				url: `http://127.0.0.1:${port}`,
				server,
				close: () => new Promise<void>((done) => server.close(() => done()))
			});
		});
	});
}
