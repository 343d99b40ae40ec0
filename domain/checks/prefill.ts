import type { SavedResult } from "../diagnosis-service/types";
import type { Finding } from "../diagnosis/types";
import type { CheckKind } from "./registry";

/** The server's string to sign as the OpenAPI or the gateway printed it in the error message. */
export function serverStringToSign(message: string | undefined): string {
  if (!message) return "";
  const quoted = /StringToSign:?\s*`([^`]*)`/i.exec(message);
  if (quoted) return quoted[1]!;
  const rpc = /string to sign is:?\s*(\S+)/i.exec(message);
  return rpc ? rpc[1]! : "";
}

/** A moment only when the text says its zone: a log prefix without one is local time somewhere unknown. */
function isoOrEmpty(text: string | null | undefined): string {
  if (!text || !/(Z|[+-]\d{2}:?\d{2}|GMT|UTC)$/i.test(text.trim())) return "";
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? "" : date.toISOString();
}

/**
 * What a check's form starts with, from the finding and the saved result: the request's Timestamp and the
 * response's or event's time, the server's string to sign from the message, the AccessDeniedDetail.
 */
export function checkPrefill(kind: CheckKind, finding: Finding, result: Pick<SavedResult, "event">): Record<string, string> {
  switch (kind) {
    case "timestamp":
      return { value: finding.requestTimestamp ?? "", at: isoOrEmpty(result.event?.occurredAt) || isoOrEmpty(finding.timestamp) };
    case "signature":
      return { server: serverStringToSign(finding.message), client: "" };
    case "permission":
      return { detail: finding.accessDeniedDetail === undefined ? "" : JSON.stringify(finding.accessDeniedDetail, null, 2) };
    default:
      return {};
  }
}
