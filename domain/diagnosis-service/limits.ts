// The size and length limits of a diagnosis, apart from input.ts so the browser's forms use them without zod.

/** The most a paste, a request body or a file may hold: one megabyte. */
export const MAX_INPUT_BYTES = 1024 * 1024;

const encoder = new TextEncoder();

/**
 * UTF-8 length of the text (a lone surrogate counts as the 3 bytes of U+FFFD it is sent as). Native encoding, not a
 * loop over the characters: the loop held the request thread ~7 ms per 1 MB body (bench:diagnose-load).
 */
export function utf8Length(text: string): number {
  return encoder.encode(text).length;
}

/**
 * The one size rule for a paste, in the form's counter, its server action and the API: UTF-8 bytes of the text
 * with line breaks normalised to `\n`. A browser posts a textarea's `\n` as `\r\n`, so counting the bytes that
 * arrive would refuse on the server what the counter accepted.
 */
export function inputBytes(text: string): number {
  // `\r\n` counts as its `\n` alone; a lone `\r` (old Mac line break) as the `\n` it stands for (one byte either way).
  let pairs = 0;
  for (let at = text.indexOf("\r\n"); at !== -1; at = text.indexOf("\r\n", at + 2)) pairs++;
  return utf8Length(text) - pairs;
}

/** Whether a paste, a request body's text or a file's text is within MAX_INPUT_BYTES by the rule of inputBytes. */
export function withinInputLimit(text: string): boolean {
  // Every UTF-16 unit counts at least half a byte (a `\r\n` pair is one): a longer text is over without counting.
  if (text.length > MAX_INPUT_BYTES * 2) return false;
  return inputBytes(text) <= MAX_INPUT_BYTES;
}

export const DIAGNOSIS_LIMITS = { ticketRef: 200, note: 5000, reason: 2000 } as const;
