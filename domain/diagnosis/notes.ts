/**
 * The engine's notes on a finding, in one place. `Finding.notes` stays English text (the API and saved diagnoses
 * depend on it); each note also carries an id and parameters (`Finding.noteKeys`) so the UI can show it in the
 * reader's language as the message `diagnosis.findingNotes.<id>`: in English this template itself (i18n/messages.ts
 * adds it to the English messages), in Chinese its translation in messages/zh-CN/diagnosis.json.
 */
export const NOTE_TEMPLATES = {
  recommendCode: "the code was taken from the Recommend link",
  normalizedFullWidth: "the error was typed in full-width characters; it was read in their ASCII form",
  normalizedHtmlEntities: "the error was HTML-escaped (&quot;, &lt;, &#34;…); it was read with the entities decoded",
  gatewayDataPlaneCode: "{code} is an API Gateway data-plane code (X-Ca-Error-Code), not a management API code",
  sdkClientCode: "{code} is raised by the SDK on the client side; the request may not have reached Alibaba Cloud",
  foreignCode: "{code} is {meaning}",
  sdkServerErrorHeaderOnly: "only the SDK.ServerError header was printed; the error details were not included",
  teaJavaStatus: "Java Tea prints the HTTP status after `code:`; the error code itself is only in getCode()/getData()",
  javaServerException: "the Java core SDK throws ServerException for HTTP status 500 and above",
  gatewaySignature:
    "API Gateway data-plane signature mismatch (X-Ca-Error-Code A403IS): compare the server StringToSign with the string the client signed",
  teaPhpStatus:
    "PHP Tea prints the HTTP status after `code:`; the error code itself is only in $e->getCode(), $e->getErrorInfo() or $e->data",
  teaDotnetStatus:
    '.NET Tea prints the HTTP status after `code:`; the error code itself is only in e.Code and e.DataResult (e.Data on OpenApiClient 0.2+). The official sample\'s error.Data["Recommend"] prints an empty line on Tea 1.x',
  laravelCode: "Monolog/Laravel printed the error code as `(code: …)` after the exception class ($e->getCode())",
  teaPhpChain: "the SDK wraps the error in TeaUnableRetryError (DaraUnableRetryException on v2), so it is printed twice: one error",
  askCodeTeaJava: "no error code in the text: ask for e.getCode() or e.getData()",
  askCodeTeaPhp: "no error code in the text: ask for $e->getCode() or print_r($e->getErrorInfo())",
  askCodeTeaDotnet: "no error code in the text: ask for e.Code or e.DataResult",
} as const;

export type NoteId = keyof typeof NOTE_TEMPLATES;
export const NOTE_IDS = Object.keys(NOTE_TEMPLATES) as NoteId[];

/** What a note says, language-neutral: `findingNotes.<id>` filled with `params`. */
export type NoteKey = { id: NoteId; params?: Record<string, string> };
/** A note as the engine carries it: the key and its English text. */
export type Note = NoteKey & { text: string };

/**
 * A template's `{name}` placeholders filled from `params`. The same templates are the UI's English ICU messages
 * (i18n/messages.ts), so only plain placeholders are used (no plural or select).
 */
export function fillTemplate(template: string, params?: Record<string, string>): string {
  return params ? template.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole) : template;
}

/** A note with its English text filled in from the template. */
export function note(id: NoteId, params?: Record<string, string>): Note {
  const text = fillTemplate(NOTE_TEMPLATES[id], params);
  return params ? { id, params, text } : { id, text };
}

/** Notes in first-seen order, one per text. */
export function uniqueNotes(notes: readonly Note[]): Note[] {
  if (notes.length < 2) return [...notes];
  const seen = new Set<string>();
  return notes.filter((n) => !seen.has(n.text) && seen.add(n.text));
}
