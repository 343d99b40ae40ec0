/**
 * A DNS server on 127.0.0.1 (UDP, port chosen by the system) answering from a small zone, built on the `dns2`
 * package, so the dns check is tested against real DNS answers through node:dns. A name absent from the zone is
 * NXDOMAIN; a question for A/AAAA follows the name's CNAME chain as a recursive resolver would.
 *
 *   const dns = await startLoopbackDns({ "api.example.com": { cname: "abc-cn-hangzhou.alicloudapi.com" }, ... });
 *   DNS_SERVERS=127.0.0.1:${dns.port}  ...;  await dns.close();
 */
import dns2 from "dns2";

const { Packet } = dns2;

export type ZoneRecord = { cname?: string; a?: string[] };
export type Zone = Record<string, ZoneRecord>;
export type LoopbackDns = { port: number; servers: string; close(): Promise<void> };

/** dns2 encodes plain objects; its typings ask for a decoded Resource (with toBuffer), hence the cast. */
const record = (name: string, type: number, data: { domain?: string; address?: string }) =>
  ({ name, type, class: Packet.CLASS.IN, ttl: 60, ...data }) as unknown as dns2.Packet.Resource;
/** RFC 1035 rcode 3; dns2 has Packet.RCODE but its typings do not. */
const NXDOMAIN = 3;

/** `port` 0 lets the system choose one. */
export async function startLoopbackDns(zone: Zone, port = 0): Promise<LoopbackDns> {
  const server = dns2.createServer({
    udp: true,
    handle(request, send) {
      const response = Packet.createResponseFromRequest(request);
      const question = request.questions[0]!;
      let name = question.name.toLowerCase();
      if (!zone[name]) response.header.rcode = NXDOMAIN;
      // Follow the chain for address questions; a CNAME question gets the name's own CNAME only.
      for (let hops = 0; zone[name] && hops < 8; hops++) {
        const entry = zone[name]!;
        if (entry.cname) {
          response.answers.push(record(name, Packet.TYPE.CNAME, { domain: entry.cname }));
          if (question.type === Packet.TYPE.CNAME) break;
          name = entry.cname;
          if (!zone[name] && hops === 0) break;
          continue;
        }
        if (question.type === Packet.TYPE.A)
          for (const address of entry.a ?? []) response.answers.push(record(name, Packet.TYPE.A, { address }));
        break;
      }
      send(response);
    },
  });
  const addresses = await server.listen({ udp: { port, address: "127.0.0.1" } });
  const bound = addresses.udp!.port;
  return { port: bound, servers: `127.0.0.1:${bound}`, close: () => server.close() };
}
