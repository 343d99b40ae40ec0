import { eq } from "drizzle-orm";
import { buildSearchDocument } from "../../domain/catalog/search";
import type { ChecklistStep, LocalizedText } from "../../domain/catalog/types";
import { errorEntries } from "../schema";
import type { Db } from "../types";

type IndexedContent = {
  code: string;
  messages: string[];
  title: LocalizedText;
  explanation: LocalizedText;
  remediation: LocalizedText;
  checklist: ChecklistStep[];
};

/** Every write to an entry's facts or guide goes through here, so search never sees stale text. */
export async function reindexEntry(tx: Db, entryId: number, content: IndexedContent): Promise<void> {
  const { text, keys } = buildSearchDocument(content);
  await tx.update(errorEntries).set({ searchText: text, searchKeys: keys }).where(eq(errorEntries.id, entryId));
}
