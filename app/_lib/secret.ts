import "server-only";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { resolveDataDir } from "@/db/config";

/**
 * The secret that signs session cookies. AUTH_SECRET wins; otherwise the first start generates one and
 * keeps it in the data folder (mode 0600), so sessions survive restarts and no secret lives in the code.
 */
export function resolveAuthSecret(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.AUTH_SECRET || env.BETTER_AUTH_SECRET;
  if (configured) return configured;
  const dataDir = resolveDataDir(env);
  const file = path.join(dataDir, "auth-secret");
  try {
    return readFileSync(file, "utf8").trim();
  } catch {
    mkdirSync(dataDir, { recursive: true });
    const secret = randomBytes(32).toString("base64url");
    try {
      writeFileSync(file, secret, { flag: "wx", mode: 0o600 });
      return secret;
    } catch {
      // Another worker wrote it first: use theirs so every process signs with the same key.
      return readFileSync(file, "utf8").trim();
    }
  }
}
