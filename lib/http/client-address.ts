import { isIP } from "node:net";
import { trustedProxyHops } from "../env";

// The one place that says who a request comes from. Rate limits, the runner's per-client fairness and sign-in
// throttling all key on this value, so a client must not be able to choose it.
//
// Route handlers cannot see the socket, and `next start` keeps an X-Forwarded-For the client sent. So the production
// server (scripts/serve.mjs) writes the connection's address into PEER_HEADER, replacing anything the client sent
// under that name, and sets PEER_HEADER_ENV to say so. Without it (`next dev`, a bare `next start`) the header could
// come from the client: it is ignored, and every client shares one key, which limits too much but never too little.
//
// X-Forwarded-For is believed only through TRUSTED_PROXY_HOPS proxies. Each proxy appends the address it was
// connected from, so the N-th entry from the right was written by the outermost trusted proxy; anything left of it
// came from the client.

export const PEER_HEADER = "x-backend-paths-peer";
export const PEER_HEADER_ENV = "BACKEND_PATHS_PEER_HEADER";
const UNKNOWN = "local";

export function clientAddress(request: { headers: Headers }): string {
  const peer = process.env[PEER_HEADER_ENV] === "1" ? normalizeAddress(request.headers.get(PEER_HEADER) ?? "") : undefined;
  const hops = trustedProxyHops();
  if (hops > 0) {
    const forwarded = (request.headers.get("x-forwarded-for") ?? "").split(",");
    // Fewer entries than hops, or a malformed one, means a proxy did not do its part: fall back to the connection.
    const address = forwarded.length >= hops ? normalizeAddress(forwarded[forwarded.length - hops]!) : undefined;
    if (address) return address;
  }
  return peer ?? UNKNOWN;
}

/**
 * A key for one address: IPv4 as is (also when written as IPv4-mapped IPv6), IPv6 by its /64 network, since one
 * subscriber usually holds a whole /64 and could otherwise take a fresh address for every request. Ports, brackets and
 * zone ids are dropped; anything else is not an address (undefined).
 */
function normalizeAddress(value: string): string | undefined {
  const address = value
    .trim()
    .replace(/^\[([^\]]*)\](?::\d+)?$/, "$1")
    .replace(/^(\d+\.\d+\.\d+\.\d+):\d+$/, "$1")
    .replace(/%.*$/, "")
    .toLowerCase();
  const version = isIP(address);
  if (version === 4) return address;
  if (version !== 6) return undefined;
  const groups = ipv6Groups(address);
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return [groups[6]! >> 8, groups[6]! & 0xff, groups[7]! >> 8, groups[7]! & 0xff].join(".");
  }
  return `${groups.slice(0, 4).map((g) => g.toString(16)).join(":")}::/64`;
}

/** The eight 16-bit groups of a valid IPv6 address (`::` expanded, a trailing dotted IPv4 part as two groups). */
function ipv6Groups(address: string): number[] {
  const parse = (part: string) =>
    part
      .split(":")
      .filter(Boolean)
      .flatMap((group) => {
        if (!group.includes(".")) return [parseInt(group, 16)];
        const [a, b, c, d] = group.split(".").map(Number) as [number, number, number, number];
        return [(a << 8) | b, (c << 8) | d];
      });
  const [head = "", tail] = address.split("::");
  const start = parse(head);
  const end = tail === undefined ? [] : parse(tail);
  return [...start, ...Array<number>(8 - start.length - end.length).fill(0), ...end];
}
