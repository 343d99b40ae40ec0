import { BlockList, isIP } from "node:net";

/**
 * The header through which ErrorDesk's server (scripts/start.ts) tells the app who the client is. The
 * server drops any copy a client sends and sets it from the connection, so the rate limits can trust it.
 */
export const CLIENT_ADDRESS_HEADER = "x-errordesk-client-address";

export type TrustedProxies = { list: BlockList; entries: readonly string[] };

/**
 * Reads TRUSTED_PROXIES: IP addresses and CIDR ranges, comma-separated (`10.0.0.5, 192.168.0.0/16, fd00::/8`).
 * Unset or empty trusts nobody: X-Forwarded-For is then ignored and the connection's address is the client.
 */
export function parseTrustedProxies(setting: string | undefined): TrustedProxies | { error: string } {
  const list = new BlockList();
  const entries = (setting ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  for (const entry of entries) {
    const [address = "", prefix, extra] = entry.split("/");
    const family = isIP(address);
    const bits = prefix === undefined ? (family === 6 ? 128 : 32) : /^\d{1,3}$/.test(prefix) ? Number(prefix) : NaN;
    if (!family || extra !== undefined || !(bits >= 0 && bits <= (family === 6 ? 128 : 32))) {
      return { error: `TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range (such as 10.0.0.5 or 10.0.0.0/8).` };
    }
    list.addSubnet(address, bits, family === 6 ? "ipv6" : "ipv4");
  }
  return { list, entries };
}

/** A bare address from a socket or an X-Forwarded-For hop: IPv4-mapped IPv6 as IPv4, brackets and ports removed. */
function plainAddress(hop: string): string | null {
  let value = hop.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(value)) value = value.slice(0, value.indexOf(":"));
  if (/^::ffff:[\d.]+$/i.test(value)) value = value.slice(7);
  return isIP(value) ? value.toLowerCase() : null;
}

const isTrusted = (address: string, proxies: TrustedProxies) => proxies.list.check(address, isIP(address) === 6 ? "ipv6" : "ipv4");

/**
 * The client's address: the connection's peer, unless that peer is a trusted proxy; then X-Forwarded-For
 * is walked from the right (each proxy appends the address it received from) past every trusted hop, and
 * the first untrusted one is the client. Hops left of it are whatever the client claimed, never used.
 * A hop that is not an address ends the walk at the proxy that passed it on; when every hop is trusted,
 * the leftmost is the client. Null only without a socket address.
 */
export function clientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  proxies: TrustedProxies,
): string | null {
  const peer = socketAddress ? plainAddress(socketAddress) : null;
  if (!peer || !isTrusted(peer, proxies)) return peer;
  const hops = [forwardedFor ?? []]
    .flat()
    .join(",")
    .split(",")
    .filter((hop) => hop.trim() !== "");
  let client = peer;
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = plainAddress(hops[i]!);
    if (!hop) return client;
    client = hop;
    if (!isTrusted(hop, proxies)) return hop;
  }
  return client;
}

/** The address ErrorDesk's server put in CLIENT_ADDRESS_HEADER for this request; null when served another way. */
export function clientAddressOf(requestHeaders: Headers): string | null {
  const value = requestHeaders.get(CLIENT_ADDRESS_HEADER)?.trim();
  return value && isIP(value) ? value : null;
}
