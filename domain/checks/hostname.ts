/**
 * Whether a certificate name covers a host, by RFC 6125 section 6.4: case-insensitive, a trailing dot ignored;
 * a `*` only as the whole left-most label, standing for exactly one label (`*.example.com` covers
 * `a.example.com`, not `example.com` nor `a.b.example.com`), and never over a bare second-level name (`*.com`).
 */
export function nameCoversHost(certificateName: string, host: string): boolean {
  const pattern = certificateName.trim().toLowerCase().replace(/\.$/, "");
  const name = host.trim().toLowerCase().replace(/\.$/, "");
  if (!pattern.includes("*")) return pattern === name;
  const [first, ...rest] = pattern.split(".");
  if (first !== "*" || rest.length < 2 || rest.some((label) => label.includes("*"))) return false;
  const [hostFirst, ...hostRest] = name.split(".");
  return hostFirst !== undefined && hostFirst !== "" && hostRest.join(".") === rest.join(".");
}

/** RFC 6125 section 6.4.4: the subject's CN counts only when the certificate has no DNS name in its SANs. */
export function namesToMatch(dnsNames: readonly string[], commonName: string | null): string[] {
  return dnsNames.length > 0 ? [...dnsNames] : commonName ? [commonName] : [];
}

export function certificateCoversHost(dnsNames: readonly string[], commonName: string | null, host: string): boolean {
  return namesToMatch(dnsNames, commonName).some((name) => nameCoversHost(name, host));
}
