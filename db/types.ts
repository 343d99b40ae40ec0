import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type * as schema from "./schema";

/** Any Drizzle Postgres database: PGlite embedded, node-postgres against a server, or a transaction of either. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export type Engine = "pglite" | "postgres";
