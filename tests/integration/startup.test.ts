import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, test } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

describe("npm start with a bad DATABASE_URL", () => {
  test.each([
    ["an unreachable server", "postgres://errordesk:hunter2-secret@127.0.0.1:1/errordesk_prod", "127.0.0.1:1", "errordesk_prod"],
    ["an unknown host", "postgres://errordesk:hunter2-secret@no-such-host.invalid:5432/tickets", "no-such-host.invalid:5432", "tickets"],
  ])(
    "stops with one line naming host and database for %s, password hidden",
    (_label, url, host, database) => {
      const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
        cwd: root,
        env: { ...process.env, DATABASE_URL: url, PORT: "3999" },
        encoding: "utf8",
        timeout: 60_000,
      });
      expect(run.status).toBe(1);
      const lines = run.stderr.trim().split("\n");
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(host);
      expect(lines[0]).toContain(`"${database}"`);
      expect(run.stderr + run.stdout).not.toContain("hunter2-secret");
      expect(run.stderr).not.toMatch(/\n\s+at /);
    },
    60_000,
  );
});
