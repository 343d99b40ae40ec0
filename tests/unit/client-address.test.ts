import { describe, expect, test } from "vitest";
import { clientAddress, parseTrustedProxies, type TrustedProxies } from "@/domain/auth/client-address";

function proxies(setting: string): TrustedProxies {
  const parsed = parseTrustedProxies(setting);
  if ("error" in parsed) throw new Error(parsed.error);
  return parsed;
}

describe("the client address behind TRUSTED_PROXIES", () => {
  test("without trusted proxies, X-Forwarded-For is ignored and the connection's address is the client", () => {
    expect(clientAddress("203.0.113.7", "198.51.100.1", proxies(""))).toBe("203.0.113.7");
    expect(clientAddress("::ffff:203.0.113.7", "198.51.100.1", proxies(""))).toBe("203.0.113.7");
    expect(clientAddress("2001:DB8::5", undefined, proxies(""))).toBe("2001:db8::5");
  });

  test("a connection from a trusted proxy is attributed to the address the proxy appended", () => {
    const trusted = proxies("10.0.0.0/8, 192.168.1.5");
    expect(clientAddress("10.1.2.3", "203.0.113.7", trusted)).toBe("203.0.113.7");
    // What the client claimed (left of the proxy's entry) is never used.
    expect(clientAddress("10.1.2.3", "1.2.3.4, 203.0.113.7", trusted)).toBe("203.0.113.7");
    // Two trusted proxies in a row: walk past both.
    expect(clientAddress("192.168.1.5", ["1.2.3.4, 203.0.113.7", "10.9.9.9"], trusted)).toBe("203.0.113.7");
  });

  test("a connection from an untrusted address cannot choose its address with X-Forwarded-For", () => {
    expect(clientAddress("203.0.113.7", "10.0.0.1, 198.51.100.1", proxies("10.0.0.0/8"))).toBe("203.0.113.7");
  });

  test("a trusted proxy without X-Forwarded-For, or with only trusted hops, is taken as it is", () => {
    const trusted = proxies("10.0.0.0/8");
    expect(clientAddress("10.1.2.3", undefined, trusted)).toBe("10.1.2.3");
    expect(clientAddress("10.1.2.3", "10.0.0.9", trusted)).toBe("10.0.0.9");
  });

  test("a hop that is not an address ends the walk at the proxy that passed it on", () => {
    const trusted = proxies("10.0.0.0/8");
    expect(clientAddress("10.1.2.3", "203.0.113.7, not-an-ip", trusted)).toBe("10.1.2.3");
    expect(clientAddress("10.1.2.3", "garbage, 10.0.0.9", trusted)).toBe("10.0.0.9");
  });

  test("ports and brackets from proxies that add them are removed; IPv6 ranges work", () => {
    const trusted = proxies("fd00::/8, 127.0.0.1");
    expect(clientAddress("127.0.0.1", "203.0.113.7:51234", trusted)).toBe("203.0.113.7");
    expect(clientAddress("fd12::1", "[2001:db8::9]:443", trusted)).toBe("2001:db8::9");
  });

  test("a bad TRUSTED_PROXIES entry is named in the error", () => {
    for (const bad of ["10.0.0.0/33", "proxy.internal", "10.0.0.1/8/1", "::1/129", "10.0.0.0/"]) {
      expect(parseTrustedProxies(`127.0.0.1, ${bad}`)).toEqual({ error: expect.stringContaining(`"${bad}"`) });
    }
  });
});
