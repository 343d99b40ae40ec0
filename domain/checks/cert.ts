import { certificateCoversHost, namesToMatch } from "./hostname";
import { isEncryptedKey, isPrivateKeyLabel, pemBlocks } from "./pem";
import { problem, resultOf, type CheckProblem } from "./types";

/** What the check needs to know of one certificate, read by node:crypto (adapters/) or by the browser. */
export type CertificateFacts = {
  subject: string;
  issuer: string;
  commonName: string | null;
  /** The DNS names among its subject alternative names. */
  dnsNames: string[];
  validFrom: Date;
  validTo: Date;
  /** Its public key in a comparable form (the same form `KeyReader` gives a private key's public half). */
  publicKey: string;
};

/**
 * Reads certificates and keys. The private key is used in memory only: the reader gives back its public half,
 * and nothing of the key is kept, returned or logged.
 */
export type CertificateReader = {
  /** Throws (or rejects) when the block is not a certificate it can read. */
  certificate(pem: string): CertificateFacts | Promise<CertificateFacts>;
  /** The public half of an unencrypted private key; throws when it cannot read the key. */
  publicKeyOf(privateKeyPem: string): string | Promise<string>;
};

export type CertInput = { cert: string; key?: string; domain?: string; at: Date };

async function readChain(cert: string, reader: CertificateReader): Promise<CertificateFacts[] | CheckProblem> {
  const blocks = pemBlocks(cert).filter((b) => b.label === "CERTIFICATE");
  if (blocks.length === 0) return problem("not_pem", "The certificate is not PEM: no -----BEGIN CERTIFICATE----- block", { part: "cert" });
  try {
    return await Promise.all(blocks.map((block) => reader.certificate(block.text)));
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return problem("not_pem", `A CERTIFICATE block cannot be read: ${why}`, { part: "cert" });
  }
}

function validityProblems(chain: CertificateFacts[], at: Date): CheckProblem[] {
  return chain.flatMap((cert, position) => {
    const which = position === 0 ? "The certificate" : `Chain certificate ${position + 1} (${cert.subject})`;
    if (at > cert.validTo)
      return [problem("expired", `${which} expired on ${cert.validTo.toISOString()}`, { position, validTo: cert.validTo.toISOString() })];
    if (at < cert.validFrom)
      return [
        problem("not_yet_valid", `${which} is valid only from ${cert.validFrom.toISOString()}`, {
          position,
          validFrom: cert.validFrom.toISOString(),
        }),
      ];
    return [];
  });
}

/** The domain's certificate first, then each one's issuer: what the gateway and every TLS client expect. */
function chainOrderProblems(chain: CertificateFacts[]): CheckProblem[] {
  const wrong = chain.findIndex((cert, i) => i + 1 < chain.length && cert.issuer !== chain[i + 1]!.subject);
  if (wrong < 0) return [];
  return [
    problem(
      "chain_order",
      `Certificate ${wrong + 2} (${chain[wrong + 1]!.subject}) did not issue certificate ${wrong + 1}: put the domain's certificate first, then each issuer`,
      {
        position: wrong + 1,
      },
    ),
  ];
}

async function keyProblems(key: string, leaf: CertificateFacts, reader: CertificateReader): Promise<CheckProblem[]> {
  const block = pemBlocks(key).find((b) => isPrivateKeyLabel(b.label));
  if (!block) return [problem("not_pem", "The private key is not PEM: no -----BEGIN … PRIVATE KEY----- block", { part: "key" })];
  if (isEncryptedKey(block))
    return [problem("key_encrypted", "The private key is encrypted with a passphrase; the gateway needs it unencrypted")];
  let publicKey: string;
  try {
    publicKey = await reader.publicKeyOf(block.text);
  } catch {
    // The reader's message could quote the key; say only that it was unreadable.
    return [problem("not_pem", "The private key block cannot be read as a key", { part: "key" })];
  }
  return publicKey === leaf.publicKey
    ? []
    : [problem("key_mismatch", "The private key does not belong to the certificate (their public keys differ)")];
}

/**
 * CertificateNotMatch, CertificateKeyNotMatch, PrivateKeyEncrypted, CertificateSecretKeyError and
 * DomainCertificateNotFound: the PEM, the domain (SANs and subject by RFC 6125), the key pair, the validity at
 * `at` and the chain's order. Facts of the domain's certificate come back; nothing of the key does.
 */
export async function checkCertificate({ cert, key, domain, at }: CertInput, reader: CertificateReader) {
  const chain = await readChain(cert, reader);
  if (!Array.isArray(chain)) return resultOf("cert", [chain], { certificates: 0 });
  const leaf = chain[0]!;
  const problems: CheckProblem[] = [];
  if (domain && !certificateCoversHost(leaf.dnsNames, leaf.commonName, domain)) {
    const names = namesToMatch(leaf.dnsNames, leaf.commonName);
    problems.push(
      problem("domain_mismatch", `The certificate is for ${names.join(", ") || "no name"}, not ${domain}`, {
        domain,
        names: names.join(", "),
      }),
    );
  }
  if (key !== undefined) problems.push(...(await keyProblems(key, leaf, reader)));
  problems.push(...validityProblems(chain, at), ...chainOrderProblems(chain));
  return resultOf("cert", problems, {
    certificates: chain.length,
    subject: leaf.subject,
    names: namesToMatch(leaf.dnsNames, leaf.commonName),
    validFrom: leaf.validFrom.toISOString(),
    validTo: leaf.validTo.toISOString(),
    keyChecked: key !== undefined,
  });
}
