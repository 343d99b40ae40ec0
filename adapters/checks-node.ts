/**
 * The Node side of the checks (domain/checks/ has no I/O): DNS through node:dns with the servers in
 * DNS_SERVERS, certificates and keys through node:crypto. Used by `npm run check` and the diagnosis page's server
 * action. A private key is parsed in memory to get its public half, and nothing of it is kept or logged.
 */
import { createPrivateKey, createPublicKey, type KeyObject, X509Certificate } from "node:crypto";
import { Resolver } from "node:dns/promises";
import type { CertificateFacts, CertificateReader } from "../domain/checks/cert";
import { DnsLookupError, type DnsResolver } from "../domain/checks/dns";
import { publicKeyId } from "../domain/checks/public-key";

/** `DNS_SERVERS=127.0.0.1:5353,[::1]:53`: the resolvers to ask, comma-separated; unset, the system's. */
export function dnsResolver(servers = process.env.DNS_SERVERS): DnsResolver {
  const resolver = new Resolver({ timeout: 3000, tries: 2 });
  const list = (servers ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (list.length > 0) resolver.setServers(list);
  const asked = async <T>(question: () => Promise<T>): Promise<T> => {
    try {
      return await question();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "ENOTFOUND") throw new DnsLookupError("nxdomain", "no such domain");
      if (code === "ENODATA") throw new DnsLookupError("nodata", "no record of that type");
      throw new DnsLookupError("failure", code ? `${code} from ${resolver.getServers().join(", ")}` : String(error));
    }
  };
  return {
    cname: (name) => asked(() => resolver.resolveCname(name)),
    async addresses(name) {
      const [v4, v6] = await Promise.all([
        asked(() => resolver.resolve4(name)).catch(() => []),
        asked(() => resolver.resolve6(name)).catch(() => []),
      ]);
      return [...v4, ...v6];
    },
  };
}

/** `DNS:a.example.com, DNS:*.example.com, IP Address:…` (Node quotes an entry that holds a comma). */
function dnsNames(subjectAltName: string | undefined): string[] {
  if (!subjectAltName) return [];
  return [...subjectAltName.matchAll(/(?:^|, )DNS:(?:"((?:[^"\\]|\\.)*)"|([^,]*))/g)].map((m) =>
    m[1] !== undefined ? JSON.parse(`"${m[1]}"`) : m[2]!,
  );
}

function commonName(subject: string): string | null {
  const line = subject.split("\n").find((l) => l.startsWith("CN="));
  return line ? line.slice(3) : null;
}

function publicKeyOfObject(key: KeyObject): string {
  return publicKeyId(key.export({ format: "jwk" }) as Record<string, unknown>);
}

export const nodeCertificateReader: CertificateReader = {
  certificate(pem): CertificateFacts {
    const cert = new X509Certificate(pem);
    return {
      subject: cert.subject.replace(/\n/g, ", "),
      issuer: cert.issuer.replace(/\n/g, ", "),
      commonName: commonName(cert.subject),
      dnsNames: dnsNames(cert.subjectAltName),
      validFrom: new Date(cert.validFrom),
      validTo: new Date(cert.validTo),
      publicKey: publicKeyOfObject(cert.publicKey),
    };
  },
  publicKeyOf(privateKeyPem) {
    // Only the public half is exported; the private KeyObject goes out of scope here.
    return publicKeyOfObject(createPublicKey(createPrivateKey(privateKeyPem)));
  },
};
