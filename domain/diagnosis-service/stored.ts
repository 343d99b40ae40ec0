import type { Finding } from "../diagnosis";
import type { EntrySnapshot, SavedResult } from "./types";

/**
 * How a SavedResult is kept in `diagnoses.result`: each distinct entry snapshot once, its findings pointing at it by
 * index. A 1 MB paste can hold hundreds of findings of one entry; stored whole, the snapshot (2 KB of bilingual
 * text) was repeated for each, 600 KB of JSON that the embedded database parses on the request thread
 * (bench/diagnose-load.ts). Rows saved before (version 1) are read as they are.
 */
export type StoredResult = Omit<SavedResult, "version" | "findings"> & {
  version: 2;
  findings: (Finding & { snapshot: number | null })[];
  snapshots: EntrySnapshot[];
};

export function toStoredResult(result: SavedResult): StoredResult {
  const snapshots: EntrySnapshot[] = [];
  const indexByJson = new Map<string, number>();
  const findings = result.findings.map(({ snapshot, ...finding }) => {
    if (!snapshot) return { ...finding, snapshot: null };
    const json = JSON.stringify(snapshot);
    let index = indexByJson.get(json);
    if (index === undefined) {
      index = snapshots.push(snapshot) - 1;
      indexByJson.set(json, index);
    }
    return { ...finding, snapshot: index };
  });
  return { ...result, version: 2, findings, snapshots };
}

/** The SavedResult a `diagnoses.result` value holds, whichever version wrote it. */
export function fromStoredResult(value: unknown): SavedResult {
  const stored = value as StoredResult | SavedResult;
  if (stored.version !== 2) return stored;
  const { snapshots, ...rest } = stored;
  return {
    ...rest,
    version: 1,
    findings: stored.findings.map((finding) => ({
      ...finding,
      snapshot: finding.snapshot === null ? null : (snapshots[finding.snapshot] ?? null),
    })),
  };
}

/**
 * The longest piece of a paste one statement writes. Longer pastes are stored in pieces (diagnosis_input_parts), so
 * saving 1 MB never holds the embedded database, which runs on the request thread, for more than a few milliseconds:
 * other people's queries run between the pieces (bench/diagnose-load.ts shows the budget needs it).
 */
export const INPUT_PIECE_CHARS = 65_536;

/** `text` in pieces of at most INPUT_PIECE_CHARS, never splitting a surrogate pair; joined, they give `text` back. */
export function inputPieces(text: string): string[] {
  const pieces: string[] = [];
  let start = 0;
  do {
    let end = Math.min(text.length, start + INPUT_PIECE_CHARS);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
    pieces.push(text.slice(start, end));
    start = end;
  } while (start < text.length);
  return pieces;
}
