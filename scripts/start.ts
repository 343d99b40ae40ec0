/**
 * `npm start`: the one command a newcomer runs. Checks the database settings, builds the app when the
 * sources changed since the last build, serves it, and prints where to go and how to sign in.
 *
 * The app is served by Next's programmatic API behind a plain Node HTTP server rather than `next start`,
 * because route handlers never see the connection's address: this server works out the client's address
 * (the socket, or X-Forwarded-For from a proxy listed in TRUSTED_PROXIES) and hands it to the app in
 * CLIENT_ADDRESS_HEADER, replacing any copy the client sent. The sign-in and setup limits count by it. It also
 * serves the build's scripts and styles itself, from the compressed copies scripts/precompress.ts writes.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import path from "node:path";
import sirv from "sirv";
import { SECURITY_HEADERS } from "../next.config.js";
import { openDatabase } from "../db/client";
import { resolveDataDir } from "../db/config";
import { readLiveLock } from "../db/embedded-lock";
import { CLIENT_ADDRESS_HEADER, clientAddress, parseTrustedProxies, type TrustedProxies } from "../domain/auth/client-address";
import { buildInputsHash } from "./build-hash";
import { addCompileHints } from "./compile-hints";
import { precompressStatic } from "./precompress";

const root = path.resolve(import.meta.dirname, "..");
const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || "0.0.0.0";
const nextBin = path.join(root, "node_modules/next/dist/bin/next");

function fail(message: string): never {
  console.error(`ErrorDesk cannot start: ${message}`);
  process.exit(1);
}

async function checkDatabase(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (url) {
    try {
      await (await openDatabase({ databaseUrl: url, poolSize: 1 })).close();
    } catch (error) {
      fail(error instanceof Error ? error.message : String(error));
    }
    return;
  }
  const holder = readLiveLock(resolveDataDir());
  if (holder)
    fail(
      `the embedded database in ${resolveDataDir()} is already in use by process ${holder.pid}${holder.port ? ` (ErrorDesk on port ${holder.port})` : ""}.`,
    );
}

function buildIfStale(): void {
  const stamp = path.join(root, ".next/errordesk-source-hash");
  const hash = buildInputsHash(root);
  if (existsSync(path.join(root, ".next/BUILD_ID")) && existsSync(stamp) && readFileSync(stamp, "utf8") === hash) return;
  console.log("Building ErrorDesk (the first start takes a minute or two)...");
  const build = spawnSync(process.execPath, [nextBin, "build"], {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (build.status !== 0) {
    process.stderr.write(build.stdout);
    process.stderr.write(build.stderr);
    fail("the build failed (output above).");
  }
  writeFileSync(stamp, hash);
}

function trustedProxies(): TrustedProxies {
  const parsed = parseTrustedProxies(process.env.TRUSTED_PROXIES);
  if ("error" in parsed) fail(parsed.error);
  return parsed;
}

/** Replaces whatever the client sent in CLIENT_ADDRESS_HEADER by the address worked out from the connection. */
function stampClientAddress(request: IncomingMessage, proxies: TrustedProxies): void {
  const address = clientAddress(request.socket.remoteAddress, request.headers["x-forwarded-for"], proxies);
  delete request.headers[CLIENT_ADDRESS_HEADER];
  const raw = request.rawHeaders;
  for (let i = raw.length - 2; i >= 0; i -= 2) if (raw[i]!.toLowerCase() === CLIENT_ADDRESS_HEADER) raw.splice(i, 2);
  if (!address) return;
  request.headers[CLIENT_ADDRESS_HEADER] = address;
  raw.push(CLIENT_ADDRESS_HEADER, address);
}

const STATIC_PREFIX = "/_next/static/";

/** The headers Next adds to its own answers (next.config.js), for the answers this server gives itself. */
function setSecurityHeaders(response: ServerResponse): void {
  for (const { key, value } of SECURITY_HEADERS) response.setHeader(key, value);
}

/**
 * The build's files under STATIC_PREFIX, each in the smallest encoding the browser accepts. Their names change with
 * their content, so they may be cached for good, as Next's own answer for them says. Read once: create it after the
 * build and precompressStatic.
 */
function staticFiles() {
  return sirv(path.join(root, ".next/static"), {
    brotli: true,
    gzip: true,
    etag: true,
    maxAge: 31_536_000,
    immutable: true,
    setHeaders(response, pathname) {
      setSecurityHeaders(response);
      // sirv names the type without a charset; the scripts hold Chinese text.
      if (pathname.endsWith(".js")) response.setHeader("Content-Type", "text/javascript; charset=utf-8");
      if (pathname.endsWith(".css")) response.setHeader("Content-Type", "text/css; charset=utf-8");
    },
  });
}

function refuseStaticMethod(response: ServerResponse): void {
  setSecurityHeaders(response);
  response.writeHead(405, { allow: "GET, HEAD", "content-type": "application/json" });
  response.end(JSON.stringify({ error: { code: "method_not_allowed", message: "Static files can only be read (GET or HEAD)." } }));
}

async function serve(proxies: TrustedProxies): Promise<void> {
  // As `next start` does; set before Next is loaded, which reads it at import.
  Object.assign(process.env, { NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", PORT: String(port) });
  const { default: next } = await import("next");
  const app = next({ dev: false, dir: root, hostname: host, port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const answerByNext = (request: IncomingMessage, response: ServerResponse) => {
    stampClientAddress(request, proxies);
    // Next answers its own errors; this only keeps a failure outside them from ending the process.
    handle(request, response).catch((error: unknown) => {
      console.error(`ErrorDesk could not answer ${request.method} request: ${error instanceof Error ? error.message : String(error)}`);
      if (response.headersSent) return void response.destroy();
      response.writeHead(500, { "content-type": "application/json" });
      response.end(JSON.stringify({ error: { code: "internal", message: "The server could not answer this request." } }));
    });
  };
  const serveStatic = staticFiles();
  const server = createServer((request, response) => {
    const url = request.url ?? "/";
    if (!url.startsWith(STATIC_PREFIX)) return answerByNext(request, response);
    // Next answered a POST to a script with a 500.
    if (request.method !== "GET" && request.method !== "HEAD") return refuseStaticMethod(response);
    // sirv finds files by their path under .next/static; what it does not hold (a 404) goes on to Next.
    request.url = url.slice(STATIC_PREFIX.length - 1);
    serveStatic(request, response, () => {
      request.url = url;
      answerByNext(request, response);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, resolve);
  });
  server.removeAllListeners("error");
  server.on("error", (error) => console.error(`ErrorDesk server error: ${error.message}`));
  for (const [signal, code] of [
    ["SIGINT", 130],
    ["SIGTERM", 143],
  ] as const) {
    process.once(signal, () => {
      server.close();
      server.closeAllConnections();
      void app.close().finally(() => process.exit(code));
    });
  }
}

async function main() {
  const proxies = trustedProxies();
  await checkDatabase();
  buildIfStale();
  addCompileHints(path.join(root, ".next"));
  precompressStatic(path.join(root, ".next"));
  try {
    await serve(proxies);
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === "EADDRINUSE"
        ? `port ${port} is already in use (set PORT to another one).`
        : error instanceof Error
          ? error.message
          : String(error);
    fail(reason);
  }

  const baseUrl = `http://localhost:${port}`;
  const setup = await fetch(`${baseUrl}/setup`, { redirect: "manual" }).catch(() => null);
  const engine = process.env.DATABASE_URL ? "the Postgres server in DATABASE_URL" : `the embedded database in ${resolveDataDir()}`;
  console.log(`\nErrorDesk is ready at ${baseUrl} (using ${engine}).`);
  if (setup?.status === 200) console.log(`First run: open ${baseUrl}/setup to create the admin account.`);
  else if (process.env.ADMIN_EMAIL) console.log(`Sign in at ${baseUrl}/sign-in as ${process.env.ADMIN_EMAIL}.`);
  else console.log(`Sign in at ${baseUrl}/sign-in.`);
}

void main();
