import type { HistoryActionState } from "../actions";

/** What the last button on the history page did, announced to screen readers; red when it was refused. */
export function ActionOutcome({ state }: { state: HistoryActionState | null }) {
  return (
    <p role="status" className={`text-sm ${state && !state.ok ? "text-red-700" : "text-green-800"}`}>
      {state?.message ?? ""}
    </p>
  );
}
