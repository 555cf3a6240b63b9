// What one slow or greedy client can take from the sandbox's server (which shares the extension host):
// a request trickled in is cut off after seconds, a body over the limit is refused without being read,
// and connections beyond the cap are closed at once. Tests shorten the timeouts; the defaults are seconds.
import * as assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
import type { Sandbox } from '../../../src/sandbox/index';
import { fakeService, rawRequest, startTestSandbox } from '../../support/sandbox';

const MiB = 1024 * 1024;

/** A TCP connection to the sandbox that records what comes back and when the server hangs up. */
class RawConnection {
  readonly opened = Date.now();
  received = '';
  sent = 0;
  readonly closed: Promise<number>;
  private constructor(readonly socket: Socket) {
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (this.received += chunk));
    socket.on('error', () => undefined); // a reset or a write after the server hung up: `closed` tells
    this.closed = new Promise((resolve) => socket.once('close', () => resolve(Date.now() - this.opened)));
  }

  static open(sandbox: Sandbox): Promise<RawConnection> {
    return new Promise((resolve, reject) => {
      const socket = connect(sandbox.port, '127.0.0.1', () => resolve(new RawConnection(socket)));
      socket.once('error', reject);
    });
  }

  get isClosed(): boolean {
    return this.socket.destroyed;
  }

  write(text: string | Buffer): void {
    if (this.isClosed) return;
    this.sent += Buffer.byteLength(text);
    this.socket.write(text);
  }

  /** Resolves once an answer's head has arrived, or with undefined after `ms`. */
  async answer(ms: number): Promise<string | undefined> {
    const until = Date.now() + ms;
    while (Date.now() < until) {
      if (this.received.includes('\r\n\r\n')) return this.received;
      if (this.isClosed) return this.received || undefined;
      await delay(10);
    }
    return undefined;
  }

  /** Milliseconds from opening to the server hanging up, or undefined if it has not after `ms`. */
  closedWithin(ms: number): Promise<number | undefined> {
    return Promise.race([this.closed, delay(ms).then(() => undefined)]);
  }

  close(): void {
    this.socket.destroy();
  }
}

function head(sandbox: Sandbox, headers: Record<string, string | number>): string {
  const lines = Object.entries({ Host: `127.0.0.1:${sandbox.port}`, 'Content-Type': 'application/x-amz-json-1.1', ...headers }).map(([k, v]) => `${k}: ${v}`);
  return `POST / HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n`;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Writes `text` a byte every `everyMs` until the server hangs up (or the text runs out). */
async function trickle(connection: RawConnection, text: string, everyMs: number): Promise<void> {
  for (const char of text) {
    if (connection.isClosed) return;
    connection.write(char);
    await delay(everyMs);
  }
}

describe('sandbox wire: limits', function () {
  this.timeout(30_000);

  it('by default gives up on unfinished headers within seconds (Node alone: after 60 to 90 s)', async () => {
    const sandbox = await startTestSandbox({ service: fakeService() });
    try {
      const connection = await RawConnection.open(sandbox);
      connection.write('POST / HTTP/1.1\r\nHost: ');
      const closedAfter = await connection.closedWithin(10_000);
      connection.close();
      assert.ok(closedAfter !== undefined && closedAfter < 8_000, `hung up after ${closedAfter ?? 'more than 10000'} ms`);
    } finally {
      await sandbox.stop();
    }
  });

  describe('slow requests (timeouts shortened to 600 ms)', () => {
    let sandbox: Sandbox;
    before(async () => {
      sandbox = await startTestSandbox({ service: fakeService(), httpLimits: { requestTimeoutMs: 600, headersTimeoutMs: 600 } });
    });
    after(() => sandbox.stop());

    it('cuts off a body sent a byte every 100 ms with 408 once the request timeout passes', async () => {
      const connection = await RawConnection.open(sandbox);
      connection.write(head(sandbox, { 'Content-Length': 200 }));
      void trickle(connection, `{"PageSize":1${' '.repeat(200)}`, 100);
      const closedAfter = await connection.closedWithin(3_000);
      connection.close();
      assert.ok(closedAfter !== undefined, 'still connected 3 s into a 0.6 s request timeout');
      assert.ok(closedAfter < 2_000, `hung up after ${closedAfter} ms`);
      assert.match(connection.received, /^HTTP\/1\.1 408 /);
    });

    it('cuts off headers sent a byte every 100 ms', async () => {
      const connection = await RawConnection.open(sandbox);
      void trickle(connection, head(sandbox, { 'Content-Length': 2, 'X-Padding': 'p'.repeat(100) }), 100);
      const closedAfter = await connection.closedWithin(3_000);
      connection.close();
      assert.ok(closedAfter !== undefined && closedAfter < 2_000, `hung up after ${closedAfter} ms`);
    });
  });

  describe('large bodies', () => {
    let sandbox: Sandbox;
    before(async () => {
      sandbox = await startTestSandbox({ service: fakeService() });
    });
    after(() => sandbox.stop());

    it('is 1 MiB: a JSON body of exactly that size is served, one byte more is not', async () => {
      const body = `{${' '.repeat(MiB - 2)}}`;
      const res = await rawRequest(sandbox, { target: 'SearchProducts', body });
      assert.equal(res.status, 200, res.text.slice(0, 200));
      const connection = await RawConnection.open(sandbox);
      connection.write(head(sandbox, { 'X-Amz-Target': 'AWS242ServiceCatalogService.SearchProducts', 'Content-Length': MiB + 1 }));
      connection.write(`${body} `);
      const answer = await connection.answer(3_000);
      connection.close();
      assert.match(answer ?? '(no answer)', /^HTTP\/1\.1 413 /);
    });

    it('answers a declared 50 MiB body with 413 RequestEntityTooLargeException before it is sent, and hangs up', async () => {
      const connection = await RawConnection.open(sandbox);
      const headers = head(sandbox, { 'X-Amz-Target': 'AWS242ServiceCatalogService.SearchProducts', 'Content-Length': 50 * MiB });
      connection.write(headers);
      connection.write(Buffer.alloc(64 * 1024, 0x20));
      const answer = await connection.answer(3_000);
      assert.ok(answer !== undefined, 'no answer while the declared body is still to come');
      assert.match(answer, /^HTTP\/1\.1 413 /);
      assert.match(answer, /x-amzn-errortype: RequestEntityTooLargeException/i);
      assert.match(answer, /connection: close/i);
      assert.ok((await connection.closedWithin(2_000)) !== undefined, 'the server hangs up instead of reading on');
      assert.equal(connection.sent, headers.length + 64 * 1024, 'answered on the first 64 KiB');
    });

    it('answers a streamed (chunked) body with 413 as soon as it passes the limit, without waiting for its end', async () => {
      const connection = await RawConnection.open(sandbox);
      connection.write(head(sandbox, { 'X-Amz-Target': 'AWS242ServiceCatalogService.SearchProducts', 'Transfer-Encoding': 'chunked' }));
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      let answer: string | undefined;
      while (connection.sent < 4 * MiB && !connection.isClosed && !(answer = await connection.answer(5))) {
        connection.write(`${chunk.length.toString(16)}\r\n`);
        connection.write(chunk);
        connection.write('\r\n');
        await new Promise((resolve) => (connection.socket.writableNeedDrain ? connection.socket.once('drain', resolve) : resolve(undefined)));
      }
      answer ??= await connection.answer(1_000); // never the terminating chunk: only an early answer comes
      connection.close();
      assert.ok(answer !== undefined, `no answer after ${connection.sent} bytes of an unfinished body`);
      assert.match(answer, /^HTTP\/1\.1 413 /);
      const body = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4));
      assert.equal(body.__type, 'RequestEntityTooLargeException');
      assert.ok(connection.sent < 4 * MiB, `answered after ${connection.sent} bytes`);
    });
  });

  describe('connections (cap shortened to 3)', () => {
    let sandbox: Sandbox;
    before(async () => {
      sandbox = await startTestSandbox({ service: fakeService(), httpLimits: { maxConnections: 3 } });
    });
    after(() => sandbox.stop());

    /** A kept-alive connection the server has accepted (it answered a request on it). */
    async function served(): Promise<RawConnection> {
      const connection = await RawConnection.open(sandbox);
      connection.write(`${head(sandbox, { 'Content-Length': 2 })}{}`);
      const answer = await connection.answer(2_000);
      assert.match(answer ?? '(no answer)', /^HTTP\/1\.1 400 /, 'answered (UnknownOperationException: no X-Amz-Target)');
      return connection;
    }

    it('closes a connection beyond the cap at once, and serves again once one is free', async () => {
      const held = [await served(), await served(), await served()];
      const refused = await RawConnection.open(sandbox);
      refused.write(`${head(sandbox, { 'Content-Length': 2 })}{}`);
      const closedAfter = await refused.closedWithin(1_000);
      refused.close();
      assert.ok(closedAfter !== undefined, 'a 4th connection stays open');
      assert.equal(refused.received, '', 'and gets no answer');
      assert.ok(held.every((c) => !c.isClosed), 'the 3 held ones stay open');

      held.pop()!.close();
      let again: RawConnection | undefined;
      for (let i = 0; i < 20 && !again; i++) {
        await delay(50); // until the server has seen the close
        again = await served().catch(() => undefined);
      }
      assert.ok(again, 'served once a connection is free');
      for (const c of [...held, again]) c.close();
    });
  });
});
