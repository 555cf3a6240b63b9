// What one client may hold of the sandbox's HTTP server, which runs inside the extension host: a
// slow client is cut off after seconds (Node's defaults are minutes), and connections are capped.
// The body size limit is the wire format's (wire.ts MAX_BODY_BYTES).
import { createServer, type RequestListener, type Server } from 'node:http';

export interface HttpLimits {
  /** Time to receive a whole request, headers and body (Node's default: 300 s). */
  requestTimeoutMs: number;
  /** Time to receive a request's headers (Node's default: 60 s); at most requestTimeoutMs. */
  headersTimeoutMs: number;
  /** How long an idle keep-alive connection waits for its next request. */
  keepAliveTimeoutMs: number;
  /** Open connections at most; the server closes further ones at once. */
  maxConnections: number;
}

/** A call's request is a few KB sent at once; a minute-long upload is not a client of this API. */
export const DEFAULT_HTTP_LIMITS: Readonly<HttpLimits> = {
  requestTimeoutMs: 10_000,
  headersTimeoutMs: 5_000,
  keepAliveTimeoutMs: 5_000,
  // The extension keeps a handful; tests run up to 50 calls at once.
  maxConnections: 64,
};

export function createLimitedServer(limits: HttpLimits, listener: RequestListener): Server {
  const server = createServer({
    requestTimeout: limits.requestTimeoutMs,
    headersTimeout: Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs),
    // Node checks both timeouts only this often (30 s by default, which would let a 10 s timeout run to 40 s).
    connectionsCheckingInterval: Math.min(1_000, Math.max(10, limits.requestTimeoutMs / 5)),
  }, listener);
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  server.maxConnections = limits.maxConnections;
  return server;
}
