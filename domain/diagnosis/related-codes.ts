/**
 * Common Alibaba Cloud codes that are not in the CloudAPI catalog but arrive in CloudAPI tickets, with the
 * catalog entries they relate to. Without this list `InvalidAccessKeyId` would be taken for `Invalid%s` with
 * parameter `AccessKeyId`, which is wrong: it is its own common code with its own message.
 * The meanings and relations come from the codes' documentation and from real responses seen in tickets.
 */
/**
 * Engine knowledge with no catalog entry to translate it, so it is written in both languages here: a reason or
 * note quoting it passes both and each locale's message picks its own (reasons.ts).
 */
export type Bilingual = { en: string; zh: string };
export type RelatedEntry = { entry: string; param?: string; confidence: number; why: Bilingual };
export type ForeignCode = { meaning: Bilingual; related: RelatedEntry[] };

const SIGNATURE_REWRITE: ForeignCode = {
  meaning: {
    en: "what the SDK reports instead of SignatureDoesNotMatch when the server's string-to-sign equals its own, i.e. the AccessKey secret is wrong",
    zh: "服务端的 StringToSign 与 SDK 自己计算的相同时，SDK 用它代替 SignatureDoesNotMatch 报告，意思是 AccessKey Secret 不对",
  },
  related: [
    {
      entry: "SignatureDoesNotMatch",
      confidence: 0.6,
      why: { en: "the server actually returned SignatureDoesNotMatch", zh: "服务端实际返回的是 SignatureDoesNotMatch" },
    },
  ],
};

const STS_TOKEN: ForeignCode = {
  meaning: {
    en: "a common STS SecurityToken error (expired, malformed or not issued for this AccessKey)",
    zh: "STS SecurityToken 的通用错误（已过期、格式不对，或不是为这个 AccessKey 签发的）",
  },
  related: [
    {
      entry: "MissingSecurityToken",
      confidence: 0.35,
      why: { en: "also about the STS SecurityToken", zh: "同样与 STS SecurityToken 有关" },
    },
  ],
};

export const FOREIGN_CODES: ReadonlyMap<string, ForeignCode> = new Map<string, ForeignCode>([
  [
    "Forbidden.RAM",
    {
      meaning: { en: "the RAM-denied code shared by all Alibaba Cloud products", zh: "阿里云各产品共用的 RAM 鉴权拒绝错误码" },
      related: [
        {
          entry: "NoPermission",
          confidence: 0.55,
          why: { en: "NoPermission is this catalog's RAM authorization failure", zh: "本目录中 RAM 鉴权失败的错误码是 NoPermission" },
        },
        {
          entry: "Forbidden%s",
          confidence: 0.4,
          why: { en: 'it shares the Forbidden prefix, but ".RAM" is not a parameter name', zh: "前缀同为 Forbidden，但“.RAM”不是参数名" },
        },
      ],
    },
  ],
  [
    "InvalidAccessKeyId",
    {
      meaning: {
        en: "the newer common code for an AccessKeyId that does not exist or is invalid",
        zh: "AccessKeyId 不存在或无效时较新的通用错误码",
      },
      related: [
        {
          entry: "InvalidAccessKeyId.NotFound",
          confidence: 0.65,
          why: { en: "the catalog's code for the same condition", zh: "本目录中同一情形的错误码" },
        },
      ],
    },
  ],
  ["InvalidAccessKeySecret", SIGNATURE_REWRITE],
  ["SDK.InvalidAccessKeySecret", SIGNATURE_REWRITE],
  ["SDK.InvalidAccessSecret", SIGNATURE_REWRITE],
  [
    "IncompleteSignature",
    {
      meaning: { en: "the common code for a request whose signature parameters are incomplete", zh: "请求的签名参数不完整时的通用错误码" },
      related: [
        {
          entry: "SignatureDoesNotMatch",
          confidence: 0.5,
          why: { en: "both mean the server could not verify the signature", zh: "两者都表示服务端无法验证签名" },
        },
      ],
    },
  ],
  [
    "InvalidAction.NotFound",
    {
      meaning: { en: "the common code for an unknown API action or version", zh: "API 操作名或版本不存在时的通用错误码" },
      related: [
        {
          entry: "InvalidApi.NotFound",
          confidence: 0.6,
          why: { en: "same condition and the same message text", zh: "情形相同，报错信息也相同" },
        },
      ],
    },
  ],
  [
    "Throttling",
    {
      meaning: { en: "the legacy generic flow-control code", zh: "旧版的通用流控错误码" },
      related: [
        { entry: "Throttling.User", confidence: 0.5, why: { en: "flow control on the caller", zh: "针对调用者的流控" } },
        { entry: "Throttling.API", confidence: 0.45, why: { en: "flow control on the API", zh: "针对 API 的流控" } },
      ],
    },
  ],
  ["InvalidSecurityToken.Expired", STS_TOKEN],
  ["InvalidSecurityToken.Malformed", STS_TOKEN],
  ["InvalidSecurityToken.MismatchWithAccessKey", STS_TOKEN],
  [
    "InvalidRegionId",
    {
      meaning: {
        en: "the common code for a region the product or endpoint does not serve",
        zh: "产品或接入地址不支持该地域时的通用错误码",
      },
      related: [
        {
          entry: "Invalid%s",
          param: "RegionId",
          confidence: 0.5,
          why: { en: "the catalog's generic invalid-parameter code", zh: "本目录中通用的参数无效错误码" },
        },
      ],
    },
  ],
  [
    "AccessDenied",
    {
      meaning: { en: "a generic access-denied code used by several products", zh: "多个产品使用的通用拒绝访问错误码" },
      related: [
        { entry: "NoPermission", confidence: 0.45, why: { en: "the catalog's authorization failure", zh: "本目录中的鉴权失败错误码" } },
      ],
    },
  ],
  [
    "MissingParameter",
    {
      meaning: { en: "the generic missing-parameter code of other products", zh: "其他产品通用的缺少参数错误码" },
      related: [
        {
          entry: "Missing%s",
          confidence: 0.5,
          why: { en: "the catalog names the parameter in the code instead", zh: "本目录把参数名直接写在错误码里" },
        },
      ],
    },
  ],
]);

/** ECS-style `MissingParameter.RegionId` is CloudAPI's `Missing%s` with the parameter after the dot. */
export function relatedByShape(code: string): { foreign: ForeignCode; related: RelatedEntry[] } | undefined {
  const missing = /^MissingParameter\.([A-Z][A-Za-z0-9_]{0,63})$/.exec(code);
  if (missing) {
    return {
      foreign: { meaning: { en: "the ECS-style spelling of a missing-parameter error", zh: "ECS 风格的缺少参数错误码写法" }, related: [] },
      related: [
        {
          entry: "Missing%s",
          param: missing[1],
          confidence: 0.6,
          why: { en: `the catalog spells it Missing${missing[1]}`, zh: `本目录中写作 Missing${missing[1]}` },
        },
      ],
    };
  }
  return undefined;
}

/**
 * API Gateway data-plane codes: a letter, the HTTP status (4xx or 5xx), two letters (I400HD, A403IS, X500ED). Any
 * letter: the vendor's table also has rows we have not loaded, such as the backend codes (D504TO, D504CO).
 */
export function isGatewayDataPlaneCode(code: string): boolean {
  return /^[A-Z][45]\d{2}[A-Z]{2}$/.test(code);
}

/**
 * API Gateway's classic (shared) instances name an error by its X-Ca-Error-Message alone (`Throttled by APP Flow
 * Control`); the catalog keys such an entry `Classic.<Name>` (gatewayClassicKey in domain/catalog/vendor-doc.ts) and
 * keeps the name, verbatim, as its message. The engine matches these names only as the whole value of an
 * X-Ca-Error-Message header (matcher.ts), never in free text: `Unauthorized` in a sentence is not this error.
 */
export const CLASSIC_KEY_PREFIX = "Classic.";

export function isGatewayClassicKey(code: string): boolean {
  return code.startsWith(CLASSIC_KEY_PREFIX) && /^Classic\.[A-Za-z0-9]+$/.test(code);
}

/** Codes the SDK invents on the client side; the request may never have reached Alibaba Cloud. */
export function isSdkClientCode(code: string): boolean {
  return code.startsWith("SDK.") && !FOREIGN_CODES.has(code);
}
