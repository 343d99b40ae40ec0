import { asc } from "drizzle-orm";
import { errorEntries } from "../schema";
import type { Db } from "../types";

/** The HTTP statuses the catalog actually holds, for the status filter: a re-imported vendor page may add new ones. */
export async function listCatalogStatuses(db: Db): Promise<number[]> {
  const rows = await db.selectDistinct({ httpStatus: errorEntries.httpStatus }).from(errorEntries).orderBy(asc(errorEntries.httpStatus));
  return rows.map((row) => row.httpStatus);
}
