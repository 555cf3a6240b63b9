// Requests must name the sandbox by its own address in Host. A web page whose own host name was made
// to resolve to 127.0.0.1 (DNS rebinding) reaches the port, but its requests carry that name.
import type { IncomingMessage } from 'node:http';

export function isAddressedToSandbox(req: IncomingMessage): boolean {
  const host = req.headers.host?.toLowerCase();
  return host !== undefined && ownHosts(req).includes(host);
}

export function misaddressedMessage(req: IncomingMessage): string {
  return `Host '${req.headers.host ?? ''}' is not this sandbox; send requests to ${ownHosts(req).join(' or ')}.`;
}

/** The socket's local port is the sandbox's, whichever one it was given. */
function ownHosts(req: IncomingMessage): string[] {
  const port = req.socket.localPort;
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}
