// The client address: the socket's peer, or X-Forwarded-For when that peer is a trusted proxy.
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { inAnyRange, normaliseAddress } from '../rules/ip-ranges.ts';

// A connection's peer never changes: parse it once per connection, not once per request.
const peers = new WeakMap<Socket, string>();

function peerOf(socket: Socket): string {
  let peer = peers.get(socket);
  if (peer === undefined) peers.set(socket, (peer = normaliseAddress(socket.remoteAddress ?? '')));
  return peer;
}

export function clientAddress(req: IncomingMessage, trustedProxies: readonly string[]): string {
  let address = peerOf(req.socket);
  if (trustedProxies.length === 0 || !inAnyRange(address, trustedProxies)) return address;
  const header = req.headers['x-forwarded-for'];
  const hops = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',').map((hop) => hop.trim()).filter(Boolean);
  // Walk back from the nearest hop while it is one of ours: the first stranger is the client.
  while (hops.length > 0 && inAnyRange(address, trustedProxies)) {
    address = normaliseAddress(hops.pop()!);
  }
  return address;
}
