import type { ChecklistStep, LocalizedText } from "./types";

/** Everything an editor can change about an entry, as one revision or draft stores it. */
export type GuideSnapshot = {
  title: LocalizedText;
  explanation: LocalizedText;
  remediation: LocalizedText;
  checklist: ChecklistStep[];
  retryable: boolean;
};
