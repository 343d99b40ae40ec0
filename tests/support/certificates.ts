import { webcrypto } from "node:crypto";
import * as x509 from "@peculiar/x509";

/** Certificates and keys made for a test: real X.509 and PKCS#8, signed with WebCrypto (@peculiar/x509). */
x509.cryptoProvider.set(webcrypto as unknown as Crypto);

const ECDSA = { name: "ECDSA", namedCurve: "P-256", hash: "SHA-256" } as const;
const DAY = 24 * 60 * 60 * 1000;

export type TestCertificate = { pem: string; keyPem: string; keys: CryptoKeyPair; cert: x509.X509Certificate };

function keyPem(der: ArrayBuffer): string {
  return x509.PemConverter.encode(der, "PRIVATE KEY");
}

export async function makeCertificate(options: {
  subject: string;
  dnsNames?: string[];
  issuer?: TestCertificate;
  notBefore?: Date;
  notAfter?: Date;
  ca?: boolean;
}): Promise<TestCertificate> {
  const keys = (await webcrypto.subtle.generateKey(ECDSA, true, ["sign", "verify"])) as CryptoKeyPair;
  const extensions: x509.Extension[] = [new x509.BasicConstraintsExtension(options.ca ?? false, undefined, true)];
  if (options.dnsNames)
    extensions.push(new x509.SubjectAlternativeNameExtension(options.dnsNames.map((value) => ({ type: "dns" as const, value }))));
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: String(Math.floor(Math.random() * 1e9) + 1),
    subject: options.subject,
    issuer: options.issuer?.cert.subject ?? options.subject,
    notBefore: options.notBefore ?? new Date(Date.now() - DAY),
    notAfter: options.notAfter ?? new Date(Date.now() + 90 * DAY),
    signingAlgorithm: ECDSA,
    publicKey: keys.publicKey,
    signingKey: options.issuer?.keys.privateKey ?? keys.privateKey,
    extensions,
  });
  return { pem: cert.toString("pem"), keyPem: keyPem(await webcrypto.subtle.exportKey("pkcs8", keys.privateKey)), keys, cert };
}

/** A CA and a leaf it issued for `dnsNames`: what a customer uploads, the leaf first. */
export async function makeChain(dnsNames: string[], leafOptions: { notBefore?: Date; notAfter?: Date } = {}) {
  const ca = await makeCertificate({ subject: "CN=ErrorDesk Test CA", ca: true });
  const leaf = await makeCertificate({ subject: `CN=${dnsNames[0]}`, dnsNames, issuer: ca, ...leafOptions });
  return { ca, leaf };
}
