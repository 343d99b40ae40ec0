/**
 * The cert check's reader in the browser (WebCrypto and @peculiar/x509): the private key is imported here, in the
 * reader's tab, to get its public half, and is never sent anywhere. Node's reader is adapters/checks-node.ts; both
 * give public keys as publicKeyId strings, so the check compares them the same way.
 */
import * as x509 from "@peculiar/x509";
import type { CertificateFacts, CertificateReader } from "@/domain/checks/cert";
import { pemBlocks } from "@/domain/checks/pem";
import { publicKeyId } from "@/domain/checks/public-key";

function base64Bytes(pem: string): Uint8Array<ArrayBuffer> {
  const body = pem
    .replace(/-----[^-]+-----/g, "")
    .replace(/^[A-Za-z-]+:.*$/gm, "")
    .replace(/\s+/g, "");
  const binary = atob(body);
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** DER: a tag, its length, its content. Enough to wrap a PKCS#1 or SEC1 key into the PKCS#8 WebCrypto imports. */
function der(tag: number, ...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const length = parts.reduce((sum, part) => sum + part.length, 0);
  const lengthBytes = length < 0x80 ? [length] : length < 0x100 ? [0x81, length] : [0x82, length >> 8, length & 0xff];
  const out = new Uint8Array(1 + lengthBytes.length + length);
  out.set([tag, ...lengthBytes]);
  let offset = 1 + lengthBytes.length;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

const bytes = (...values: number[]) => Uint8Array.from(values);
const VERSION_0 = bytes(0x02, 0x01, 0x00);
const RSA_ALGORITHM = der(0x30, bytes(0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01), bytes(0x05, 0x00));
const EC_PUBLIC_KEY = bytes(0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01);
const CURVES = {
  "P-256": bytes(0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07),
  "P-384": bytes(0x06, 0x05, 0x2b, 0x81, 0x04, 0x00, 0x22),
  "P-521": bytes(0x06, 0x05, 0x2b, 0x81, 0x04, 0x00, 0x23),
} as const;

/** Each way the key could be imported: PKCS#8 as it is, or a PKCS#1 / SEC1 key wrapped into PKCS#8. */
function candidates(
  label: string,
  body: Uint8Array<ArrayBuffer>,
): [Uint8Array<ArrayBuffer>, RsaHashedImportParams | EcKeyImportParams | Algorithm][] {
  const rsa = { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" };
  const curves = Object.keys(CURVES) as (keyof typeof CURVES)[];
  if (label === "RSA PRIVATE KEY") return [[der(0x30, VERSION_0, RSA_ALGORITHM, der(0x04, body)), rsa]];
  if (label === "EC PRIVATE KEY")
    return curves.map((curve) => [
      der(0x30, VERSION_0, der(0x30, EC_PUBLIC_KEY, CURVES[curve]), der(0x04, body)),
      { name: "ECDSA", namedCurve: curve },
    ]);
  return [
    [body, rsa],
    ...curves.map((curve): [Uint8Array<ArrayBuffer>, EcKeyImportParams] => [body, { name: "ECDSA", namedCurve: curve }]),
    [body, { name: "Ed25519" }],
  ];
}

async function privateKeyPublicId(pem: string): Promise<string> {
  const block = pemBlocks(pem)[0];
  if (!block) throw new Error("no PEM block");
  for (const [pkcs8, algorithm] of candidates(block.label, base64Bytes(block.text))) {
    try {
      const key = await crypto.subtle.importKey("pkcs8", pkcs8, algorithm, true, ["sign"]);
      // The JWK of a private key carries its public members too; only those are read.
      return publicKeyId((await crypto.subtle.exportKey("jwk", key)) as Record<string, unknown>);
    } catch {
      // Not this algorithm or curve: try the next.
    }
  }
  throw new Error("unsupported key");
}

export const browserCertificateReader: CertificateReader = {
  async certificate(pem): Promise<CertificateFacts> {
    const cert = new x509.X509Certificate(pem);
    const san = cert.getExtension(x509.SubjectAlternativeNameExtension);
    const dnsNames = san ? san.names.items.filter((name) => name.type === "dns").map((name) => name.value) : [];
    const publicKey = await crypto.subtle.exportKey("jwk", await cert.publicKey.export());
    return {
      subject: cert.subject,
      issuer: cert.issuer,
      commonName: cert.subjectName.getField("CN")[0] ?? null,
      dnsNames,
      validFrom: cert.notBefore,
      validTo: cert.notAfter,
      publicKey: publicKeyId(publicKey as Record<string, unknown>),
    };
  },
  publicKeyOf: privateKeyPublicId,
};
