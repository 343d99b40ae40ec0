/**
 * How `events:import` and `demo:events` get events into the database. With DATABASE_URL they write to the
 * server. Otherwise, when the app is running it has the embedded folder open (PGlite must never be opened
 * twice), so the events go through POST /api/v1/events with the local token the app left in the data folder,
 * in bodies under the 1 MB limit; when the app is not running, the tool opens the folder itself.
 */
import { openDatabase } from "../db/client";
import { resolveDataDir } from "../db/config";
import { EmbeddedDatabaseBusyError, readLiveLock } from "../db/embedded-lock";
import { insertRequestEvents } from "../db/mutations/request-events";
import { LOCAL_TOKEN_HEADER } from "../domain/auth/local-token";
import { MAX_INPUT_BYTES } from "../domain/diagnosis-service/limits";
import { parseEvents, splitEventRecords, type EventError, type EventPosition, type IngestSummary } from "../domain/events";

/** Leaves room under the route's 1 MB limit. */
const BODY_BUDGET = MAX_INPUT_BYTES - 64 * 1024;

export type Delivery = IngestSummary & { via: "postgres" | "embedded" | "running app" };

export async function deliverEvents(text: string): Promise<Delivery> {
  const url = process.env.DATABASE_URL;
  if (url) return { ...(await storeDirectly(text, { databaseUrl: url, poolSize: 1 })), via: "postgres" };
  const dataDir = resolveDataDir();
  const holder = readLiveLock(dataDir);
  if (holder?.port) return { ...(await sendToRunningApp(text, holder.port, holder.localToken)), via: "running app" };
  if (holder) throw new EmbeddedDatabaseBusyError(dataDir, holder);
  return { ...(await storeDirectly(text, { dataDir })), via: "embedded" };
}

async function storeDirectly(text: string, options: Parameters<typeof openDatabase>[0]): Promise<IngestSummary> {
  const parsed = parseEvents(text);
  const database = await openDatabase(options);
  try {
    await database.migrate();
    const { inserted, duplicates } = parsed.events.length
      ? await insertRequestEvents(database.db, parsed.events)
      : { inserted: 0, duplicates: 0 };
    return { received: parsed.received, inserted, duplicates, errors: parsed.errors };
  } finally {
    await database.close();
  }
}

/**
 * Records go one per line (NDJSON) in bodies under the limit; the app's line numbers are mapped back to the
 * record's place in the file, so the report names the file's lines.
 */
async function sendToRunningApp(text: string, port: number, token: string): Promise<IngestSummary> {
  const { records, errors } = splitEventRecords(text);
  const all: EventError[] = [...errors];
  let inserted = 0;
  let duplicates = 0;
  let batch: { line: string; position: EventPosition }[] = [];
  let batchBytes = 0;

  const flush = async () => {
    if (batch.length === 0) return;
    const body = batch.map((b) => b.line).join("\n");
    const response = await fetch(`http://127.0.0.1:${port}/api/v1/events`, {
      method: "POST",
      headers: { [LOCAL_TOKEN_HEADER]: token, "content-type": "application/x-ndjson" },
      body,
    });
    const answer = (await response.json().catch(() => null)) as (IngestSummary & { error?: { message?: string } }) | null;
    if (!answer || (!response.ok && response.status !== 400) || !Array.isArray(answer.errors)) {
      throw new Error(
        `the running app on port ${port} answered ${response.status}${answer?.error?.message ? `: ${answer.error.message}` : ""}`,
      );
    }
    inserted += answer.inserted ?? 0;
    duplicates += answer.duplicates ?? 0;
    for (const error of answer.errors) {
      const origin = error.line ? batch[error.line - 1]?.position : undefined;
      all.push({ ...(origin ?? {}), error: error.error });
    }
    batch = [];
    batchBytes = 0;
  };

  for (const { record, ...position } of records) {
    const line = JSON.stringify(record);
    const bytes = Buffer.byteLength(line) + 1;
    if (bytes > BODY_BUDGET) {
      all.push({ ...position, error: "this event alone is larger than 1 MB" });
      continue;
    }
    if (batchBytes + bytes > BODY_BUDGET) await flush();
    batch.push({ line, position });
    batchBytes += bytes;
  }
  await flush();
  const badLines = errors.filter((e) => e.line !== undefined || e.item !== undefined).length;
  return { received: records.length + badLines, inserted, duplicates, errors: sortErrors(all) };
}

function sortErrors(errors: EventError[]): EventError[] {
  return errors.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.item ?? 0) - (b.item ?? 0));
}

export function describePosition(error: EventError): string {
  if (error.line && error.item) return `line ${error.line}, item ${error.item}`;
  if (error.line) return `line ${error.line}`;
  if (error.item) return `item ${error.item}`;
  return "input";
}
