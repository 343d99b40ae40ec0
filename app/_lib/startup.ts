import "server-only";
import { getDatabase } from "@/db";
import { bootstrapAdminFromEnv } from "./bootstrap-admin";
import { configuredPublicOrigin } from "./public-url";

export async function startUp(): Promise<void> {
  try {
    configuredPublicOrigin(); // a malformed PUBLIC_URL stops the start here, not at the first sign-in
    const database = await getDatabase();
    await bootstrapAdminFromEnv(database.db);
  } catch (error) {
    console.error(`ErrorDesk cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
