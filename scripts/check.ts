/**
 * `npm run --silent check -- KIND ...`: runs one check of a checklist step and prints one JSON object
 * `{"check": KIND, "ok": true|false, "problems": [{"code","message"}], ...facts}`. Exit code 0 when ok, 1 when a
 * problem was found, 2 for a usage error (the usage goes to stderr).
 *
 *   dns DOMAIN --expect GROUP_DOMAIN             the domain's CNAME chain against the group's domain (DNS_SERVERS)
 *   cert --cert FILE --key FILE [--domain NAME]  PEM, domain, key pair, validity, chain order (the key stays in memory)
 *   timestamp VALUE [--at TIME]                  ISO 8601 UTC format and the 15-minute skew (at: now)
 *   signature --server STRING --client STRING_OR_URL [--method GET]   the strings to sign, part by part
 */
import { readFile } from "node:fs/promises";
import { type ParseArgsConfig, parseArgs } from "node:util";
import { checkCertificate } from "../domain/checks/cert";
import { checkDns } from "../domain/checks/dns";
import { CLI_CHECK_KINDS } from "../domain/checks/registry";
import { checkSignature } from "../domain/checks/signature";
import { checkTimestamp } from "../domain/checks/timestamp";
import { dnsResolver, nodeCertificateReader } from "../adapters/checks-node";
import { readFailure } from "./input-files";
import { userPath } from "./user-path";

class UsageError extends Error {}

const USAGE = `Usage: npm run --silent check -- KIND ...
  dns DOMAIN --expect GROUP_DOMAIN
  cert --cert FILE [--key FILE] [--domain NAME] [--at TIME]
  timestamp VALUE [--at TIME]
  signature --server STRING_TO_SIGN --client STRING_TO_SIGN_OR_URL [--method METHOD]`;

/** Every option of every kind: one table, so each kind's branch reads plain strings. */
const OPTIONS = {
  expect: { type: "string" },
  cert: { type: "string" },
  key: { type: "string" },
  domain: { type: "string" },
  at: { type: "string" },
  server: { type: "string" },
  client: { type: "string" },
  method: { type: "string" },
} as const satisfies ParseArgsConfig["options"];

function parse(args: string[]) {
  try {
    return parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

function required(value: unknown, what: string): string {
  if (typeof value !== "string" || value === "") throw new UsageError(`${what} is required`);
  return value;
}

function moment(value: unknown): Date {
  if (value === undefined) return new Date();
  const date = new Date(String(value));
  if (Number.isNaN(date.getTime())) throw new UsageError(`--at ${String(value)} is not a date and time`);
  return date;
}

async function pemFile(file: string, what: string): Promise<string> {
  try {
    return await readFile(userPath(file), "utf8");
  } catch (error) {
    throw new UsageError(`cannot read the ${what} ${file}: ${readFailure(error)}`);
  }
}

async function run(kind: string | undefined, args: string[]): Promise<unknown> {
  if (kind === "dns") {
    const { values, positionals } = parse(args);
    const domain = required(positionals[0], "DOMAIN");
    return checkDns({ domain, expect: required(values.expect, "--expect GROUP_DOMAIN") }, dnsResolver());
  }
  if (kind === "cert") {
    const { values } = parse(args);
    const cert = await pemFile(required(values.cert, "--cert FILE"), "certificate");
    const key = values.key === undefined ? undefined : await pemFile(values.key, "private key");
    return checkCertificate({ cert, key, domain: values.domain, at: moment(values.at) }, nodeCertificateReader);
  }
  if (kind === "timestamp") {
    const { values, positionals } = parse(args);
    return checkTimestamp({ value: required(positionals[0], "VALUE"), at: moment(values.at) });
  }
  if (kind === "signature") {
    const { values } = parse(args);
    const method = typeof values.method === "string" ? values.method : undefined;
    return checkSignature({
      server: required(values.server, "--server STRING_TO_SIGN"),
      client: required(values.client, "--client"),
      method,
    });
  }
  throw new UsageError(kind ? `unknown check ${kind} (one of ${CLI_CHECK_KINDS.join(", ")})` : "KIND is required");
}

const [kind, ...rest] = process.argv.slice(2);
run(kind, rest).then(
  (result) => {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    process.exitCode = (result as { ok: boolean }).ok ? 0 : 1;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`check: ${error.message}\n${USAGE}`);
      process.exitCode = 2;
      return;
    }
    console.error(`check failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
