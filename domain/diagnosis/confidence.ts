/**
 * How sure the matcher is, by what it saw: one table instead of numbers spread through matcher.ts. A match at
 * CONFIDENT or above is confident; suggestions always stay below it (types.ts, Candidate.confidence).
 */
export const CONFIDENT = 0.7;

export const CONFIDENCE = {
  // A catalog code as written.
  exactCode: 0.95,
  exactCodeMessageAgrees: 1,
  exactCodeMessageUnknown: 0.9,
  exactCodeMessageOtherEntry: 0.85,
  // A code that instantiates a templated code (`InvalidFormatRequestConfig` ← `InvalidFormat%s`).
  templateCode: 0.85,
  templateCodeMessageSameParam: 0.95,
  templateCodeMessageOtherParam: 0.85,
  templateCodeMessageDisagrees: CONFIDENT,
  lessSpecificTemplate: 0.5,
  /** A typo of a catalog code carrying that code's message (InvalidApiDefalt + InvalidApiDefault's text). */
  misspeltCodeWithItsMessage: 0.8,
  // A catalog message: the whole field, its beginning, somewhere inside; one step less when it fills a `%s`.
  messageWholeField: 0.9,
  messageBeginsField: 0.85,
  messageInsideField: 0.75,
  messageParamStep: 0.05,
  /** The ceiling for a message match beside a code the catalog does not have. */
  messageBesideUnknownCode: 0.8,
  /** A message the catalog gives two entries, told apart by evidence in the text, or by what real traffic shows. */
  sharedMessageDecided: 0.8,
  sharedMessagePrior: 0.55,
  sharedMessageOther: 0.5,
  messageOfOtherEntry: 0.5,
  /** The whole X-Ca-Error-Message value is a classic instance's error name (header-names.ts); by status over a VPC entry's text. */
  headerName: 0.95,
  headerNameByStatus: 0.85,
  // A code that is not the catalog's, decided by the message beside it.
  codeWithoutSuffix: 0.85,
  genericCodeNamesParam: 0.85,
  messageNamesParam: 0.75,
  messageWordsLeftOut: 0.75,
  templateAlternative: 0.5,
  specificEntryTemplateAlternative: 0.6,
  // Suggestions (below CONFIDENT).
  caseTwin: 0.65,
  caseTemplate: 0.6,
  typoOneLetter: 0.6,
  typoTwoLetters: 0.5,
  spelledLike: 0.4,
  messageBeginning: 0.5,
  messageCloseAtMost: 0.6,
  messageCloseAtLeast: 0.3,
  /** Word likeness: from `floor` up by the similarity's share of 0.3, never above `cap`; lower beside a code. */
  wordsAlone: { floor: 0.3, cap: 0.6 },
  wordsBesideCode: { floor: 0.15, cap: 0.45 },
  /** Each further candidate of a ranked list is this much less sure than the one before. */
  rankStep: 0.05,
} as const;
