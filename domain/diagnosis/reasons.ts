import { fillTemplate } from "./notes";

/**
 * Why a candidate matched, in one place. `Candidate.reason` stays English text (saved diagnoses and tests read
 * it); each candidate also carries the parts it was built from (`Candidate.reasonKeys`) so the UI can say it in
 * the reader's language as the message `diagnosis.matchReasons.<id>`: in English this template itself (i18n/messages.ts
 * adds it to the English messages), in Chinese its translation in messages/zh-CN/diagnosis.json. A reason is its
 * parts joined by "; ".
 *
 * Parameters are plain strings. Where a part quotes engine knowledge that has no catalog entry to translate it
 * (what a foreign code means, why a related entry is offered), the parameter comes in both languages
 * (`meaning`/`meaningZh`) and each locale's message picks its own.
 */
export const REASON_TEMPLATES = {
  exactCode: "code {code} is a catalog code",
  templateCode: "code {code} matches template {entry}; parameter {params}",
  templateCodeMoreSpecific: "code {code} matches template {entry}; parameter {params} (more specific than {others})",
  messageAgrees: "the message matches its catalog text",
  messageMatchesInstead: "the message matches {entries} instead",
  messageDiffers: "the message differs from the catalog text",
  messageSameParam: "the message names the same parameter",
  messageOtherParam: "the message names parameter {param}",
  codeNotInCatalog: "code {code} is not in the catalog",
  unknownCodeMessageMatches: 'code {code} is not in the catalog, but the message matches "{text}" of {entry}',
  messageMatches: 'message matches "{text}" of {entry}',
  parameter: "parameter {params}",
  sharedMessage: 'the catalog gives {entries} the same message "{text}"',
  rankedFirstUntold: "ranked {entry} first: nothing in the text tells them apart",
  rankedFirstStringToSign: "ranked {entry} first: the server string-to-sign that follows is only sent with signature mismatches",
  rankedFirstRealResponses: "ranked {entry} first: real responses with this text carry SignatureDoesNotMatch",
  lessSpecificTemplate: "code {code} also fits the less specific template {entry} (parameter {param})",
  foreignCode: "{code} is not in this catalog: it is {meaning}",
  relatedWhy: "{why}",
  caseTwin: "code {code} differs from {entry} only in letter case",
  caseTemplate: "code {code} matches template {entry} only when letter case is ignored (parameter {param})",
  typoOne: "code {code} is 1 edit away from {entry}",
  typo: "code {code} is {distance} edits away from {entry}",
  spelledLike: "code {code} is spelled like {entry}",
  messageBeginning: 'message is the beginning of "{text}" of {entry} (the rest may have been cut off)',
  messageCloseOne: 'message is close to "{text}" of {entry} (1 character edit)',
  messageClose: 'message is close to "{text}" of {entry} ({distance} character edits)',
  messageWordsLeftOut: 'message is "{text}" of {entry} with words left out, and no other catalog message fits',
  messageWordsClose: 'message shares its telling words with "{text}" of {entry}',
  codeWithoutSuffix: "code {code} is {entry} without its suffix",
  genericCodeNamesParam: "code {code} does not name the parameter; the message names {param}",
  messageParamMissing: "the message says parameter {param} is missing",
  messageParamInvalid: "the message says parameter {param} is not valid",
  specificEntryForParam: "{entry} is the catalog's own code for parameter {param}",
  headerName: 'X-Ca-Error-Message "{text}" without X-Ca-Error-Code is the error name of {entry} (API Gateway classic instance)',
  headerNameStatus: "HTTP status {status} is the classic error's, not that of {entries}",
} as const;

export type ReasonId = keyof typeof REASON_TEMPLATES;
export const REASON_IDS = Object.keys(REASON_TEMPLATES) as ReasonId[];

/** One part of a reason, language-neutral: `matchReasons.<id>` filled with `params`. */
export type ReasonKey = { id: ReasonId; params?: Record<string, string> };

/** A reason part; a part left out (`undefined`, `false`) is skipped so optional clauses read inline. */
export type ReasonPart = ReasonKey | undefined | false;

/** Both forms of a reason: the English text and the parts to translate it from. */
export function because(...parts: ReasonPart[]): { reason: string; reasonKeys: ReasonKey[] } {
  const reasonKeys = parts.filter((part): part is ReasonKey => !!part);
  return { reason: reasonKeys.map((key) => fillTemplate(REASON_TEMPLATES[key.id], key.params)).join("; "), reasonKeys };
}

/** A reason part, written the way `note()` is. */
export function part(id: ReasonId, params?: Record<string, string>): ReasonKey {
  return params ? { id, params } : { id };
}
