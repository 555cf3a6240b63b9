// What a web page in the user's browser can do to the sandbox: nothing. The admin endpoints need the
// token of this start and JSON posts, and every request must name the sandbox itself in Host (a page
// that rebinds its own host name to 127.0.0.1 sends that name).
import * as assert from 'node:assert/strict';
import { request } from 'node:http';
import { Sha256 } from '@aws-crypto/sha256-js';
import { SearchProductsCommand } from '@aws-sdk/client-service-catalog';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import type { Sandbox } from '../../../src/sandbox/index';
import { admin, fakeService, sdkClient, startTestSandbox } from '../../support/sandbox';

const TOKEN_HEADER = 'x-sandbox-admin-token';
const REBOUND_HOST = 'attacker.example';

interface Answer { status: number; text: string; json(): any }

/** A request with exactly these headers (Host included, which fetch won't let a caller set). */
function send(sandbox: Sandbox, method: string, path: string, headers: Record<string, string>, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: sandbox.port, method, path, headers, agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text, json: () => JSON.parse(text) }));
    });
    req.on('error', reject);
    if (body === undefined) req.flushHeaders(); // a declared body that never comes: only an early answer ends this
    else req.end(body);
  });
}

/** Headers of a SearchProducts call signed with the sandbox's real keys for `host`, as a page knowing the (public) sandbox keys would sign. */
async function signedFor(sandbox: Sandbox, host: string, body = '{}'): Promise<Record<string, string>> {
  const signer = new SignatureV4({ service: 'servicecatalog', region: sandbox.region, credentials: sandbox.credentials, sha256: Sha256 });
  const [hostname, port] = host.split(':');
  const unsigned = new HttpRequest({
    method: 'POST', protocol: 'http:', hostname, port: port ? Number(port) : undefined, path: '/', body,
    headers: { host, 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWS242ServiceCatalogService.SearchProducts' },
  });
  return (await signer.sign(unsigned)).headers;
}

describe('sandbox wire: admin endpoints and Host', () => {
  let sandbox: Sandbox;
  before(async () => {
    sandbox = await startTestSandbox({ service: fakeService() });
  });
  after(() => sandbox.stop());
  afterEach(() => sandbox.setKnobs({ throttleRate: 0 }));

  describe('admin endpoints', () => {
    it('answer 403 without the token or with a wrong one, 200 with the token', async () => {
      const own = `127.0.0.1:${sandbox.port}`;
      assert.equal((await send(sandbox, 'GET', '/__sandbox/health', { host: own })).status, 403);
      assert.equal((await send(sandbox, 'GET', '/__sandbox/health', { host: own, [TOKEN_HEADER]: 'x'.repeat(sandbox.adminToken.length) })).status, 403);
      assert.equal((await send(sandbox, 'GET', '/__sandbox/stats', { host: own, [TOKEN_HEADER]: '' })).status, 403);
      const ok = await send(sandbox, 'GET', '/__sandbox/health', { host: own, [TOKEN_HEADER]: sandbox.adminToken });
      assert.equal(ok.status, 200);
      assert.equal(ok.json().endpoint, sandbox.endpoint);
    });

    it('make a new random token at each start', async () => {
      const other = await startTestSandbox({ service: fakeService() });
      try {
        assert.match(other.adminToken, /^[\w-]{43}$/, '32 random bytes, base64url');
        assert.notEqual(other.adminToken, sandbox.adminToken);
        const wrong = await send(other, 'GET', '/__sandbox/health', { host: `127.0.0.1:${other.port}`, [TOKEN_HEADER]: sandbox.adminToken });
        assert.equal(wrong.status, 403);
      } finally {
        await other.stop();
      }
    });

    it("ignore a cross-origin page's form-like post (text/plain, no token): throttling stays off", async () => {
      const own = `127.0.0.1:${sandbox.port}`;
      const simple = await send(sandbox, 'POST', '/__sandbox/knobs', { host: own, 'content-type': 'text/plain;charset=UTF-8' }, '{"throttleRate":1}');
      assert.equal(simple.status, 403);
      const withToken = await send(sandbox, 'POST', '/__sandbox/knobs', { host: own, 'content-type': 'text/plain', [TOKEN_HEADER]: sandbox.adminToken }, '{"throttleRate":1}');
      assert.equal(withToken.status, 415, 'even with the token, a POST must be JSON');
      assert.equal(sandbox.knobs.throttleRate, 0);
      const json = await admin(sandbox, 'POST', 'knobs', { throttleRate: 0.5 });
      assert.equal(json.status, 200);
      assert.equal(sandbox.knobs.throttleRate, 0.5);
    });

    it('refuse a Host other than the sandbox, even with the token; accept localhost', async () => {
      const rebound = await send(sandbox, 'GET', '/__sandbox/health', { host: `${REBOUND_HOST}:${sandbox.port}`, [TOKEN_HEADER]: sandbox.adminToken });
      assert.equal(rebound.status, 403);
      assert.doesNotMatch(rebound.text, /stateFile|knobs/, 'nothing of the health answer');
      const viaLocalhost = await send(sandbox, 'GET', '/__sandbox/health', { host: `localhost:${sandbox.port}`, [TOKEN_HEADER]: sandbox.adminToken });
      assert.equal(viaLocalhost.status, 200);
    });
  });

  describe('the service endpoint (POST /)', () => {
    it('refuses a correctly signed call for another Host with a 4xx, before reading its body or counting it', async () => {
      sandbox.resetStats();
      const host = `${REBOUND_HOST}:${sandbox.port}`;
      const rebound = await send(sandbox, 'POST', '/', await signedFor(sandbox, host), '{}');
      assert.equal(rebound.status, 403, rebound.text);
      assert.equal(rebound.json().__type, 'AccessDeniedException');
      const unsent = await send(sandbox, 'POST', '/', { ...(await signedFor(sandbox, host)), 'content-length': '1000' });
      assert.equal(unsent.status, 403, 'answered without waiting for the body');
      assert.equal(sandbox.stats().calls, 0, 'neither call reached the API pipeline');
    });

    it('answers calls for 127.0.0.1:PORT (the SDK, the AWS CLI) and localhost:PORT', async () => {
      const out = await sdkClient(sandbox).send(new SearchProductsCommand({}));
      assert.equal(out.$metadata.httpStatusCode, 200);
      const localhost = await send(sandbox, 'POST', '/', await signedFor(sandbox, `localhost:${sandbox.port}`), '{}');
      assert.equal(localhost.status, 200, localhost.text);
    });
  });
});
