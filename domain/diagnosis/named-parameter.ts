/**
 * Messages that name a parameter and say what is wrong with it, in words other than the catalog's:
 * `The input parameter "GroupId" that is mandatory for processing this request is not supplied.` (the common
 * MissingParameter text of other products), `The specified parameter ApiId is missing.`, `The parameter StageName
 * is required.` The catalog spells such errors as a template with the parameter in the code (`Missing%s`).
 */

export type ParameterProblem = "Missing" | "Invalid";

const NAMED = [/\bparam(?:eter)?s?\s+["'“`]?([A-Z][A-Za-z0-9_.]{0,63}?)["'”`]?(?=[\s.,;:]|$)/, /["“`]([A-Z][A-Za-z0-9_]{1,63})["”`]/];

/** The parameter a message names: after the word "parameter", or a quoted PascalCase name. */
export function parameterNamedIn(message: string): string | undefined {
  for (const pattern of NAMED) {
    const name = pattern.exec(message)?.[1]?.replace(/\.+$/, "");
    if (name && /^[A-Z][A-Za-z0-9_]*$/.test(name)) return name;
  }
  return undefined;
}

const PROBLEMS: readonly { problem: ParameterProblem; words: RegExp }[] = [
  {
    problem: "Missing",
    words: /\b(?:is|are)\s+(?:missing|required|mandatory|not\s+(?:supplied|provided|specified|set))\b|\bmissing\s+(?:required\s+)?param/i,
  },
  { problem: "Invalid", words: /\b(?:is|are)\s+(?:not\s+valid|invalid|illegal)\b/i },
];

/** What the message says is wrong with the parameter it names; undefined when it names none or says neither. */
export function parameterProblem(message: string): { problem: ParameterProblem; param: string } | undefined {
  const param = parameterNamedIn(message);
  if (!param) return undefined;
  const found = PROBLEMS.find((p) => p.words.test(message));
  return found ? { problem: found.problem, param } : undefined;
}

/** `MissingParameter`, `InvalidParameter`, `InvalidParam`: a code that names the problem but not the parameter. */
export function genericCodeProblem(code: string): ParameterProblem | undefined {
  const m = /^(Missing|Invalid)Param(?:eter)?s?$/.exec(code);
  return m ? (m[1] as ParameterProblem) : undefined;
}
