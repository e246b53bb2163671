/**
 * Local HTTP server for the end-to-end tests and the demo.
 *
 * Routes on the Host header (or on the host of an absolute-URI request line, which is
 * what Firefox sends when the server is its HTTP proxy):
 * - `caliber.az`, `www.caliber.az`: the saved Caliber.az pages of `tests/fixtures/pages/`
 *   (falling back to minimal stand-ins in `tests/e2e/pages/` while a fixture is missing);
 * - `vesti.test`, `xeber.test`, `openpress.test`, `plain.test`: other news sites, each with
 *   its own reuse terms (publisher-sites.ts);
 * - any other host (`editor.test`, `localhost`, `127.0.0.1`, …): `tests/e2e/pages/*.html`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PUBLISHER_SITE_HOSTS, publisherSitePage } from './publisher-sites.ts';
import {
  ARTICLE_PATHOLOGICAL_PAGES,
  GENERIC_PATHOLOGICAL_PAGES,
  framePage,
} from './pathological-pages.ts';

const HERE = dirname(fileURLToPath(import.meta.url));

export const REPO_ROOT = resolve(HERE, '..', '..');
const FIXTURES_DIR = join(REPO_ROOT, 'tests', 'fixtures', 'pages');
const E2E_PAGES_DIR = join(HERE, 'pages');
/** The bundled editor pages (tests/e2e/editors/build.ts), served under `/editors/` on other hosts. */
export const EDITOR_PAGES_DIR = join(HERE, 'editors', 'dist');

export const CALIBER_HOSTS = ['caliber.az', 'www.caliber.az'] as const;
/** The other origin where pasting happens. Mapped to the server in both browsers. */
export const EDITOR_HOST = 'editor.test';

export const CALIBER_EN_PATH =
  '/en/post/cnn-trump-sends-unconventional-negotiating-team-to-moscow-for-peace-talks';
const DEFAULT_CALIBER_RU_PATH = '/post/tramp-otpravlyaet-komandu-v-moskvu';
const DEFAULT_CALIBER_AZ_PATH = '/az/post/tramp-moskvaya-komanda-gonderir';

export const CALIBER_EN_URL = `http://caliber.az${CALIBER_EN_PATH}`;
export const CALIBER_HOME_URL = 'http://caliber.az/';
export const EDITORS_URL = `http://${EDITOR_HOST}/editors.html`;

/** One bundled editor page (`tests/e2e/editors/dist/<name>.html`) on the editors origin. */
export function editorPageUrl(name: string): string {
  return `http://${EDITOR_HOST}/editors/${name}.html`;
}

type FixtureName = 'caliber-en' | 'caliber-ru' | 'caliber-az' | 'caliber-home';

/** Where a Caliber.az page comes from: the shared fixture when present, else our stand-in. */
export function caliberPageFile(name: FixtureName): { file: string; isFallback: boolean } {
  const fixture = join(FIXTURES_DIR, `${name}.html`);
  if (existsSync(fixture)) return { file: fixture, isFallback: false };
  return { file: join(E2E_PAGES_DIR, `${name}.fallback.html`), isFallback: true };
}

/**
 * Where the publisher put a fixture's article: its canonical / og:url, else its share
 * links, when one names a `<prefix>/post/<slug>` path; `fallback` otherwise. Serving the
 * page there keeps the URL the extension sees equal to the publisher's.
 */
function articlePathFromFixture(name: FixtureName, prefix: '' | '/az', fallback: string): string {
  const { file } = caliberPageFile(name);
  const pathRe = new RegExp(`^${prefix}/post/[^/]+/?$`);
  try {
    const html = readFileSync(file, 'utf8');
    const candidates = [
      /<link[^>]+rel=["']?canonical["']?[^>]*href=["']([^"']+)["']/i,
      /<link[^>]+href=["']([^"']+)["'][^>]*rel=["']?canonical["']?/i,
      /<meta[^>]+property=["']og:url["'][^>]*content=["']([^"']+)["']/i,
      new RegExp(`(https?://(?:www\\.)?caliber\\.az${prefix}/post/[^"'&?#\\s<>]+)`, 'i'),
    ];
    for (const re of candidates) {
      const m = re.exec(html);
      if (m?.[1]) {
        const path = new URL(m[1], 'https://caliber.az/').pathname;
        if (pathRe.test(path)) return path;
      }
    }
  } catch {
    // fall through to the default slug
  }
  return fallback;
}

export function caliberRuPath(): string {
  return articlePathFromFixture('caliber-ru', '', DEFAULT_CALIBER_RU_PATH);
}

export function caliberRuUrl(): string {
  return `http://caliber.az${caliberRuPath()}`;
}

export function caliberAzPath(): string {
  return articlePathFromFixture('caliber-az', '/az', DEFAULT_CALIBER_AZ_PATH);
}

export function caliberAzUrl(): string {
  return `http://caliber.az${caliberAzPath()}`;
}

/**
 * A URL on caliber.az that serves the shared fixture `name` (e.g. `caliber-en-og-jsonld`,
 * which has an https canonical link) at `path`: `?fixture=` picks the file.
 */
export function caliberFixtureUrl(name: string, path = CALIBER_EN_PATH): string {
  return `http://caliber.az${path}?fixture=${encodeURIComponent(name)}`;
}

/** One request as the server saw it. `CONNECT` requests (a refused https tunnel) count too. */
export interface SeenRequest {
  method: string;
  host: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
}

export interface TestServer {
  port: number;
  /** `127.0.0.1:PORT`, for proxy settings and host-resolver rules. */
  hostPort: string;
  /** Requests seen, as `host path` strings (handy when a test fails to reach a page). */
  log: string[];
  /** Every request seen, with the headers that tell who made it (see network.ts). */
  requests: SeenRequest[];
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: string | Buffer, type: string): void {
  res.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}

function sendFile(res: ServerResponse, file: string): void {
  if (!existsSync(file)) {
    send(res, 404, `Not found: ${file}`, 'text/plain; charset=utf-8');
    return;
  }
  send(res, 200, readFileSync(file), 'text/html; charset=utf-8');
}

/** Content types of the static files the test pages use. */
export const STATIC_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.gif': 'image/gif',
};

/** `/editors/<file>`: a file of the built editor pages, never outside that folder. */
function sendEditorAsset(relative: string, res: ServerResponse): void {
  const file = normalize(join(EDITOR_PAGES_DIR, decodeURIComponent(relative)));
  if (!file.startsWith(EDITOR_PAGES_DIR + sep) || !existsSync(file) || !statSync(file).isFile()) {
    send(res, 404, 'Not found (run tests/e2e/editors/build.ts?)', 'text/plain; charset=utf-8');
    return;
  }
  send(res, 200, readFileSync(file), STATIC_TYPES[extname(file)] ?? 'application/octet-stream');
}

function requestTarget(req: IncomingMessage): {
  host: string;
  path: string;
  query: URLSearchParams;
} {
  const raw = req.url ?? '/';
  // Proxy form: "GET http://caliber.az/en/post/... HTTP/1.1"
  if (/^https?:\/\//i.test(raw)) {
    const u = new URL(raw);
    return { host: u.hostname.toLowerCase(), path: u.pathname, query: u.searchParams };
  }
  const hostHeader = (req.headers.host ?? '').toLowerCase();
  const host = hostHeader.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
  const u = new URL(raw, 'http://x');
  return { host, path: u.pathname, query: u.searchParams };
}

/** Generated pages, made once per process: the 10 MB one takes a while to build. */
const generated = new Map<string, string>();
function cached(key: string, make: () => string): string {
  let html = generated.get(key);
  if (html === undefined) generated.set(key, (html = make()));
  return html;
}

/** `/en/post/huge-article-<KiB>`: the English article with its body repeated to that size. */
export function hugeArticleUrl(kib: number): string {
  return `http://caliber.az/en/post/huge-article-${kib}`;
}

/**
 * The English fixture with its body paragraphs repeated, each round numbered so that no two
 * paragraphs are the same, until the body holds `kib` KiB of text.
 */
function hugeArticlePage(kib: number): string {
  const html = readFileSync(caliberPageFile('caliber-en').file, 'utf8');
  const open = html.indexOf('<div class="post_body">');
  const close = html.indexOf('</div>', open);
  if (open < 0 || close < 0) throw new Error('the English fixture has no .post_body');
  const start = open + '<div class="post_body">'.length;
  const paragraphs = html.slice(start, close).match(/<p>[\s\S]*?<\/p>/g) ?? [];
  const parts: string[] = [];
  let size = 0;
  for (let round = 1; size < kib * 1024; round++) {
    for (const paragraph of paragraphs) {
      const numbered = paragraph.replace('<p>', `<p>(${round}) `);
      parts.push(numbered);
      size += numbered.replace(/<[^>]+>/g, '').length;
    }
  }
  return html.slice(0, start) + parts.join('\n') + html.slice(close);
}

/**
 * The publisher's photos (`/media/photos/{normal,original}/<hash>.webp`) are not saved with
 * the pages: each is served as a drawn stand-in, an SVG picture of the photo's size with its
 * file name, so a page that shows its cover in an <img> really loads one.
 */
export function photoStandIn(path: string): string {
  const name = path.split('/').pop() ?? '';
  let hue = 0;
  for (const char of name) hue = (hue * 31 + char.charCodeAt(0)) % 360;
  const label = name.replace(/[^\w.-]/g, '');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="780" height="440" viewBox="0 0 780 440">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
<stop offset="0" stop-color="hsl(${hue} 55% 42%)"/><stop offset="1" stop-color="hsl(${(hue + 60) % 360} 60% 22%)"/>
</linearGradient></defs>
<rect width="780" height="440" fill="url(#g)"/>
<circle cx="590" cy="150" r="70" fill="hsl(${(hue + 30) % 360} 80% 75%)" opacity="0.8"/>
<path d="M0 440 L240 230 L400 360 L540 260 L780 440 Z" fill="rgba(0,0,0,0.35)"/>
<text x="28" y="96" font-family="sans-serif" font-size="22" fill="white">Caliber.az photo stand-in · ${label}</text>
</svg>`;
}

function routeCaliber(path: string, query: URLSearchParams, res: ServerResponse): void {
  if (/^\/media\/photos\/[\w-]+\/[\w.-]+$/.test(path)) {
    send(res, 200, photoStandIn(path), 'image/svg+xml');
    return;
  }
  const huge = /^\/en\/post\/huge-article-(\d{1,5})$/.exec(path);
  if (huge) {
    send(res, 200, hugeArticlePage(Number(huge[1])), 'text/html; charset=utf-8');
    return;
  }
  const pathological = /^\/en\/post\/pathological-([\w-]+)$/.exec(path)?.[1];
  if (pathological && Object.hasOwn(ARTICLE_PATHOLOGICAL_PAGES, pathological)) {
    const make =
      ARTICLE_PATHOLOGICAL_PAGES[pathological as keyof typeof ARTICLE_PATHOLOGICAL_PAGES];
    const html = cached(`article:${pathological}`, () =>
      make(readFileSync(caliberPageFile('caliber-en').file, 'utf8')),
    );
    send(res, 200, html, 'text/html; charset=utf-8');
    return;
  }
  const fixture = query.get('fixture');
  if (fixture) {
    if (/^caliber-[\w-]+$/.test(fixture)) sendFile(res, join(FIXTURES_DIR, `${fixture}.html`));
    else send(res, 400, 'bad fixture name', 'text/plain; charset=utf-8');
    return;
  }
  const ruPath = caliberRuPath();
  const clean = path.replace(/\/+$/, '') || '/';
  if (clean === '/' || clean === '/en' || clean === '/az') {
    sendFile(res, caliberPageFile('caliber-home').file);
  } else if (clean === CALIBER_EN_PATH || /^\/en\/post\/[^/]+$/.test(clean)) {
    sendFile(res, caliberPageFile('caliber-en').file);
  } else if (/^\/az\/post\/[^/]+$/.test(clean)) {
    sendFile(res, caliberPageFile('caliber-az').file);
  } else if (clean === ruPath.replace(/\/+$/, '') || /^\/post\/[^/]+$/.test(clean)) {
    sendFile(res, caliberPageFile('caliber-ru').file);
  } else {
    send(res, 404, 'Not found on the caliber.az stand-in', 'text/plain; charset=utf-8');
  }
}

/** A 1×1 transparent GIF. */
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
/** The longest a page may keep its `load` waiting (see `?loading=`). */
const MAX_LOADING_MS = 10_000;

function routeOther(path: string, query: URLSearchParams, res: ServerResponse): void {
  if (path === '/' || path === '') {
    send(
      res,
      200,
      '<!doctype html><meta charset="utf-8"><title>e2e</title><a href="/editors.html">editors</a>',
      'text/html; charset=utf-8',
    );
    return;
  }
  const pathological = /^\/pathological\/([\w-]+)$/.exec(path)?.[1];
  if (pathological) {
    const frame = /^frame-(\d{1,3})$/.exec(pathological);
    if (frame) {
      send(res, 200, framePage(Number(frame[1])), 'text/html; charset=utf-8');
    } else if (Object.hasOwn(GENERIC_PATHOLOGICAL_PAGES, pathological)) {
      const make =
        GENERIC_PATHOLOGICAL_PAGES[pathological as keyof typeof GENERIC_PATHOLOGICAL_PAGES];
      send(res, 200, cached(pathological, make), 'text/html; charset=utf-8');
    } else {
      send(res, 404, 'Not found', 'text/plain; charset=utf-8');
    }
    return;
  }
  if (path.startsWith('/editors/')) {
    sendEditorAsset(path.slice('/editors/'.length), res);
    return;
  }
  // An image that takes `ms` to arrive: a page that shows it is still loading until then.
  if (path === '/slow-pixel.gif') {
    const ms = Math.min(MAX_LOADING_MS, Number(query.get('ms')) || 0);
    setTimeout(() => send(res, 200, PIXEL, 'image/gif'), ms);
    return;
  }
  const name = path.replace(/^\/+/, '');
  if (!/^[\w.-]+\.html$/.test(name)) {
    send(res, 404, 'Not found', 'text/plain; charset=utf-8');
    return;
  }
  // `?loading=MS`: the page's `load` comes MS later (a slow image at its end), so that what
  // happens before it can be seen, such as a popup opened while the page is being checked.
  const loadingMs = Number(query.get('loading'));
  if (loadingMs > 0 && existsSync(join(E2E_PAGES_DIR, name))) {
    const html = readFileSync(join(E2E_PAGES_DIR, name), 'utf8').replace(
      '</body>',
      `<img src="/slow-pixel.gif?ms=${loadingMs}" alt="" width="1" height="1"></body>`,
    );
    send(res, 200, html, 'text/html; charset=utf-8');
    return;
  }
  sendFile(res, join(E2E_PAGES_DIR, name));
}

export async function startServer(): Promise<TestServer> {
  const log: string[] = [];
  const requests: SeenRequest[] = [];
  const server = createServer((req, res) => {
    try {
      const { host, path, query } = requestTarget(req);
      log.push(`${host} ${path}`);
      requests.push({ method: req.method ?? 'GET', host, path, headers: req.headers });
      if (path === '/favicon.ico') {
        res.writeHead(204, { 'cache-control': 'max-age=3600' });
        res.end();
      } else if ((CALIBER_HOSTS as readonly string[]).includes(host)) {
        routeCaliber(path, query, res);
      } else if (PUBLISHER_SITE_HOSTS.includes(host)) {
        const page = publisherSitePage(host, path);
        if (page) send(res, 200, page, 'text/html; charset=utf-8');
        else send(res, 404, 'Not found', 'text/plain; charset=utf-8');
      } else {
        routeOther(path, query, res);
      }
    } catch (err) {
      send(res, 500, String(err), 'text/plain; charset=utf-8');
    }
  });
  // Firefox may try HTTPS first through the proxy: refuse the tunnel so it stays on http.
  server.on('connect', (req, socket) => {
    const [host = '', port = ''] = (req.url ?? '').split(':');
    requests.push({ method: 'CONNECT', host, path: `:${port}`, headers: req.headers });
    socket.end('HTTP/1.1 501 Not Implemented\r\ncontent-length: 0\r\n\r\n');
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok());
  });
  const { port } = server.address() as AddressInfo;
  return {
    port,
    hostPort: `127.0.0.1:${port}`,
    log,
    requests,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
