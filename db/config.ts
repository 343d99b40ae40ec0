import path from "node:path";

/** Where the embedded database and generated secrets live when no DATABASE_URL is given. */
export function resolveDataDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.DATA_DIR || ".data");
}

/** A connection string fit for logs: `postgres://user:***@host:5432/db`. */
export function describeDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(unparseable DATABASE_URL)";
  }
}

export function databaseTarget(url: string): { host: string; database: string } {
  try {
    const parsed = new URL(url);
    const host = parsed.hostname || parsed.searchParams.get("host") || "localhost";
    return { host: parsed.port ? `${host}:${parsed.port}` : host, database: decodeURIComponent(parsed.pathname.slice(1)) || "(default)" };
  } catch {
    return { host: "(unparseable)", database: "(unparseable)" };
  }
}
