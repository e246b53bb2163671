import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { CALIBER_EN_PATH, caliberRuPath, startServer, type TestServer } from './server.ts';

/** A raw request: `target` is the request line's URI, `host` the Host header. */
function get(
  server: TestServer,
  target: string,
  host: string,
): Promise<{ status: number; body: string }> {
  return new Promise((ok, fail) => {
    const req = request(
      { host: '127.0.0.1', port: server.port, path: target, headers: { host } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => ok({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', fail);
    req.end();
  });
}

describe('test server', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(() => server.close());

  it('serves the Caliber.az pages by Host header', async () => {
    const en = await get(server, CALIBER_EN_PATH, 'caliber.az');
    assert.equal(en.status, 200);
    assert.match(en.body, /post_body/);
    const ru = await get(server, caliberRuPath(), 'www.caliber.az');
    assert.equal(ru.status, 200);
    const home = await get(server, '/', 'caliber.az');
    assert.equal(home.status, 200);
    assert.doesNotMatch(home.body, /class="post_body"/);
  });

  it('serves absolute-URI requests as an HTTP proxy target', async () => {
    const en = await get(server, `http://caliber.az${CALIBER_EN_PATH}`, 'caliber.az');
    assert.equal(en.status, 200);
    assert.match(en.body, /post_body/);
    const ed = await get(server, 'http://editor.test/editors.html', 'editor.test');
    assert.equal(ed.status, 200);
    assert.match(ed.body, /id="probe"/);
  });

  it('serves the editors page on any other host, and a 204 favicon', async () => {
    for (const host of ['localhost', '127.0.0.1', 'editor.test']) {
      const ed = await get(server, '/editors.html', host);
      assert.equal(ed.status, 200, host);
      assert.match(ed.body, /id="ta"/);
    }
    assert.equal((await get(server, '/favicon.ico', 'caliber.az')).status, 204);
    assert.equal((await get(server, '/../package.json', 'editor.test')).status, 404);
  });

  it('serves a drawn stand-in for the publisher’s photos, and records every request', async () => {
    const photo = await get(server, '/media/photos/normal/8c2d41aa90be.webp', 'caliber.az');
    assert.equal(photo.status, 200);
    assert.match(photo.body, /^<svg [^>]*width="780" height="440"/);
    assert.match(photo.body, /8c2d41aa90be\.webp/);
    assert.equal((await get(server, '/media/photos/normal/x.webp', 'editor.test')).status, 404);
    const seen = server.requests.find((r) => r.path === '/media/photos/normal/8c2d41aa90be.webp');
    assert.equal(seen?.host, 'caliber.az');
    assert.equal(seen?.method, 'GET');
    assert.equal(seen?.headers.host, 'caliber.az');
  });
});
