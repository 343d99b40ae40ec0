import { createPrivateKey, generateKeyPairSync } from "node:crypto";
import { describe, expect, test } from "vitest";
import { nodeCertificateReader } from "@/adapters/checks-node";
import { checkCertificate } from "@/domain/checks/cert";
import { nameCoversHost } from "@/domain/checks/hostname";
import { makeCertificate, makeChain } from "@/tests/support/certificates";

const codes = (result: { problems: { code: string }[] }) => result.problems.map((p) => p.code);
const now = new Date();
const DAY = 24 * 60 * 60 * 1000;

describe("cert check (certificates and keys made in the test, read by node:crypto)", () => {
  test("a leaf with its key, then its issuer, for a covered domain passes and says whom it is for", async () => {
    const { ca, leaf } = await makeChain(["api.example.com", "*.api.example.com"]);
    const result = await checkCertificate(
      { cert: leaf.pem + ca.pem, key: leaf.keyPem, domain: "v1.api.example.com", at: now },
      nodeCertificateReader,
    );
    expect(result).toMatchObject({
      check: "cert",
      ok: true,
      problems: [],
      certificates: 2,
      names: ["api.example.com", "*.api.example.com"],
      keyChecked: true,
    });
  });

  test("domain_mismatch by RFC 6125: a wildcard covers one label only, and the CN is ignored when there are SANs", async () => {
    const { leaf } = await makeChain(["*.example.com"]);
    const check = (domain: string) => checkCertificate({ cert: leaf.pem, domain, at: now }, nodeCertificateReader).then(codes);
    expect(await check("shop.example.com")).toEqual([]);
    expect(await check("example.com")).toEqual(["domain_mismatch"]);
    expect(await check("a.shop.example.com")).toEqual(["domain_mismatch"]);
    const cnOnly = await makeCertificate({ subject: "CN=legacy.example.com" });
    expect(await checkCertificate({ cert: cnOnly.pem, domain: "legacy.example.com", at: now }, nodeCertificateReader).then(codes)).toEqual(
      [],
    );
    const sanWins = await makeCertificate({ subject: "CN=legacy.example.com", dnsNames: ["new.example.com"] });
    expect(await checkCertificate({ cert: sanWins.pem, domain: "legacy.example.com", at: now }, nodeCertificateReader).then(codes)).toEqual(
      ["domain_mismatch"],
    );
  });

  test("the name matching agrees with node:crypto's checkHost on the RFC 6125 cases", async () => {
    const { X509Certificate } = await import("node:crypto");
    const { leaf } = await makeChain(["*.example.com", "exact.test"]);
    const node = new X509Certificate(leaf.pem);
    for (const host of ["a.example.com", "example.com", "a.b.example.com", "EXACT.test", "exact.test.", "x.exact.test"]) {
      const ours = ["*.example.com", "exact.test"].some((name) => nameCoversHost(name, host));
      expect([host, ours]).toEqual([host, node.checkHost(host.replace(/\.$/, "")) !== undefined]);
    }
    expect(nameCoversHost("*.com", "example.com")).toBe(false);
    expect(nameCoversHost("a.*.example.com", "a.b.example.com")).toBe(false);
  });

  test("key_mismatch for another key, key_encrypted for a passphrase-protected one, not_pem for text that is no PEM", async () => {
    const { leaf } = await makeChain(["api.example.com"]);
    const other = await makeCertificate({ subject: "CN=other" });
    expect(await checkCertificate({ cert: leaf.pem, key: other.keyPem, at: now }, nodeCertificateReader).then(codes)).toEqual([
      "key_mismatch",
    ]);
    const encrypted = createPrivateKey(leaf.keyPem).export({
      type: "pkcs8",
      format: "pem",
      cipher: "aes-256-cbc",
      passphrase: "s3cret",
    }) as string;
    expect(await checkCertificate({ cert: leaf.pem, key: encrypted, at: now }, nodeCertificateReader).then(codes)).toEqual([
      "key_encrypted",
    ]);
    const legacy = createPrivateKey(leaf.keyPem).export({
      type: "sec1",
      format: "pem",
      cipher: "aes-128-cbc",
      passphrase: "s3cret",
    }) as string;
    expect(legacy).toContain("Proc-Type: 4,ENCRYPTED");
    expect(await checkCertificate({ cert: leaf.pem, key: legacy, at: now }, nodeCertificateReader).then(codes)).toEqual(["key_encrypted"]);
    expect(await checkCertificate({ cert: "MIIB...just base64", at: now }, nodeCertificateReader)).toMatchObject({
      ok: false,
      problems: [{ code: "not_pem", params: { part: "cert" } }],
    });
    expect(await checkCertificate({ cert: leaf.pem, key: "AccessKeySecret", at: now }, nodeCertificateReader).then(codes)).toEqual([
      "not_pem",
    ]);
  });

  test("an RSA key in PKCS#1 form is compared too", async () => {
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const pkcs1 = privateKey.export({ type: "pkcs1", format: "pem" }) as string;
    const { leaf } = await makeChain(["api.example.com"]);
    expect(await checkCertificate({ cert: leaf.pem, key: pkcs1, at: now }, nodeCertificateReader).then(codes)).toEqual(["key_mismatch"]);
  });

  test("expired and not_yet_valid at the time given; chain_order when the issuer comes first", async () => {
    const { ca, leaf } = await makeChain(["api.example.com"], {
      notBefore: new Date(now.getTime() - 10 * DAY),
      notAfter: new Date(now.getTime() - DAY),
    });
    expect(await checkCertificate({ cert: leaf.pem, at: now }, nodeCertificateReader)).toMatchObject({
      problems: [{ code: "expired", params: { position: 0 } }],
    });
    expect(await checkCertificate({ cert: leaf.pem, at: new Date(now.getTime() - 20 * DAY) }, nodeCertificateReader).then(codes)).toEqual([
      "not_yet_valid",
    ]);
    const fresh = await makeChain(["api.example.com"]);
    expect(await checkCertificate({ cert: fresh.ca.pem + fresh.leaf.pem, at: now }, nodeCertificateReader).then(codes)).toEqual([
      "chain_order",
    ]);
    const stranger = await makeCertificate({ subject: "CN=Some Other CA", ca: true });
    expect(await checkCertificate({ cert: fresh.leaf.pem + stranger.pem, at: now }, nodeCertificateReader)).toMatchObject({
      problems: [{ code: "chain_order", params: { position: 1 } }],
    });
    expect(await checkCertificate({ cert: leaf.pem + ca.pem, at: now }, nodeCertificateReader).then(codes)).toEqual(["expired"]);
  });
});

describe("cert check in the browser (WebCrypto and @peculiar/x509, here on Node's WebCrypto)", () => {
  test("gives the same answers as the node:crypto reader, for PKCS#8, PKCS#1 and SEC1 keys", async () => {
    const { browserCertificateReader } = await import("@/components/checks/browser-crypto");
    const { ca, leaf } = await makeChain(["api.example.com", "*.api.example.com"]);
    const other = await makeCertificate({ subject: "CN=other" });
    const sec1 = createPrivateKey(leaf.keyPem).export({ type: "sec1", format: "pem" }) as string;
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const pkcs1 = privateKey.export({ type: "pkcs1", format: "pem" }) as string;
    const cases = [
      { cert: leaf.pem + ca.pem, key: leaf.keyPem, domain: "v2.api.example.com" },
      { cert: leaf.pem + ca.pem, key: sec1, domain: "api.example.com" },
      { cert: leaf.pem, key: other.keyPem, domain: "www.example.com" },
      { cert: ca.pem + leaf.pem, key: pkcs1 },
      { cert: leaf.pem, key: "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----" },
    ];
    for (const input of cases) {
      const inNode = await checkCertificate({ ...input, at: now }, nodeCertificateReader);
      const inBrowser = await checkCertificate({ ...input, at: now }, browserCertificateReader);
      expect(codes(inBrowser)).toEqual(codes(inNode));
      expect((inBrowser as { names?: unknown }).names).toEqual((inNode as { names?: unknown }).names);
    }
    expect(codes(await checkCertificate({ cert: leaf.pem, key: sec1, at: now }, browserCertificateReader))).toEqual([]);
  });
});
