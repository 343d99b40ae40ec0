/**
 * Common Alibaba Cloud codes that are not in the CloudAPI catalog but arrive in CloudAPI tickets, with the
 * catalog entries they relate to. Without this list `InvalidAccessKeyId` would be taken for `Invalid%s` with
 * parameter `AccessKeyId`, which is wrong: it is its own common code with its own message.
 * Sources: error-formats.md §2 (SDK rewrites), §5 and §7 (message texts seen for these codes).
 */
export type RelatedEntry = { entry: string; param?: string; confidence: number; why: string };
export type ForeignCode = { meaning: string; related: RelatedEntry[] };

const SIGNATURE_REWRITE: ForeignCode = {
  meaning:
    "what the SDK reports instead of SignatureDoesNotMatch when the server's string-to-sign equals its own, i.e. the AccessKey secret is wrong",
  related: [{ entry: "SignatureDoesNotMatch", confidence: 0.6, why: "the server actually returned SignatureDoesNotMatch" }],
};

const STS_TOKEN: ForeignCode = {
  meaning: "a common STS SecurityToken error (expired, malformed or not issued for this AccessKey)",
  related: [{ entry: "MissingSecurityToken", confidence: 0.35, why: "also about the STS SecurityToken" }],
};

export const FOREIGN_CODES: ReadonlyMap<string, ForeignCode> = new Map<string, ForeignCode>([
  [
    "Forbidden.RAM",
    {
      meaning: "the RAM-denied code shared by all Alibaba Cloud products",
      related: [
        { entry: "NoPermission", confidence: 0.55, why: "NoPermission is this catalog's RAM authorization failure" },
        { entry: "Forbidden%s", confidence: 0.4, why: 'it shares the Forbidden prefix, but ".RAM" is not a parameter name' },
      ],
    },
  ],
  [
    "InvalidAccessKeyId",
    {
      meaning: "the newer common code for an AccessKeyId that does not exist or is invalid",
      related: [{ entry: "InvalidAccessKeyId.NotFound", confidence: 0.65, why: "the catalog's code for the same condition" }],
    },
  ],
  ["InvalidAccessKeySecret", SIGNATURE_REWRITE],
  ["SDK.InvalidAccessKeySecret", SIGNATURE_REWRITE],
  ["SDK.InvalidAccessSecret", SIGNATURE_REWRITE],
  [
    "IncompleteSignature",
    {
      meaning: "the common code for a request whose signature parameters are incomplete",
      related: [{ entry: "SignatureDoesNotMatch", confidence: 0.5, why: "both mean the server could not verify the signature" }],
    },
  ],
  [
    "InvalidAction.NotFound",
    {
      meaning: "the common code for an unknown API action or version",
      related: [{ entry: "InvalidApi.NotFound", confidence: 0.6, why: "same condition and the same message text" }],
    },
  ],
  [
    "Throttling",
    {
      meaning: "the legacy generic flow-control code",
      related: [
        { entry: "Throttling.User", confidence: 0.5, why: "flow control on the caller" },
        { entry: "Throttling.API", confidence: 0.45, why: "flow control on the API" },
      ],
    },
  ],
  ["InvalidSecurityToken.Expired", STS_TOKEN],
  ["InvalidSecurityToken.Malformed", STS_TOKEN],
  ["InvalidSecurityToken.MismatchWithAccessKey", STS_TOKEN],
  [
    "InvalidRegionId",
    {
      meaning: "the common code for a region the product or endpoint does not serve",
      related: [{ entry: "Invalid%s", param: "RegionId", confidence: 0.5, why: "the catalog's generic invalid-parameter code" }],
    },
  ],
  [
    "AccessDenied",
    {
      meaning: "a generic access-denied code used by several products",
      related: [{ entry: "NoPermission", confidence: 0.45, why: "the catalog's authorization failure" }],
    },
  ],
  [
    "MissingParameter",
    {
      meaning: "the generic missing-parameter code of other products",
      related: [{ entry: "Missing%s", confidence: 0.5, why: "the catalog names the parameter in the code instead" }],
    },
  ],
]);

/** ECS-style `MissingParameter.RegionId` is CloudAPI's `Missing%s` with the parameter after the dot. */
export function relatedByShape(code: string): { foreign: ForeignCode; related: RelatedEntry[] } | undefined {
  const missing = /^MissingParameter\.([A-Z][A-Za-z0-9_]{0,63})$/.exec(code);
  if (missing) {
    return {
      foreign: { meaning: "the ECS-style spelling of a missing-parameter error", related: [] },
      related: [{ entry: "Missing%s", param: missing[1], confidence: 0.6, why: `the catalog spells it Missing${missing[1]}` }],
    };
  }
  return undefined;
}

/** API Gateway data-plane codes: a letter, the HTTP status, two letters (I400HD, A403IS, X500ED; §4). */
export function isGatewayDataPlaneCode(code: string): boolean {
  return /^[AIXB]\d{3}[A-Z]{2}$/.test(code);
}

/** Codes the SDK invents on the client side; the request may never have reached Alibaba Cloud. */
export function isSdkClientCode(code: string): boolean {
  return code.startsWith("SDK.") && !FOREIGN_CODES.has(code);
}
