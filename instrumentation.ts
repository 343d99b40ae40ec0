// Runs once when the Next server starts: the database is opened, migrated and seeded before the first
// request, and a bad DATABASE_URL stops the start with one readable line instead of failing later.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startUp } = await import("./app/_lib/startup");
  await startUp();
}
