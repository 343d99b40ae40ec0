// The embedded database's own thread (see db/pglite-thread.ts). A plain ES module outside Next's bundle, found from
// the project root at run time like the diagnosis worker, so it runs the same under `npm start` and the test runner.
import { PGlite, types } from "@electric-sql/pglite";
import { parentPort, workerData } from "node:worker_threads";

// Drizzle's PGlite driver passes these parsers with every query: dates and intervals stay the text Postgres sends
// (Drizzle maps them itself). Functions cannot cross threads, so the thread applies the same ones.
const keepText = (value) => value;
const PARSERS = {
  [types.TIMESTAMP]: keepText,
  [types.TIMESTAMPTZ]: keepText,
  [types.INTERVAL]: keepText,
  [types.DATE]: keepText,
  1231: keepText, // numeric[]
  1115: keepText, // timestamp[]
  1185: keepText, // timestamptz[]
  1187: keepText, // interval[]
  1182: keepText, // date[]
};

/** What crosses back for a failed query: the message and SQLSTATE the app reads (db/query-errors.ts), nothing else. */
const failure = (error) => ({
  message: error instanceof Error ? error.message : String(error),
  code: typeof error?.code === "string" ? error.code : undefined,
});

/** Open transactions by id: PGlite holds its lock while one is open, so other statements wait as they would in-process. */
const transactions = new Map();
let nextTransaction = 1;

/** Opens a transaction and answers its id once it is open; it stays open until an "end" message settles it. */
function beginTransaction(database) {
  return new Promise((opened, failedToOpen) => {
    const id = nextTransaction++;
    let isOpen = false;
    const ended = database.transaction(
      (tx) =>
        new Promise((commit, rollBack) => {
          isOpen = true;
          transactions.set(id, { tx, commit, rollBack, ended: () => ended });
          opened(id);
        }),
    );
    ended.then(
      () => transactions.delete(id),
      (error) => {
        transactions.delete(id);
        if (!isOpen) failedToOpen(error);
      },
    );
  });
}

async function handle(database, message) {
  switch (message.op) {
    case "query": {
      const target = message.tx ? transactions.get(message.tx)?.tx : database;
      if (!target) throw new Error("the transaction has already ended");
      const result = await target.query(message.sql, message.params, { rowMode: message.rowMode, parsers: PARSERS });
      return { rows: result.rows, fields: result.fields, affectedRows: result.affectedRows };
    }
    case "begin":
      return { tx: await beginTransaction(database) };
    case "end": {
      const open = transactions.get(message.tx);
      if (!open) throw new Error("the transaction has already ended");
      if (message.commit) open.commit();
      else open.rollBack(new Error("rolled back"));
      try {
        await open.ended();
      } catch (error) {
        if (message.commit) throw error;
      }
      return {};
    }
    case "close":
      await database.close();
      return {};
    default:
      throw new Error(`unknown operation ${message.op}`);
  }
}

try {
  const database = await PGlite.create(workerData.dataDir ?? undefined);
  parentPort.on("message", (message) => {
    handle(database, message).then(
      (result) => parentPort.postMessage({ id: message.id, result }),
      (error) => parentPort.postMessage({ id: message.id, error: failure(error) }),
    );
  });
  parentPort.postMessage({ id: 0, result: {} });
} catch (error) {
  parentPort.postMessage({ id: 0, error: failure(error) });
}
