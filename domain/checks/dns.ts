import { problem, resultOf, type CheckProblem } from "./types";

/** Why a DNS question got no answer: the name does not exist, it has no record of that type, or the lookup failed. */
export class DnsLookupError extends Error {
  constructor(
    readonly kind: "nxdomain" | "nodata" | "failure",
    message: string,
  ) {
    super(message);
  }
}

/** The DNS questions the check asks, answered by a resolver (adapters/checks-node.ts) or a test. */
export type DnsResolver = {
  /** The name's CNAME target(s); throws DnsLookupError. */
  cname(name: string): Promise<string[]>;
  /** The IPv4 and IPv6 addresses the name resolves to (following CNAMEs); throws DnsLookupError. */
  addresses(name: string): Promise<string[]>;
};

/** A CNAME chain longer than this is a loop or a misconfiguration; resolvers give up earlier. */
const MAX_CHAIN = 8;

function canonical(name: string): string {
  return name.trim().toLowerCase().replace(/\.$/, "");
}

async function cnameChain(domain: string, resolver: DnsResolver): Promise<{ chain: string[]; missing: string | null }> {
  const chain: string[] = [];
  let name = domain;
  while (chain.length < MAX_CHAIN) {
    try {
      const [target] = await resolver.cname(name);
      if (!target) break;
      chain.push(canonical(target));
      name = target;
    } catch (error) {
      if (error instanceof DnsLookupError && error.kind === "nodata") break;
      if (error instanceof DnsLookupError && error.kind === "nxdomain") return { chain, missing: canonical(name) };
      throw error;
    }
  }
  return { chain, missing: null };
}

export type DnsInput = {
  /** The custom domain bound to the API group. */
  domain: string;
  /** The group's second-level domain (`…-cn-hangzhou.alicloudapi.com`) the domain must CNAME to. */
  expect: string;
};

/**
 * DomainNotResolved: API Gateway binds a custom domain only when it is a CNAME of the group's second-level
 * domain. `nxdomain`: the name (or a CNAME target) does not exist; `no_cname`: it has no CNAME (an A record, say);
 * `cname_mismatch`: its CNAME chain never reaches the group's domain. `resolvesTo` is what it resolves to now.
 */
export async function checkDns({ domain, expect }: DnsInput, resolver: DnsResolver) {
  const name = canonical(domain);
  const expected = canonical(expect);
  const problems: CheckProblem[] = [];
  let chain: string[] = [];
  let lookupFailure: string | null = null;
  try {
    const found = await cnameChain(name, resolver);
    chain = found.chain;
    if (found.missing === name) problems.push(problem("nxdomain", `${name} does not exist in DNS (NXDOMAIN)`, { domain: name }));
    else if (found.missing)
      problems.push(
        problem("nxdomain", `${name} is a CNAME of ${found.missing}, which does not exist (NXDOMAIN)`, { domain: found.missing }),
      );
  } catch (error) {
    lookupFailure = error instanceof Error ? error.message : String(error);
    problems.push(problem("lookup_failed", `The DNS lookup of ${name} failed: ${lookupFailure}`, { domain: name }));
  }
  if (problems.length === 0 && chain.length === 0) {
    problems.push(problem("no_cname", `${name} has no CNAME record; it must be a CNAME of ${expected}`, { domain: name, expected }));
  } else if (problems.length === 0 && !chain.includes(expected)) {
    problems.push(
      problem("cname_mismatch", `${name} is a CNAME of ${chain.join(" → ")}, not of ${expected}`, {
        domain: name,
        expected,
        actual: chain[0]!,
      }),
    );
  }
  let resolvesTo: string[] = [];
  if (!lookupFailure) resolvesTo = await resolver.addresses(name).catch(() => []);
  return resultOf("dns", problems, { domain: name, expect: expected, cnameChain: chain, resolvesTo });
}
