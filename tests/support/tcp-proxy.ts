/**
 * A TCP relay on 127.0.0.1 in front of a database server, so a test can take the database away from the app
 * and give it back without touching the shared server:
 *
 *   const relay = await startTcpProxy("127.0.0.1", 5432);
 *   ... open the app's pool on 127.0.0.1:${relay.port} ...
 *   await relay.cut();      // open connections drop, new ones are refused (ECONNREFUSED)
 *   await relay.restore();  // listens again on the same port
 *   await relay.close();
 */
import { createServer, connect, type Server, type Socket } from "node:net";
import type { AddressInfo } from "node:net";

export type TcpProxy = { port: number; cut(): Promise<void>; restore(): Promise<void>; close(): Promise<void> };

export async function startTcpProxy(targetHost: string, targetPort: number): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  let server: Server | null = null;
  let port = 0;

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const next = createServer((client) => {
        const upstream = connect(targetPort, targetHost);
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on("close", () => sockets.delete(socket));
          // A reset on one side ends the other; the app's driver sees a lost connection, as on a real outage.
          socket.on("error", () => {
            client.destroy();
            upstream.destroy();
          });
        }
        client.pipe(upstream).pipe(client);
      });
      next.once("error", reject);
      next.listen(port, "127.0.0.1", () => {
        server = next;
        port = (next.address() as AddressInfo).port;
        resolve();
      });
    });

  const stop = async () => {
    const closing = server;
    server = null;
    for (const socket of sockets) socket.destroy();
    if (closing) await new Promise<void>((resolve) => closing.close(() => resolve()));
  };

  await listen();
  return {
    get port() {
      return port;
    },
    cut: stop,
    restore: listen,
    close: stop,
  };
}
