import { AsciiAutomaton } from "./automaton";
import { FOREIGN_CODES, isGatewayClassicKey, isGatewayDataPlaneCode, isSdkClientCode } from "./related-codes";
import { CONFIDENCE } from "./confidence";
import { memoOf } from "./match-memo";
import { buildMessageWords, wordFit, wordFits, type MessageWords } from "./message-words";
import { matchHeaderName, splitHeaderNamed, type HeaderName, type HeaderNameHit } from "./header-names";
import { genericCodeProblem, parameterNamedIn, parameterProblem, type ParameterProblem } from "./named-parameter";
import { note, type Note } from "./notes";
import { because, part, type ReasonPart } from "./reasons";
import { collapseSpaces, compareText, foldAscii, truncate } from "./text";
import type { Candidate, CatalogRef, Match } from "./types";
import { codeSuggestions, edgeKey, isParamName, templateHits, typoCandidates } from "./code-words";
import {
  AMBIGUITY_HINTS,
  bestMessageMatches,
  describeHit,
  fuzzyMessageSuggestions,
  messageCandidate,
  messageConfidence,
  quoted,
  wordSuggestions,
  type RankedHit,
} from "./message-hits";

/**
 * Catalog matching: the catalog compiled once (createMatcher), and matchError, which ties a code and a message to
 * an entry. Codes are compared in code-words.ts, messages found in message-hits.ts (message-words.ts for reworded
 * ones); templates are never turned into regular expressions, so work per input is linear whatever the catalog holds.
 */

export type CodeTemplate = { entry: CatalogRef; pieces: readonly string[]; literalLength: number };

export type MessageVariant = {
  entry: CatalogRef;
  text: string;
  /** The message split at `%s`, folded (ASCII lower case, whitespace as space). */
  pieces: readonly string[];
  literalLength: number;
  /** Index of the longest piece: the one the automaton looks for. */
  anchor: number;
  /**
   * The message's closing period, left out of `pieces`: a customer's sentence may go on after the catalog's text
   * (`…is not valid or unsupported here`), or the text sits in Chinese prose without its period.
   */
  period: boolean;
};

export type Matcher = {
  readonly entries: readonly CatalogRef[];
  readonly exact: ReadonlyMap<string, CatalogRef>;
  readonly lowerExact: ReadonlyMap<string, CatalogRef>;
  /** Most specific (longest literal text) first, so InvalidFormat%s is tried before Invalid%s. */
  readonly templates: readonly CodeTemplate[];
  readonly variants: readonly MessageVariant[];
  readonly automaton: AsciiAutomaton;
  readonly variantsByPattern: readonly (readonly number[])[];
  readonly codes: readonly string[];
  /** Each code lower-cased, and without `%s`: what spelling comparisons use. */
  readonly spellings: readonly { code: string; lower: string; literal: string }[];
  /** Non-template codes keyed by their first and last three letters (lower case): candidates for typo checks. */
  readonly typoIndex: ReadonlyMap<string, readonly CatalogRef[]>;
  /**
   * The message anchors (as in `automaton`, same indices) followed by the only all-lower-case words of 12+
   * characters isCodeWorthReporting can accept (codes spelled in lower case, or lower-case codes: a template
   * parameter and a typo both need capitals), case-blind. Free text is scanned once for both (see scanFreeText);
   * without any of those words it needs no look at its lower-case words.
   */
  readonly freeTextAutomaton: AsciiAutomaton;
  /** What the words isCodeWorthReporting can accept start or end with (see mayBeCodeWord). */
  readonly wordEdges: { firsts: Set<number>; lasts: Set<number>; any: boolean };
  /** The catalog's messages word by word, for messages that are not its text (message-words.ts). */
  readonly messageWords: MessageWords;
  /**
   * Entries named by a whole X-Ca-Error-Message value (API Gateway's classic instances, header-names.ts). Their names
   * are not among `variants`, the automata or `messageWords`: they are never looked for in free text.
   */
  readonly headerNames: readonly HeaderName[];
};

/** Suggestions depend only on the code (or message) and the catalog: computed once per matcher (match-memo.ts). */
function memoized(matcher: Matcher, key: string, compute: () => Candidate[]): Candidate[] {
  const memo = memoOf(matcher).suggestions;
  const known = memo.get(key);
  if (known) return known.map((c) => ({ ...c }));
  const computed = compute();
  memo.set(key, computed);
  return computed.map((c) => ({ ...c }));
}

/**
 * Catalogs may still carry the common table's `{ParameterName}`, and the data-plane table writes `${HeaderName}`;
 * the engine speaks `%s` only, so both read as parameters.
 */
function unifyPlaceholder(text: string): string {
  return text.replace(/\$?\{[A-Za-z]+\}/g, "%s");
}

/** Compile a catalog once; the result is immutable and safe to share between requests. */
export function createMatcher(catalog: readonly CatalogRef[]): Matcher {
  const entries = catalog.map((e) => ({ ...e, code: unifyPlaceholder(e.code), messages: e.messages.map(unifyPlaceholder) }));
  const { named: headerNames, others: messageEntries } = splitHeaderNamed(entries);
  const exact = new Map<string, CatalogRef>();
  const lowerExact = new Map<string, CatalogRef>();
  const templates: CodeTemplate[] = [];
  const typoIndex = new Map<string, CatalogRef[]>();
  for (const entry of entries) {
    if (entry.code.includes("%s")) {
      const pieces = entry.code.split("%s");
      templates.push({ entry, pieces, literalLength: pieces.join("").length });
      continue;
    }
    exact.set(entry.code, entry);
    lowerExact.set(entry.code.toLowerCase(), entry);
    // A classic error's key is ErrorDesk's (`Classic.QuotaExhausted`), not a code anyone types: no typo leads to it.
    if (isGatewayClassicKey(entry.code)) continue;
    const lower = entry.code.toLowerCase();
    for (const key of [`^${lower.slice(0, 3)}`, `$${lower.slice(-3)}`]) {
      const list = typoIndex.get(key) ?? [];
      list.push(entry);
      typoIndex.set(key, list);
    }
  }
  templates.sort((a, b) => b.literalLength - a.literalLength);

  const variants: MessageVariant[] = [];
  const patternIndex = new Map<string, number>();
  const variantsByPattern: number[][] = [];
  for (const entry of messageEntries) {
    for (const message of entry.messages) {
      const text = collapseSpaces(message);
      const pieces = text.split("%s").map(foldAscii);
      const period = pieces[pieces.length - 1]!.endsWith(".");
      if (period) pieces[pieces.length - 1] = pieces[pieces.length - 1]!.slice(0, -1);
      let anchor = 0;
      pieces.forEach((p, i) => {
        if (p.length > pieces[anchor]!.length) anchor = i;
      });
      // Too short to find reliably in free text; such a message can still match a code's entry by comparison.
      if (pieces[anchor]!.trim().length < 6) continue;
      const variant: MessageVariant = { entry, text, pieces, literalLength: pieces.join("").length, anchor, period };
      const key = pieces[anchor]!;
      let p = patternIndex.get(key);
      if (p === undefined) {
        p = variantsByPattern.length;
        patternIndex.set(key, p);
        variantsByPattern.push([]);
      }
      variantsByPattern[p]!.push(variants.length);
      variants.push(variant);
    }
  }
  const automaton = new AsciiAutomaton([...patternIndex.keys()]);
  const lowerCaseCodes = [...new Set([...exact.keys(), ...lowerExact.keys(), ...FOREIGN_CODES.keys()])].filter((code) =>
    /^[a-z][a-z0-9_]{11,127}$/.test(code),
  );
  const wordEdges = { firsts: new Set<number>(), lasts: new Set<number>(), any: false };
  // Exact and lower-case spellings, related codes, and typos found by a code's first three letters.
  for (const code of [...exact.keys(), ...FOREIGN_CODES.keys(), "MissingParameter."]) wordEdges.firsts.add(edgeKey(code, 0));
  // Typos found by a code's last three letters.
  for (const code of exact.keys()) wordEdges.lasts.add(edgeKey(code, code.length - 3));
  for (const { pieces } of templates) {
    const first = pieces[0]!;
    const last = pieces[pieces.length - 1]!;
    if (first.length >= 3) wordEdges.firsts.add(edgeKey(first, 0));
    else if (last.length >= 3) wordEdges.lasts.add(edgeKey(last, last.length - 3));
    else wordEdges.any = true;
  }
  return {
    entries,
    exact,
    lowerExact,
    templates,
    variants,
    automaton,
    variantsByPattern,
    codes: entries.map((e) => e.code),
    spellings: messageEntries.map((e) => ({
      code: e.code,
      lower: e.code.toLowerCase(),
      literal: e.code.toLowerCase().replaceAll("%s", ""),
    })),
    typoIndex,
    freeTextAutomaton: new AsciiAutomaton([...patternIndex.keys(), ...lowerCaseCodes]),
    wordEdges,
    messageWords: buildMessageWords(messageEntries),
    headerNames,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Codes that are not the catalog's, decided by the message beside them
// ---------------------------------------------------------------------------------------------------------------

type Decided = { match: Match; alternatives: Candidate[] };

/** The templates a code fits, offered as the alternative to what the message decided. */
function templateAlternatives(matcher: Matcher, code: string): Candidate[] {
  return templateHits(matcher, code).map((hit) => ({
    entry: hit.template.entry.code,
    param: hit.params[0]!,
    kind: "template" as const,
    confidence: CONFIDENCE.templateAlternative,
    ...because(part("templateCode", { code, entry: hit.template.entry.code, params: hit.params.join(", ") })),
  }));
}

/**
 * `InvalidAccessKeyId` with "Specified access key is not found…": a catalog code without its suffix, whose message
 * is the message of one entry that completes it (InvalidAccessKeyId.NotFound). That entry, not the template the
 * short code also fits (Invalid%s), is what happened.
 */
function completedCode(matcher: Matcher, code: string, hits: RankedHit[]): Decided | undefined {
  const completing = hits.filter((h) => h.variant.entry.code.startsWith(`${code}.`));
  if (completing.length !== 1) return undefined;
  const hit = completing[0]!;
  const entry = hit.variant.entry.code;
  return {
    match: messageCandidate(hit, CONFIDENCE.codeWithoutSuffix, [part("codeWithoutSuffix", { code, entry }), ...describeHit(hit)]),
    alternatives: templateAlternatives(matcher, code),
  };
}

/** The catalog's own code for a parameter (MissingSecurityToken), else its template (Missing%s) with the parameter. */
function parameterEntry(matcher: Matcher, problem: ParameterProblem, param: string): { specific?: CatalogRef; template?: CatalogRef } {
  const template = matcher.templates.find((t) => t.pieces.length === 2 && t.pieces[0] === problem && t.pieces[1] === "")?.entry;
  return { specific: matcher.exact.get(`${problem}${param}`), template };
}

/** `kind`: template when a code was there to fit it, message when the message alone said it. */
function decideParameter(
  matcher: Matcher,
  problem: ParameterProblem,
  param: string,
  kind: "template" | "message",
  confidence: number,
  why: ReasonPart,
): Decided | undefined {
  const { specific, template } = parameterEntry(matcher, problem, param);
  const templated = template && { entry: template.code, param, kind };
  if (specific) {
    const alternatives = templated
      ? [
          {
            ...templated,
            confidence: CONFIDENCE.specificEntryTemplateAlternative,
            ...because(part("templateCode", { code: specific.code, entry: template.code, params: param })),
          },
        ]
      : [];
    return {
      match: {
        entry: specific.code,
        kind: "message",
        confidence,
        ...because(why, part("specificEntryForParam", { entry: specific.code, param })),
      },
      alternatives,
    };
  }
  return templated
    ? { match: { ...templated, confidence, ...because(why, part("parameter", { params: param })) }, alternatives: [] }
    : undefined;
}

/** `MissingParameter` with a message naming `"GroupId"`: Missing%s with parameter GroupId (or MissingGroupId itself). */
function genericCodeMatch(matcher: Matcher, code: string, message: string | undefined, hits: RankedHit[]): Decided | undefined {
  const problem = genericCodeProblem(code);
  if (!problem || !message) return undefined;
  const fromCatalogText = hits.find((h) => h.variant.entry.code === `${problem}%s`)?.params[0]?.replace(/^["'“`]+|["'”`]+$/g, "");
  const param = fromCatalogText && isParamName(fromCatalogText) ? fromCatalogText : parameterNamedIn(message);
  return param
    ? decideParameter(matcher, problem, param, "template", CONFIDENCE.genericCodeNamesParam, part("genericCodeNamesParam", { code, param }))
    : undefined;
}

/** A message alone that names a parameter and says it is missing or not valid, in other words than the catalog's. */
function namedParameterMatch(matcher: Matcher, message: string): Decided | undefined {
  const named = parameterProblem(message);
  if (!named) return undefined;
  const why = part(named.problem === "Missing" ? "messageParamMissing" : "messageParamInvalid", { param: named.param });
  return decideParameter(matcher, named.problem, named.param, "message", CONFIDENCE.messageNamesParam, why);
}

// ---------------------------------------------------------------------------------------------------------------
// Putting code and message together
// ---------------------------------------------------------------------------------------------------------------

export type MatchOutcome = { match: Match | null; candidates: Candidate[]; notes: Note[] };

function agreeing(hits: RankedHit[], entry: string): RankedHit | undefined {
  return hits.find((h) => h.variant.entry.code === entry);
}

function messageDisagrees(hits: RankedHit[]): ReasonPart {
  return hits.length
    ? part("messageMatchesInstead", { entries: hits.map((h) => h.variant.entry.code).join(" / ") })
    : part("messageDiffers");
}

/** Strips what SDKs wrap around a code: pop-core's `Error` suffix is removed by the extractor, quotes here. */
function cleanCode(code: string | undefined): string | undefined {
  const trimmed = code?.trim().replace(/^["'`“]+|["'`”]+$/g, "");
  return trimmed ? trimmed : undefined;
}

/**
 * Ties an error to the catalog. The code decides when there is one (exact, then the most specific template);
 * the message confirms it, breaks ties, or stands in when the code is missing or unknown. Near misses are
 * returned as suggestions below 0.7 and never become the match.
 */
export function matchError(matcher: Matcher, error: ErrorToMatch): MatchOutcome {
  const code = cleanCode(error.code);
  const message = error.message?.trim() ? collapseSpaces(error.message) : undefined;
  const messageHits = message ? bestMessageMatches(matcher, message) : [];
  // Without X-Ca-Error-Code, the X-Ca-Error-Message value may itself be the error's name (a classic instance). Beside a
  // data-plane code the catalog lacks (VPC instances send `Throttled by API Flow Control` with a T429 code), that
  // classic error is offered, never the match: the code wins.
  const unknownDataPlaneCode = !!code && isGatewayDataPlaneCode(code) && !matcher.exact.has(code);
  const named =
    (!code || unknownDataPlaneCode) && error.gatewayMessage ? matchHeaderName(matcher.headerNames, error.gatewayMessage) : undefined;
  const candidates: Candidate[] = [];
  const notes: Note[] = [];
  let match: Match | null = null;
  let decided: Decided | undefined;

  if (code) {
    const exact = matcher.exact.get(code);
    if (exact) {
      const agree = agreeing(messageHits, exact.code);
      const confidence = !message
        ? CONFIDENCE.exactCode
        : agree
          ? CONFIDENCE.exactCodeMessageAgrees
          : messageHits.length
            ? CONFIDENCE.exactCodeMessageOtherEntry
            : CONFIDENCE.exactCodeMessageUnknown;
      const tail = !message ? undefined : agree ? part("messageAgrees") : messageDisagrees(messageHits);
      // The data plane's messages carry placeholders (`Header `${HeaderName}` is Required`): what filled them.
      const params = agree?.params.filter(Boolean) ?? [];
      match = {
        entry: exact.code,
        ...(params[0] ? { param: params[0] } : {}),
        ...(params.length > 1 ? { params } : {}),
        kind: "exact",
        confidence,
        ...because(part("exactCode", { code }), tail, params.length > 0 && part("parameter", { params: params.join(", ") })),
      };
    } else if ((decided = completedCode(matcher, code, messageHits) ?? genericCodeMatch(matcher, code, message, messageHits))) {
      match = decided.match;
      candidates.push(...decided.alternatives);
    } else if (!FOREIGN_CODES.has(code)) {
      const hits = templateHits(matcher, code);
      const best = hits[0];
      if (best) {
        const entry = best.template.entry.code;
        const param = best.params[0]!;
        const agree = agreeing(messageHits, entry);
        const sameParam = agree && (agree.params[0] ?? "").toLowerCase() === param.toLowerCase();
        const confidence = !message
          ? CONFIDENCE.templateCode
          : sameParam
            ? CONFIDENCE.templateCodeMessageSameParam
            : agree
              ? CONFIDENCE.templateCodeMessageOtherParam
              : CONFIDENCE.templateCodeMessageDisagrees;
        const tail = !message
          ? undefined
          : sameParam
            ? part("messageSameParam")
            : agree
              ? part("messageOtherParam", { param: agree.params[0] ?? "" })
              : messageDisagrees(messageHits);
        const lessSpecific = hits.slice(1).map((h) => h.template.entry.code);
        const fits = { code, entry, params: best.params.join(", ") };
        const templateReason = lessSpecific.length
          ? part("templateCodeMoreSpecific", { ...fits, others: lessSpecific.join(", ") })
          : part("templateCode", fits);
        // Servers never misspell their codes, people retyping them do: InvalidApiDefalt fits Invalid%s, but is one
        // letter from InvalidApiDefault. With that entry's message beside it, the typo is the better answer and the
        // template the alternative; without, the template stays the match and the near code is offered.
        const oneLetterAway = typoCandidates(matcher, code).filter((t) => t.distance === 1);
        const misspelt = agree ? undefined : messageHits.find((h) => oneLetterAway.some((t) => t.entry === h.variant.entry));
        if (misspelt) {
          match = messageCandidate(misspelt, CONFIDENCE.misspeltCodeWithItsMessage, [
            part("typoOne", { code, entry: misspelt.variant.entry.code }),
            ...describeHit(misspelt),
          ]);
          candidates.push({
            entry,
            param,
            ...(best.params.length > 1 ? { params: best.params } : {}),
            kind: "template",
            confidence: CONFIDENCE.lessSpecificTemplate,
            ...because(templateReason),
          });
        } else {
          match = {
            entry,
            param,
            ...(best.params.length > 1 ? { params: best.params } : {}),
            kind: "template",
            confidence,
            ...because(templateReason, tail),
          };
          for (const { entry: near } of oneLetterAway) {
            candidates.push({
              entry: near.code,
              kind: "suggestion",
              confidence: CONFIDENCE.typoOneLetter,
              ...because(part("typoOne", { code, entry: near.code })),
            });
          }
        }
        for (const other of hits.slice(1)) {
          candidates.push({
            entry: other.template.entry.code,
            param: other.params[0]!,
            kind: "template",
            confidence: CONFIDENCE.lessSpecificTemplate,
            ...because(part("lessSpecificTemplate", { code, entry: other.template.entry.code, param: other.params[0]! })),
          });
        }
      }
    }
    if (!match) {
      if (isGatewayDataPlaneCode(code)) notes.push(note("gatewayDataPlaneCode", { code }));
      else if (isSdkClientCode(code)) notes.push(note("sdkClientCode", { code }));
      const foreign = FOREIGN_CODES.get(code);
      if (foreign) notes.push(note("foreignCode", { code, meaning: foreign.meaning.en, meaningZh: foreign.meaning.zh }));
      if (!isGatewayDataPlaneCode(code) && !isSdkClientCode(code))
        candidates.push(...memoized(matcher, `c\u0000${code}`, () => codeSuggestions(matcher, code)));
      if (message && messageHits.length === 0)
        candidates.push(...memoized(matcher, `w\u0000${message}`, () => wordSuggestions(matcher, message, true)));
      const hit = messageHits[0];
      if (hit && messageHits.length === 1) {
        match = {
          ...messageCandidate(hit, Math.min(CONFIDENCE.messageBesideUnknownCode, messageConfidence(hit)), [
            part("unknownCodeMessageMatches", { code, text: quoted(hit.variant), entry: hit.variant.entry.code }),
            ...describeHit(hit).slice(1),
          ]),
        };
      }
    }
  } else if (named && (decided = headerNameMatch(named, messageHits, error.httpStatus))) {
    match = decided.match;
    candidates.push(...decided.alternatives);
  } else if (messageHits.length === 1) {
    const hit = messageHits[0]!;
    match = messageCandidate(hit, messageConfidence(hit), describeHit(hit));
  } else if (message && messageHits.length === 0) {
    const fit = wordFit(wordFits(matcher.messageWords, message));
    if (fit)
      match = {
        entry: fit.entry.code,
        kind: "message",
        confidence: CONFIDENCE.messageWordsLeftOut,
        ...because(part("messageWordsLeftOut", { text: truncate(fit.text, 90), entry: fit.entry.code })),
      };
    else if ((decided = namedParameterMatch(matcher, message))) {
      match = decided.match;
      candidates.push(...decided.alternatives);
    }
  }

  if (!match && messageHits.length > 1) {
    const entries = messageHits.map((h) => h.variant.entry.code);
    const hint = AMBIGUITY_HINTS.find((h) => entries.includes(h.prefer) && entries.includes(h.over));
    const decisive = hint && message ? hint.decisive.test(message) : false;
    const ordered = hint
      ? [...messageHits].sort((a, b) => Number(b.variant.entry.code === hint.prefer) - Number(a.variant.entry.code === hint.prefer))
      : messageHits;
    const top = ordered[0]!;
    const shared = part("sharedMessage", { entries: entries.join(" / "), text: quoted(top.variant) });
    const why = hint ? (decisive ? hint.decisiveWhy : hint.priorWhy) : "rankedFirstUntold";
    match = {
      ...messageCandidate(top, decisive ? CONFIDENCE.sharedMessageDecided : CONFIDENCE.sharedMessagePrior, [
        code ? part("codeNotInCatalog", { code }) : undefined,
        shared,
        part(why, { entry: top.variant.entry.code }),
      ]),
      ambiguousWith: entries.filter((e) => e !== top.variant.entry.code),
    };
    ordered.slice(1).forEach((h, i) => {
      candidates.push(messageCandidate(h, CONFIDENCE.sharedMessageOther - i * CONFIDENCE.rankStep, [shared, ...describeHit(h)]));
    });
  }

  if (!match && !code && message) {
    candidates.push(
      ...memoized(matcher, `m\u0000${message}`, () => {
        // A spelling slip (one letter) says more than shared words: the word likeness only adds other entries.
        const close = fuzzyMessageSuggestions(matcher, message);
        return [...close, ...wordSuggestions(matcher, message, false).filter((w) => !close.some((c) => c.entry === w.entry))];
      }),
    );
  }

  // A header value that names a classic error, when another entry's message won: still on offer.
  if (named && match?.entry !== named.name.entry.code) candidates.push(headerNameCandidate(named, CONFIDENCE.messageOfOtherEntry));
  // A message that matches another entry than the code is worth showing as an alternative.
  if (match && match.kind !== "message") {
    for (const hit of messageHits) {
      if (hit.variant.entry.code !== match.entry) candidates.push(messageCandidate(hit, CONFIDENCE.messageOfOtherEntry, describeHit(hit)));
    }
  }
  return { match: match ? { ...match, confidence: round(match.confidence) } : null, candidates: rank(match, candidates), notes };
}

/**
 * What an extractor read of one error. `gatewayMessage`: the value of an X-Ca-Error-Message header (or what an SDK
 * printed of it), which names the error itself on API Gateway's classic instances; `httpStatus` then tells a classic
 * error from a VPC one that shares its text.
 */
export type ErrorToMatch = { code?: string; message?: string; gatewayMessage?: string; httpStatus?: number };

/**
 * A classic error named by the header's whole value. A VPC entry whose message is that whole value too (`Invalid
 * AppKey` is A400IK's message and a classic name) keeps the match, as before classic names were known, unless the
 * HTTP status is the classic error's and none of theirs; the other stays on offer.
 */
function headerNameMatch(hit: HeaderNameHit, messageHits: RankedHit[], httpStatus: number | undefined): Decided | undefined {
  const whole = messageHits.filter((h) => h.quality === 3);
  const entry = hit.name.entry;
  const byStatus = whole.length > 0 && httpStatus === entry.httpStatus && whole.every((h) => h.variant.entry.httpStatus !== httpStatus);
  if (whole.length > 0 && !byStatus) return undefined;
  const match = headerNameCandidate(
    hit,
    byStatus ? CONFIDENCE.headerNameByStatus : CONFIDENCE.headerName,
    byStatus && part("headerNameStatus", { status: String(httpStatus), entries: whole.map((h) => h.variant.entry.code).join(" / ") }),
  );
  return { match, alternatives: messageHits.map((h) => messageCandidate(h, CONFIDENCE.messageOfOtherEntry, describeHit(h))) };
}

function headerNameCandidate(hit: HeaderNameHit, confidence: number, extra?: ReasonPart): Candidate {
  const params = hit.params.filter(Boolean);
  return {
    entry: hit.name.entry.code,
    ...(params[0] ? { param: params[0] } : {}),
    ...(params.length > 1 ? { params } : {}),
    kind: "message",
    confidence,
    ...because(
      part("headerName", { text: truncate(hit.name.text, 90), entry: hit.name.entry.code }),
      extra,
      params.length > 0 && part("parameter", { params: params.join(", ") }),
    ),
  };
}

/** Longer texts are matched every time rather than kept as keys. */
const OUTCOME_KEY_LIMIT = 2048;

/**
 * matchError, remembered per matcher: an outcome is a pure function of code, message and catalog, and the same
 * errors come back in paste after paste (and many times in one log). The outcome returned is shared and must not
 * be changed; diagnose copies what it puts in a finding.
 */
export function matchErrorOnce(matcher: Matcher, error: ErrorToMatch): MatchOutcome {
  // The header value and status only count without a code (see matchError): otherwise they are not part of the key.
  const header = !error.code && error.gatewayMessage ? `\u0000${error.gatewayMessage}\u0000${error.httpStatus ?? ""}` : "";
  const key = `${error.code ?? ""}\u0000${error.message ?? ""}${header}`;
  if (key.length > OUTCOME_KEY_LIMIT) return matchError(matcher, error);
  const memo = memoOf(matcher).outcomes;
  let outcome = memo.get(key);
  if (!outcome) {
    outcome = matchError(matcher, error);
    memo.set(key, outcome);
  }
  return outcome;
}

function rank(match: Match | null, candidates: Candidate[]): Candidate[] {
  const all: Candidate[] = match ? [stripMatchExtras(match), ...candidates] : candidates;
  const seen = new Set<string>();
  const unique: Candidate[] = [];
  const sorted = match ? [all[0]!, ...all.slice(1).sort(byConfidence)] : all.sort(byConfidence);
  for (const candidate of sorted) {
    const key = candidate.entry;
    if (seen.has(key)) continue;
    seen.add(key);
    unique.push({ ...candidate, confidence: round(candidate.confidence) });
  }
  return unique.slice(0, 6);
}

function byConfidence(a: Candidate, b: Candidate): number {
  return b.confidence - a.confidence || compareText(a.entry, b.entry);
}

function stripMatchExtras(match: Match): Candidate {
  const { ambiguousWith: _ignored, ...candidate } = match;
  return candidate;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
