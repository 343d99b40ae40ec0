import "server-only";
import { getDatabase } from "@/db";
import { bootstrapAdminFromEnv } from "./bootstrap-admin";

export async function startUp(): Promise<void> {
  try {
    const database = await getDatabase();
    await bootstrapAdminFromEnv(database.db);
  } catch (error) {
    console.error(`ErrorDesk cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
