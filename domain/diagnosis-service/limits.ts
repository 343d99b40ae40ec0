// The size and length limits of a diagnosis, apart from input.ts so the browser's forms use them without zod.

/** The most a paste, a request body or a file may hold: one megabyte. */
export const MAX_INPUT_BYTES = 1024 * 1024;

/** UTF-8 length without encoding the text (the module also runs in the browser, where there is no Buffer). */
export function utf8Length(text: string): number {
  return encodedLength(text, false);
}

/**
 * The one size rule for a paste, in the form's counter, its server action and the API: UTF-8 bytes of the text
 * with line breaks normalised to `\n`. A browser posts a textarea's `\n` as `\r\n`, so counting the bytes that
 * arrive would refuse on the server what the counter accepted.
 */
export function inputBytes(text: string): number {
  return encodedLength(text, true);
}

/** Whether a paste, a request body's text or a file's text is within MAX_INPUT_BYTES by the rule of inputBytes. */
export function withinInputLimit(text: string): boolean {
  // Every UTF-16 unit counts at least half a byte (a `\r\n` pair is one): a longer text is over without counting.
  if (text.length > MAX_INPUT_BYTES * 2) return false;
  return inputBytes(text) <= MAX_INPUT_BYTES;
}

function encodedLength(text: string, lineBreaksAsLf: boolean): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // `\r\n` counts as its `\n` alone; a lone `\r` (old Mac line break) as the `\n` it stands for.
    if (c === 0x0d && lineBreaksAsLf && text.charCodeAt(i + 1) === 0x0a) continue;
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

export const DIAGNOSIS_LIMITS = { ticketRef: 200, note: 5000, reason: 2000 } as const;
