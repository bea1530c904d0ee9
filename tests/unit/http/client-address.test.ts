import { afterEach, describe, expect, it, vi } from "vitest";
import { clientAddress, PEER_HEADER, PEER_HEADER_ENV } from "@/lib/http/client-address";

// What the production server hands a route: the connection's address in PEER_HEADER, plus whatever X-Forwarded-For
// the client and the proxies in front wrote.
function request({ peer, forwarded }: { peer?: string; forwarded?: string }) {
  const headers = new Headers();
  if (peer !== undefined) headers.set(PEER_HEADER, peer);
  if (forwarded !== undefined) headers.set("x-forwarded-for", forwarded);
  return { headers };
}

function serve({ hops, peerHeader = true }: { hops?: string; peerHeader?: boolean }) {
  if (hops !== undefined) vi.stubEnv("TRUSTED_PROXY_HOPS", hops);
  vi.stubEnv(PEER_HEADER_ENV, peerHeader ? "1" : "");
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("clientAddress", () => {
  it("with no trusted proxy (the default) keys on the connection and ignores X-Forwarded-For entirely", () => {
    serve({});
    expect(clientAddress(request({ peer: "203.0.113.7" }))).toBe("203.0.113.7");
    expect(clientAddress(request({ peer: "203.0.113.7", forwarded: "198.51.100.1" }))).toBe("203.0.113.7");
    expect(clientAddress(request({ peer: "203.0.113.7", forwarded: "198.51.100.1, 198.51.100.2" }))).toBe("203.0.113.7");
    serve({ hops: "0" });
    expect(clientAddress(request({ peer: "203.0.113.7", forwarded: "198.51.100.1" }))).toBe("203.0.113.7");
  });

  it("with one trusted proxy takes the address that proxy appended, whatever the client put before it", () => {
    serve({ hops: "1" });
    expect(clientAddress(request({ peer: "10.0.0.2", forwarded: "198.51.100.1" }))).toBe("198.51.100.1");
    expect(clientAddress(request({ peer: "10.0.0.2", forwarded: "6.6.6.6, 198.51.100.1" }))).toBe("198.51.100.1");
    expect(clientAddress(request({ peer: "10.0.0.2", forwarded: "6.6.6.6,7.7.7.7 ,198.51.100.1" }))).toBe("198.51.100.1");
  });

  it("with two trusted proxies takes the second address from the right", () => {
    serve({ hops: "2" });
    expect(clientAddress(request({ peer: "10.0.0.3", forwarded: "6.6.6.6, 198.51.100.1, 10.0.0.2" }))).toBe("198.51.100.1");
    expect(clientAddress(request({ peer: "10.0.0.3", forwarded: "198.51.100.1, 10.0.0.2" }))).toBe("198.51.100.1");
  });

  it.each([
    ["no X-Forwarded-For", undefined],
    ["an empty X-Forwarded-For", ""],
    ["fewer entries than hops", "198.51.100.1"],
    ["a word where the address should be", "198.51.100.1, unknown, 10.0.0.2"],
    ["an empty entry", "198.51.100.1, , 10.0.0.2"],
    ["an address out of range", "198.51.100.1, 300.1.2.3, 10.0.0.2"],
    ["a host name", "198.51.100.1, example.com, 10.0.0.2"],
  ])("falls back to the connection for %s", (_name, forwarded) => {
    serve({ hops: "2" });
    expect(clientAddress(request({ peer: "10.0.0.3", forwarded }))).toBe("10.0.0.3");
  });

  it.each([
    ["IPv4-mapped IPv6", "::ffff:198.51.100.1", "198.51.100.1"],
    ["IPv4-mapped IPv6 in hex", "::FFFF:c633:6401", "198.51.100.1"],
    ["an IPv4 address with a port", "198.51.100.1:4711", "198.51.100.1"],
    ["IPv6, keyed by its /64", "2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64"],
    ["another address of the same /64", "2001:DB8:1:2::1", "2001:db8:1:2::/64"],
    ["IPv6 in brackets with a port", "[2001:db8:1:2::1]:4711", "2001:db8:1:2::/64"],
    ["IPv6 with a zone id", "fe80::1%eth0", "fe80:0:0:0::/64"],
  ])("normalizes %s", (_name, address, key) => {
    serve({ hops: "1" });
    expect(clientAddress(request({ peer: "10.0.0.2", forwarded: address }))).toBe(key);
    serve({ hops: "0" });
    expect(clientAddress(request({ peer: address }))).toBe(key);
  });

  it("tells different /64 networks apart", () => {
    serve({});
    expect(clientAddress(request({ peer: "2001:db8:1:3::1" }))).not.toBe(clientAddress(request({ peer: "2001:db8:1:2::1" })));
  });

  it("ignores the peer header unless the production server set it, so that every such client shares one key", () => {
    serve({ peerHeader: false });
    expect(clientAddress(request({ peer: "203.0.113.7", forwarded: "198.51.100.1" }))).toBe("local");
    expect(clientAddress(request({}))).toBe("local");
  });

  it("refuses a TRUSTED_PROXY_HOPS that is not a whole number", () => {
    serve({ hops: "one" });
    expect(() => clientAddress(request({ peer: "203.0.113.7" }))).toThrow(/TRUSTED_PROXY_HOPS must be a whole number/);
  });
});
