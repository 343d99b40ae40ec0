import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { dnsResolver } from "@/adapters/checks-node";
import { checkDns } from "@/domain/checks/dns";
import { type LoopbackDns, startLoopbackDns } from "@/tests/support/loopback-dns";

const GROUP = "7c2f1e0d9a8b4c3d-cn-hangzhou.alicloudapi.com";

describe("dns check (DomainNotResolved), real answers from a DNS server on loopback through node:dns", () => {
  let dns: LoopbackDns;
  beforeAll(async () => {
    dns = await startLoopbackDns({
      "api.example.com": { cname: GROUP },
      "cdn.example.com": { cname: "edge.cdn-provider.net" },
      "edge.cdn-provider.net": { cname: GROUP },
      [GROUP]: { a: ["203.0.113.10", "203.0.113.11"] },
      "old.example.com": { cname: "1111aaaa-cn-shanghai.alicloudapi.com" },
      "1111aaaa-cn-shanghai.alicloudapi.com": { a: ["198.51.100.7"] },
      "bare.example.com": { a: ["192.0.2.1"] },
      "dangling.example.com": { cname: "gone.example.net" },
    });
  });
  afterAll(() => dns.close());

  const check = (domain: string, expect = GROUP) => checkDns({ domain, expect }, dnsResolver(dns.servers));

  test("a CNAME of the group's domain passes and says what it resolves to now", async () => {
    expect(await check("API.example.com.")).toEqual({
      check: "dns",
      ok: true,
      problems: [],
      domain: "api.example.com",
      expect: GROUP,
      cnameChain: [GROUP],
      resolvesTo: ["203.0.113.10", "203.0.113.11"],
    });
  });

  test("a chain that reaches the group's domain through another CNAME passes", async () => {
    expect(await check("cdn.example.com")).toMatchObject({ ok: true, cnameChain: ["edge.cdn-provider.net", GROUP] });
  });

  test("cname_mismatch names where the domain points instead", async () => {
    expect(await check("old.example.com")).toMatchObject({
      ok: false,
      problems: [{ code: "cname_mismatch", params: { actual: "1111aaaa-cn-shanghai.alicloudapi.com", expected: GROUP } }],
      resolvesTo: ["198.51.100.7"],
    });
  });

  test("no_cname for a name with only an A record; nxdomain for a name, or a CNAME target, that does not exist", async () => {
    expect(await check("bare.example.com")).toMatchObject({ ok: false, problems: [{ code: "no_cname" }], resolvesTo: ["192.0.2.1"] });
    expect(await check("missing.example.com")).toMatchObject({
      ok: false,
      problems: [{ code: "nxdomain", params: { domain: "missing.example.com" } }],
      cnameChain: [],
    });
    expect(await check("dangling.example.com")).toMatchObject({
      problems: [{ code: "nxdomain", params: { domain: "gone.example.net" } }],
      cnameChain: ["gone.example.net"],
    });
  });

  test("a resolver that does not answer is lookup_failed, not a crash", async () => {
    const silent = await startLoopbackDns({});
    await silent.close();
    const result = await checkDns({ domain: "api.example.com", expect: GROUP }, dnsResolver(silent.servers));
    expect(result).toMatchObject({ ok: false, problems: [{ code: "lookup_failed" }] });
  }, 30_000);
});
