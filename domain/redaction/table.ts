/**
 * The one table of secrets: the names people give them (in config files, logs, headers, JSON keys, SDK calls and
 * ticket prose, English and Chinese) and the shapes their values take. The text redactor finds these names
 * (names.ts) and prefixes (prefixes.ts) in running text; the JSON walker (deep.ts) looks up object keys here too,
 * so a name added once is known to both.
 */
export const SECRET_KINDS = [
  "PrivateKey",
  "Authorization",
  "BearerToken",
  "Password",
  "AccessKeySecret",
  "AppSecret",
  "ClientSecret",
  "Secret",
  "SecurityToken",
  "Signature",
  "AccessKeyId",
  "StsAccessKeyId",
  "AppCode",
  "ApiKey",
  "AccessToken",
  "Cookie",
] as const;
export type SecretKind = (typeof SECRET_KINDS)[number];

/**
 * How the value after a name is read.
 * - `text` (passwords and other secrets people choose): a quoted value whole; unquoted, to the end of the line (in
 *   a URL query up to the next `&`); after a space or a word (`password is …`) only a word shaped like a credential.
 * - `token` (generated ids, secrets, tokens, signatures): a quoted value whole, otherwise one run of token
 *   characters; after a space or a word only one shaped like a credential.
 * - `header`: an Authorization header, scheme kept, credential (and its `,name=value` parameters) removed.
 * - `cookie` / `set-cookie`: every `name=value` pair of a Cookie header / the first pair's value of a Set-Cookie.
 * - `scheme`: a word followed by its credential after a space (`Bearer eyJ…`).
 * - `args`: an SDK constructor whose quoted arguments are the AccessKey id, secret and token in that order.
 */
export type ValueShape = "text" | "token" | "header" | "cookie" | "set-cookie" | "scheme" | "args";

export type SecretName = {
  /** Lower-case words; in text they may be joined by nothing, `-`, `_`, `.` or a space (`AccessKey_Secret`). */
  name: string;
  kind: SecretKind;
  value: ValueShape;
  /**
   * May end a longer identifier: `dbPassword=` in text (then only before an operator), `userAccessKeyId` as a key.
   * Names that are also ordinary words in other identifiers (`NextToken`, `x-ca-key`) are not suffixes.
   */
  suffix?: boolean;
  /** Only before `:`/`=` (two-letter names such as `sk`, which a space after would make a word). */
  operatorOnly?: boolean;
  /** Only as a URL query parameter (`?key=`, `&sign=`): elsewhere these words mean nothing secret. */
  queryOnly?: boolean;
  /** An everyday word (`error presenting token: alicloud`): an unquoted value counts only when shaped like a generated credential. */
  generic?: boolean;
};

export const SECRET_NAMES: readonly SecretName[] = [
  // Alibaba Cloud AccessKey pairs, also as AWS and other SDKs name them.
  { name: "access key secret", kind: "AccessKeySecret", value: "token", suffix: true },
  { name: "secret access key", kind: "AccessKeySecret", value: "token", suffix: true },
  { name: "access secret", kind: "AccessKeySecret", value: "token", suffix: true },
  { name: "secret key", kind: "AccessKeySecret", value: "token", suffix: true },
  { name: "ak secret", kind: "AccessKeySecret", value: "token" },
  { name: "sk", kind: "AccessKeySecret", value: "token", operatorOnly: true },
  { name: "访问密钥", kind: "AccessKeySecret", value: "token" },
  { name: "access key id", kind: "AccessKeyId", value: "token", suffix: true },
  { name: "access key", kind: "AccessKeyId", value: "token" },
  { name: "ak id", kind: "AccessKeyId", value: "token" },
  { name: "ak", kind: "AccessKeyId", value: "token", operatorOnly: true },
  { name: "密钥 id", kind: "AccessKeyId", value: "token" },
  { name: "security token", kind: "SecurityToken", value: "token", suffix: true },
  { name: "sts token", kind: "SecurityToken", value: "token", suffix: true },
  { name: "session token", kind: "SecurityToken", value: "token", suffix: true },
  { name: "安全令牌", kind: "SecurityToken", value: "token" },
  { name: "signature", kind: "Signature", value: "token", suffix: true },
  { name: "sign", generic: true, kind: "Signature", value: "token", queryOnly: true },
  { name: "签名", kind: "Signature", value: "token" },
  // API Gateway's own credentials: app secret, AppCode, and the Authorization header.
  { name: "app secret", kind: "AppSecret", value: "token", suffix: true },
  { name: "app key secret", kind: "AppSecret", value: "token", suffix: true },
  { name: "app code", kind: "AppCode", value: "token", suffix: true },
  { name: "authorization", kind: "Authorization", value: "header" },
  { name: "proxy authorization", kind: "Authorization", value: "header" },
  { name: "bearer", kind: "BearerToken", value: "scheme" },
  { name: "bearer token", kind: "BearerToken", value: "token", suffix: true },
  // Generic names any program uses.
  { name: "client secret", kind: "ClientSecret", value: "token", suffix: true },
  { name: "api secret", kind: "Secret", value: "text", suffix: true },
  { name: "secret", kind: "Secret", value: "text", suffix: true },
  { name: "密钥", kind: "Secret", value: "text" },
  { name: "password", kind: "Password", value: "text", suffix: true },
  { name: "passwd", kind: "Password", value: "text", suffix: true },
  { name: "passphrase", kind: "Password", value: "text", suffix: true },
  { name: "pgpassword", kind: "Password", value: "text" },
  { name: "pwd", kind: "Password", value: "text", operatorOnly: true },
  { name: "密码", kind: "Password", value: "text" },
  { name: "口令", kind: "Password", value: "text" },
  { name: "private key", kind: "PrivateKey", value: "text", suffix: true },
  { name: "api key", kind: "ApiKey", value: "token", suffix: true },
  { name: "key", generic: true, kind: "ApiKey", value: "token", queryOnly: true },
  { name: "access token", kind: "AccessToken", value: "token", suffix: true },
  { name: "refresh token", kind: "AccessToken", value: "token", suffix: true },
  { name: "id token", kind: "AccessToken", value: "token" },
  { name: "auth token", kind: "AccessToken", value: "token", suffix: true },
  { name: "api token", kind: "AccessToken", value: "token", suffix: true },
  { name: "private token", kind: "AccessToken", value: "token", suffix: true },
  { name: "token", generic: true, kind: "AccessToken", value: "token" },
  { name: "令牌", generic: true, kind: "AccessToken", value: "token" },
  { name: "cookie", kind: "Cookie", value: "cookie" },
  { name: "set cookie", kind: "Cookie", value: "set-cookie" },
  // SDK set-up code passing the AccessKey pair positionally (Python, Java, Go, PHP, .NET, Node).
  { name: "acs client", kind: "AccessKeyId", value: "args", suffix: true },
  { name: "get profile", kind: "AccessKeyId", value: "args", suffix: true },
  { name: "new client with access key", kind: "AccessKeyId", value: "args", suffix: true },
  { name: "new client with sts token", kind: "AccessKeyId", value: "args", suffix: true },
  { name: "access key client", kind: "AccessKeyId", value: "args", suffix: true },
  { name: "access key credential", kind: "AccessKeyId", value: "args", suffix: true },
  { name: "sts token credential", kind: "AccessKeyId", value: "args", suffix: true },
  { name: "basic credentials", kind: "AccessKeyId", value: "args", suffix: true },
  { name: "static credentials provider", kind: "AccessKeyId", value: "args", suffix: true },
];

/** The order positional SDK arguments come in: `AcsClient(id, secret, region)`, `NewClientWithStsToken(r, id, secret, token)`. */
export const POSITIONAL_KINDS: readonly SecretKind[] = ["AccessKeyId", "AccessKeySecret", "SecurityToken"];

/**
 * Credentials recognisable by their own shape wherever they stand, each with the literal it starts with
 * (case-sensitive). Lengths are the vendors' published ones, or a lower bound where they vary.
 */
export type PrefixedToken = { prefix: string; pattern: RegExp; kind: SecretKind; group?: number };

export const PREFIXED_TOKENS: readonly PrefixedToken[] = [
  // Alibaba Cloud. No look-behind on purpose: in a string-to-sign the id follows `%3D` (`AccessKeyId%3DLTAI…`).
  { prefix: "LTAI", pattern: /LTAI[A-Za-z0-9]{12,128}/y, kind: "AccessKeyId" },
  { prefix: "STS.", pattern: /STS\.[A-Za-z0-9]{16,256}/y, kind: "StsAccessKeyId" },
  { prefix: "CAIS", pattern: /CAIS[A-Za-z0-9+/=]{60,8192}/y, kind: "SecurityToken" },
  // AWS and Tencent Cloud access key ids.
  { prefix: "AKIA", pattern: /AKIA[A-Z0-9]{16}(?![A-Za-z0-9])/y, kind: "AccessKeyId" },
  { prefix: "ASIA", pattern: /ASIA[A-Z0-9]{16}(?![A-Za-z0-9])/y, kind: "AccessKeyId" },
  { prefix: "AKID", pattern: /AKID[A-Za-z0-9]{32}(?![A-Za-z0-9])/y, kind: "AccessKeyId" },
  // GitHub, GitLab, Slack, npm tokens; Google, Stripe, OpenAI, SendGrid API keys; JSON Web Tokens.
  { prefix: "ghp_", pattern: /ghp_[A-Za-z0-9]{36,255}/y, kind: "AccessToken" },
  { prefix: "gho_", pattern: /gho_[A-Za-z0-9]{36,255}/y, kind: "AccessToken" },
  { prefix: "ghu_", pattern: /ghu_[A-Za-z0-9]{36,255}/y, kind: "AccessToken" },
  { prefix: "ghs_", pattern: /ghs_[A-Za-z0-9]{36,255}/y, kind: "AccessToken" },
  { prefix: "ghr_", pattern: /ghr_[A-Za-z0-9]{36,255}/y, kind: "AccessToken" },
  { prefix: "github_pat_", pattern: /github_pat_[A-Za-z0-9_]{22,255}/y, kind: "AccessToken" },
  { prefix: "glpat-", pattern: /glpat-[A-Za-z0-9_-]{20,255}/y, kind: "AccessToken" },
  { prefix: "xox", pattern: /xox[abeprs]-[A-Za-z0-9-]{10,255}/y, kind: "AccessToken" },
  { prefix: "npm_", pattern: /npm_[A-Za-z0-9]{36,255}/y, kind: "AccessToken" },
  { prefix: "AIza", pattern: /AIza[0-9A-Za-z_-]{35}/y, kind: "ApiKey" },
  { prefix: "sk_live_", pattern: /sk_live_[A-Za-z0-9]{16,255}/y, kind: "ApiKey" },
  { prefix: "sk_test_", pattern: /sk_test_[A-Za-z0-9]{16,255}/y, kind: "ApiKey" },
  { prefix: "rk_live_", pattern: /rk_live_[A-Za-z0-9]{16,255}/y, kind: "ApiKey" },
  { prefix: "sk-", pattern: /(?<![A-Za-z0-9_-])sk-(?:proj-|ant-)?[A-Za-z0-9_-]{20,255}/y, kind: "ApiKey" },
  { prefix: "SG.", pattern: /SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}/y, kind: "ApiKey" },
  { prefix: "eyJ", pattern: /eyJ[A-Za-z0-9_-]{8,4096}\.[A-Za-z0-9_-]{2,4096}\.[A-Za-z0-9_-]{0,4096}/y, kind: "AccessToken" },
  // Webhook URLs whose path is the credential (Slack, Feishu / Lark); DingTalk and WeCom put it in `access_token=` / `key=`.
  {
    prefix: "hooks.slack.com/",
    pattern: /hooks\.slack\.com\/(?:services|workflows|triggers)\/([A-Za-z0-9/_-]{16,256})/y,
    kind: "AccessToken",
    group: 1,
  },
  { prefix: "/bot/v2/hook/", pattern: /\/bot\/v2\/hook\/([A-Za-z0-9-]{16,128})/y, kind: "AccessToken", group: 1 },
  // `curl -u user:password`.
  { prefix: "-u ", pattern: /(?<=^|\s)-u[ \t]{1,4}["']?[^\s:"']{1,256}:([^\s"']{1,256})/y, kind: "Password", group: 1 },
  { prefix: "--user", pattern: /--user[ \t=]{1,4}["']?[^\s:"']{1,256}:([^\s"']{1,256})/y, kind: "Password", group: 1 },
  // `scheme://user:password@host`: the password may hold `@` and `:`; the host starts after the last `@`.
  { prefix: "://", pattern: /:\/\/[^\s:/@"'<>]{0,256}:([^\s/"'<>]{1,256})@/y, kind: "Password", group: 1 },
];

/** Authorization schemes whose name stays readable (it tells support how the caller signed) before the removed credential. */
export const AUTH_SCHEMES =
  /(?:bearer|basic|appcode|acs3-hmac-sha256|aws4-hmac-sha256|hmac-sha256|acs|digest|token|oauth|negotiate|ntlm)[ \t]{1,4}/iy;

/** An error code that merely mentions a secret's name (`InvalidAccessKeySecret: …`): its tail is no key. */
export const ERROR_WORDS =
  /(?:invalid|missing|incorrect|wrong|bad|empty|expired|illegal|malformed|unsupported|mismatch|equal|null|blank|weak|no)$/i;

const compact = (words: string) => words.replace(/[\s_.-]/g, "").toLowerCase();

/** Every name by its compact spelling (lower case, no separators). */
export const NAME_BY_COMPACT = new Map(SECRET_NAMES.map((entry) => [compact(entry.name), entry]));

/** Names that can be a JSON key: not the SDK constructors, not the query-only words. Longest first for suffix matching. */
const KEY_NAMES = SECRET_NAMES.filter((entry) => entry.value !== "args" && !entry.queryOnly)
  .map((entry) => ({ ...entry, compact: compact(entry.name) }))
  .sort((a, b) => b.compact.length - a.compact.length);

const keyKinds = new Map<string, SecretKind | null>();

/**
 * The kind of secret a JSON key names (`X-Ca-Signature`, `access_key_secret`, `userAccessKeyId`, `密码`), or null.
 * Memoised: the records of a batch repeat the same few keys. Bounded, as the keys come from the sender.
 */
export function secretKindOfKey(key: string): SecretKind | null {
  let kind = keyKinds.get(key);
  if (kind === undefined) {
    const k = compact(key).replace(/[^a-z0-9\u4e00-\u9fff]/g, "");
    kind = KEY_NAMES.find((entry) => k === entry.compact || (entry.suffix && k.endsWith(entry.compact)))?.kind ?? null;
    if (keyKinds.size >= 4096) keyKinds.clear();
    keyKinds.set(key, kind);
  }
  return kind;
}
