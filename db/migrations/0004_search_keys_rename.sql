-- The column holds the search index's keys (windows of 1 to 3 characters and whole ASCII words), not
-- bigrams. Both renames only change the catalog: no row or index page is rewritten, and the column keeps
-- its STATISTICS 0 and the index its fastupdate=off.
ALTER TABLE "error_entries" RENAME COLUMN "search_bigrams" TO "search_keys";--> statement-breakpoint
ALTER INDEX "error_entries_search_bigrams_idx" RENAME TO "error_entries_search_keys_idx";
