/**
 * What every check answers, on the command line (`npm run --silent check -- KIND ...`), on a diagnosis and on its
 * share link: `ok` when no problem was found, each problem with a stable `code` (the UI translates it) and an
 * English `message`; each kind adds its own facts beside these (what the domain resolves to, the skew, ...).
 */
export type CheckProblem = {
  code: string;
  message: string;
  /** Values the message names, so the UI can say it in the reader's language. */
  params?: Record<string, string | number>;
};

export type CheckResult = {
  check: string;
  ok: boolean;
  problems: CheckProblem[];
  [fact: string]: unknown;
};

export function problem(code: string, message: string, params?: CheckProblem["params"]): CheckProblem {
  return params ? { code, message, params } : { code, message };
}

export function resultOf<Facts extends Record<string, unknown>>(check: string, problems: CheckProblem[], facts: Facts) {
  return { check, ok: problems.length === 0, problems, ...facts };
}
