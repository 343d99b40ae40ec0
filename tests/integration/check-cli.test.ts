import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { makeChain } from "@/tests/support/certificates";
import { type LoopbackDns, startLoopbackDns } from "@/tests/support/loopback-dns";

type Run = { code: number; stdout: string; stderr: string; json: Record<string, unknown> | null };

/** `npm run --silent check -- KIND ...` as support types it. */
function runCheck(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", "scripts/check.ts", ...args],
      { cwd: process.cwd(), env: { ...process.env, ...env } },
      (error, stdout, stderr) => {
        let json: Record<string, unknown> | null = null;
        try {
          json = JSON.parse(stdout) as Record<string, unknown>;
        } catch {}
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr, json });
      },
    );
  });
}

describe("npm run check", () => {
  let dir: string;
  let dns: LoopbackDns;
  let keyPem: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "check-cli-"));
    const { ca, leaf } = await makeChain(["api.example.com"]);
    keyPem = leaf.keyPem;
    await writeFile(path.join(dir, "chain.pem"), leaf.pem + ca.pem);
    await writeFile(path.join(dir, "key.pem"), leaf.keyPem);
    await writeFile(path.join(dir, "broken-key.pem"), leaf.keyPem.replace(/\n[A-Za-z0-9+/]{8}/, "\n!!!!!!!!"));
    dns = await startLoopbackDns({
      "api.example.com": { cname: "abc-cn-hangzhou.alicloudapi.com" },
      "abc-cn-hangzhou.alicloudapi.com": { a: ["203.0.113.5"] },
    });
  });
  afterAll(async () => {
    await dns.close();
    await rm(dir, { recursive: true, force: true });
  });

  test("dns asks the servers in DNS_SERVERS and prints one JSON object; exit 1 on a problem", async () => {
    const ok = await runCheck(["dns", "api.example.com", "--expect", "abc-cn-hangzhou.alicloudapi.com"], { DNS_SERVERS: dns.servers });
    expect(ok).toMatchObject({
      code: 0,
      json: { check: "dns", ok: true, problems: [], cnameChain: ["abc-cn-hangzhou.alicloudapi.com"], resolvesTo: ["203.0.113.5"] },
    });
    const mismatch = await runCheck(["dns", "api.example.com", "--expect", "other-cn-beijing.alicloudapi.com"], {
      DNS_SERVERS: dns.servers,
    });
    expect(mismatch).toMatchObject({ code: 1, json: { ok: false, problems: [{ code: "cname_mismatch" }] } });
  }, 60_000);

  test("cert reads the files relative to where the command was typed; the key is never printed, even when unreadable", async () => {
    const ok = await runCheck(["cert", "--cert", "chain.pem", "--key", "key.pem", "--domain", "api.example.com"], { INIT_CWD: dir });
    expect(ok).toMatchObject({ code: 0, json: { check: "cert", ok: true, certificates: 2, keyChecked: true } });
    const wrongDomain = await runCheck(["cert", "--cert", "chain.pem", "--key", "broken-key.pem", "--domain", "www.example.com"], {
      INIT_CWD: dir,
    });
    expect(wrongDomain.json).toMatchObject({
      ok: false,
      problems: [{ code: "domain_mismatch" }, { code: "not_pem", params: { part: "key" } }],
    });
    const keyLines = keyPem.split("\n").filter((line) => line.length > 20 && !line.startsWith("-----"));
    for (const run of [ok, wrongDomain]) {
      for (const line of keyLines) {
        expect(run.stdout + run.stderr).not.toContain(line.slice(4, 20));
      }
      expect(run.stdout + run.stderr).not.toContain("PRIVATE KEY");
    }
  }, 60_000);

  test("timestamp and signature take their values from the command line", async () => {
    const late = await runCheck(["timestamp", "2024-05-12T02:03:04Z", "--at", "2024-05-12T02:30:00Z"]);
    expect(late).toMatchObject({ code: 1, json: { check: "timestamp", ok: false, skewSeconds: -1616, problems: [{ code: "skew" }] } });
    const same = "GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeApis";
    expect(await runCheck(["signature", "--server", same, "--client", same])).toMatchObject({
      code: 0,
      json: { check: "signature", ok: true, layout: "rpc" },
    });
  }, 60_000);

  test("a usage error goes to stderr with the usage and exit code 2; a missing file too", async () => {
    const unknown = await runCheck(["ping", "example.com"]);
    expect(unknown).toMatchObject({ code: 2, stdout: "", json: null });
    expect(unknown.stderr).toContain("unknown check ping");
    expect(unknown.stderr).toContain("Usage: npm run --silent check -- KIND");
    const missing = await runCheck(["cert", "--cert", path.join(dir, "nope.pem")]);
    expect(missing).toMatchObject({ code: 2, json: null });
    expect(missing.stderr).toContain("cannot read the certificate");
    expect((await runCheck(["dns", "api.example.com"])).stderr).toContain("--expect GROUP_DOMAIN is required");
  }, 60_000);
});
