/**
 * One megabyte of text the diagnosis engine finds costly (see bench/diagnose-engine.ts), with a real error and a
 * secret at its start, so an answer to it can be checked: the error found, the secret gone from what is stored.
 */
export const HEAVY_PASTE_ERROR = `SDK.ServerError
ErrorCode: InvalidFormatRequestConfig
RequestId: 7b3c9a1e-2f4d-4e6a-9c8b-1a2b3c4d5e6f
Message: The specified parameter RequestConfig value is not well formatted.
AccessKeyId=LTAI5tShouldNeverBeStored99
`;

export function heavyPaste(bytes = 1024 * 1024): string {
  return `${HEAVY_PASTE_ERROR}${"ErrorCode: \n".repeat(Math.ceil(bytes / 12))}`.slice(0, bytes);
}

/** An NDJSON body of `count` events (about 330 bytes each) with an AccessKey id in every message, to redact. */
export function eventsBody(count: number, prefix = "5C1D2B3A"): string {
  return Array.from({ length: count }, (_, i) =>
    JSON.stringify({
      requestId: `${prefix}-1234-4ABC-9DEF-${String(i).padStart(12, "0")}`,
      time: "2024-05-12T10:00:00Z",
      action: "CreateApi",
      code: "InvalidFormat.RequestConfig",
      message: `The specified parameter RequestConfig value is not well formatted. AccessKeyId=LTAI5tShouldNeverBeStored${String(i).padStart(4, "0")}`,
      caller: "alice",
    }),
  ).join("\n");
}
