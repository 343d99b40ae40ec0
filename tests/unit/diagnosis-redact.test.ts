import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { createMatcher, diagnose, redactSecrets } from "@/domain/diagnosis";
import vendorFacts from "@/db/seed/vendor-facts.json";
import { SAMPLES } from "@/tests/fixtures/diagnosis/samples";
import { REDACTION_CORPUS } from "@/tests/fixtures/redaction/corpus";

const matcher = createMatcher(vendorFacts);

describe("redactSecrets", () => {
  test.each([
    ["an LTAI AccessKey id anywhere", "key LTAI5tQwErTyUiOpAsDfGh used", "LTAI5tQwErTyUiOpAsDfGh", "AccessKeyId"],
    [
      "an id inside a string-to-sign",
      "POST&%2F&AccessKeyId%3DLTAIlFW9Sddoh5pV%26Action%3DGetMainDomainName",
      "LTAIlFW9Sddoh5pV",
      "AccessKeyId",
    ],
    ["an old-style id next to its key", "AccessKeyId=Zo43hvW2RzvKabcd&Action=DescribeApis", "Zo43hvW2RzvKabcd", "AccessKeyId"],
    ["an STS id", "STS.NUgYrLnoC37mZFSNb9wAbCdEf", "STS.NUgYrLnoC37mZFSNb9wAbCdEf", "StsAccessKeyId"],
    ["a URL Signature", "&SignatureVersion=1.0&Signature=Qm7s%2BhLn6Kq%3D&Timestamp=x", "Qm7s%2BhLn6Kq%3D", "Signature"],
    [
      "a gateway X-Ca-Signature header",
      "X-Ca-Signature: xfX+bZxY2yl7EB/qdoDy9v/uscw3Nnj1pgoU+Bm6xdM=",
      "xfX+bZxY2yl7EB/qdoDy9v/uscw3Nnj1pgoU+Bm6xdM=",
      "Signature",
    ],
    ["a SecurityToken parameter", "&SecurityToken=CAIS8QF1q6Ft5B2yfSjIr5bMI&", "CAIS8QF1q6Ft5B2yfSjIr5bMI", "SecurityToken"],
    ["an x-acs-security-token header", "x-acs-security-token: CAISabc123def456ghi789", "CAISabc123def456ghi789", "SecurityToken"],
    [
      "an AccessKeySecret assignment",
      "AccessKeySecret: 9xYzAbCdEfGhIjKlMnOpQrStUvWx12",
      "9xYzAbCdEfGhIjKlMnOpQrStUvWx12",
      "AccessKeySecret",
    ],
    [
      "a snake_case secret in config",
      'access_key_secret = "9xYzAbCdEfGhIjKlMnOpQrStUvWx12"',
      "9xYzAbCdEfGhIjKlMnOpQrStUvWx12",
      "AccessKeySecret",
    ],
    [
      "a camelCase secret in JSON",
      '{"accessKeySecret":"9xYzAbCdEfGhIjKlMnOpQrStUvWx12"}',
      "9xYzAbCdEfGhIjKlMnOpQrStUvWx12",
      "AccessKeySecret",
    ],
    [
      "an environment variable",
      "export ALIBABA_CLOUD_ACCESS_KEY_SECRET=9xYzAbCdEfGhIjKlMnOpQrStUvWx12",
      "9xYzAbCdEfGhIjKlMnOpQrStUvWx12",
      "AccessKeySecret",
    ],
    [
      "an Authorization header",
      "Authorization: acs LTAI5tQwErTyUiOpAsDfGh:frJIUN8DYpKDtOLCwo//yllqDzg=",
      "frJIUN8DYpKDtOLCwo//yllqDzg=",
      "Authorization",
    ],
    [
      "a bearer token",
      "curl -H 'X-Token: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abc'",
      "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abc",
      "BearerToken",
    ],
    ["a password in a URL", "postgres://admin:S3cr3t!pass@db.internal:5432/app", "S3cr3t!pass", "Password"],
  ])("%s", (_name, text, secret, kind) => {
    const { text: out, removed } = redactSecrets(text);
    expect(out).not.toContain(secret);
    expect(out).toContain(`[REDACTED:${kind}]`);
    expect(removed.find((r) => r.kind === kind)?.count).toBeGreaterThanOrEqual(1);
  });

  test("a PEM private key goes as a whole block", () => {
    const key = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAx1\nq2w3e4r5t6y7u8i9o0\n-----END RSA PRIVATE KEY-----";
    const { text, removed } = redactSecrets(`cert upload failed\n${key}\nCertificateKeyNotMatch`);
    expect(text).toBe("cert upload failed\n[REDACTED:PrivateKey]\nCertificateKeyNotMatch");
    expect(removed).toEqual([{ kind: "PrivateKey", count: 1 }]);
  });

  test("a PEM block with no END takes the rest of the paste with it", () => {
    expect(redactSecrets("x\n-----BEGIN PRIVATE KEY-----\nMIIEv\nQ2w3").text).toBe("x\n[REDACTED:PrivateKey]");
  });

  test.each([
    "ErrorCode: MissingSecurityToken",
    "SecurityToken is mandatory for this action.",
    "SDK.InvalidAccessKeySecret : Specified Access Key Secret is not valid.",
    "Recommend: InvalidAccessKeySecret: Please check you AccessKeySecret",
    "&SignatureMethod=HMAC-SHA1&SignatureNonce=217f3bb4&SignatureVersion=1.0",
    '{"Code":"SignatureDoesNotMatch","Message":"Invalid Signature, Server StringToSign:`GET#/`"}',
    "The AccessKeySecret is incorrect. Please check your AccessKeyId and AccessKeySecret.",
    '{"AccessKeyId":"***"}',
  ])("leaves error text alone: %s", (text) => {
    expect(redactSecrets(text)).toEqual({ text, removed: [] });
  });

  test("diagnose redacts first and reports spans in the original input", () => {
    const text = `AccessKeySecret=9xYzAbCdEfGhIjKlMnOpQrStUvWx12 then {"Code":"InvalidApiDefault","RequestId":"5D8E9B3A-1111-4C2B-9C9D-0123456789AB"}`;
    const result = diagnose(text, matcher);
    expect(result.redacted.text.startsWith("AccessKeySecret=[REDACTED:AccessKeySecret] then {")).toBe(true);
    const [finding] = result.findings;
    expect(text.slice(finding!.span.start, finding!.span.end)).toBe(
      `{"Code":"InvalidApiDefault","RequestId":"5D8E9B3A-1111-4C2B-9C9D-0123456789AB"}`,
    );
    expect(result.redacted.text.slice(finding!.redactedSpan.start, finding!.redactedSpan.end)).toBe(
      text.slice(finding!.span.start, finding!.span.end),
    );
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Property: planted secrets never come back, whatever surrounds them
// ---------------------------------------------------------------------------------------------------------------

const chars = (alphabet: string, minLength: number, maxLength: number) =>
  fc.string({ unit: fc.constantFrom(...alphabet), minLength, maxLength });
const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const BASE64 = `${ALNUM}+/`;

type Planted = { text: string; secret: string };

const plantedSecret: fc.Arbitrary<Planted> = fc.oneof(
  chars(ALNUM, 14, 26).map((tail) => ({ secret: `LTAI${tail}`, text: `LTAI${tail}` })),
  fc
    .tuple(
      chars(ALNUM, 14, 26),
      fc.constantFrom(
        "AccessKeyId=%s&",
        '"AccessKeyId":"%s"',
        "access_key_id: %s",
        "AccessKeyId%3D%s%26",
        "&quot;AccessKeyId&quot;:&quot;%s&quot;",
      ),
    )
    .map(([tail, form]) => ({
      secret: `LTAI${tail}`,
      text: form.replace("%s", `LTAI${tail}`),
    })),
  chars(ALNUM, 16, 30).map((tail) => ({ secret: `STS.${tail}`, text: `STS.${tail}` })),
  fc
    .tuple(chars(`${ALNUM}%`, 12, 40), fc.constantFrom("&Signature=%s&", "?Signature=%s", "X-Ca-Signature: %s", '"Signature":"%s"'))
    .map(([v, form]) => ({
      secret: `Sig${v}`,
      text: form.replace("%s", `Sig${v}`),
    })),
  fc
    .tuple(
      chars(BASE64, 20, 80),
      fc.constantFrom(
        "SecurityToken=%s",
        '"SecurityToken":"%s"',
        "x-acs-security-token: %s",
        "security_token = '%s'",
        "&SecurityToken=%s&",
      ),
    )
    .map(([v, form]) => ({ secret: `Tok${v}`, text: form.replace("%s", `Tok${v}`) })),
  fc
    .tuple(
      chars(ALNUM, 30, 30),
      fc.constantFrom(
        "AccessKeySecret: %s",
        'access_key_secret = "%s"',
        '"accessKeySecret":"%s"',
        "ALIBABA_CLOUD_ACCESS_KEY_SECRET=%s",
        "AccessKey Secret：%s",
        "secret_key=%s",
        "&quot;accessKeySecret&quot;:&quot;%s&quot;",
        "&#34;AccessKeySecret&#34;: &#34;%s&#34;",
        "ＡｃｃｅｓｓＫｅｙＳｅｃｒｅｔ：%s",
      ),
    )
    .map(([v, form]) => ({ secret: v, text: form.replace("%s", v) })),
  fc
    .tuple(chars(ALNUM, 14, 20), chars(BASE64, 20, 40))
    .map(([id, sig]) => ({ secret: `S${sig}`, text: `Authorization: acs LTAI${id}:S${sig}` })),
  chars(`${ALNUM}-._~`, 20, 60).map((token) => ({ secret: `T${token}`, text: `Bearer T${token}` })),
  fc
    .tuple(chars(ALNUM, 3, 10), chars(`${ALNUM}!$*`, 10, 24))
    .map(([user, pass]) => ({ secret: `P${pass}`, text: `https://${user}:P${pass}@gw.example.com/path` })),
  fc.array(chars(BASE64, 64, 64), { minLength: 1, maxLength: 4 }).map((lines) => ({
    secret: lines[0]!,
    text: `-----BEGIN RSA PRIVATE KEY-----\n${lines.join("\n")}\n-----END RSA PRIVATE KEY-----`,
  })),
);

const realSnippet = fc.constantFrom(...SAMPLES.map((s) => s.text));
const surrounding = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 30 }),
  realSnippet,
  fc.constantFrom(
    "客户报错如下：",
    "RequestId: 5D8E9B3A-1111-4C2B-9C9D-0123456789AB",
    '{"Code":"InvalidApiDefault","Message":"',
    "SDK.ServerError\nErrorCode: ",
    ", URL: https://apigateway.cn-hangzhou.aliyuncs.com/?",
  ),
);
const separator = fc.constantFrom(" ", "\n", ", ", "\t", "; ", " | ", "\r\n");

describe("no planted secret survives (property)", () => {
  test("redactSecrets and diagnose never return a planted secret", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof({ weight: 2, arbitrary: surrounding.map((text) => ({ text, secret: undefined as string | undefined })) }, plantedSecret),
          { minLength: 1, maxLength: 8 },
        ),
        separator,
        plantedSecret,
        (parts, sep, guaranteed) => {
          const all = [...parts, guaranteed];
          const secrets = all.map((p) => p.secret).filter((s): s is string => Boolean(s));
          const text = all.map((p) => p.text).join(sep);
          const plain = all
            .filter((p) => !p.secret)
            .map((p) => p.text)
            .join("");
          fc.pre(secrets.every((s) => !plain.includes(s)));
          const redacted = redactSecrets(text).text;
          const everything = JSON.stringify(diagnose(text, matcher));
          for (const secret of secrets) {
            if (redacted.includes(secret) || everything.includes(secret)) return false;
          }
          return true;
        },
      ),
      { numRuns: Number(process.env.DIAGNOSIS_PROPERTY_RUNS ?? 1500) },
    );
  }, 120_000);
});

// ---------------------------------------------------------------------------------------------------------------
// The corpus: secrets as people write them, in the middle of an error report
// ---------------------------------------------------------------------------------------------------------------

const RID = "5D8E9B3A-1111-4C2B-9C9D-0123456789AB";
/** The same error around each form: a Go SDK block before it, a JSON body after it on the same line, and on the next line. */
const CONTEXTS: [string, (form: string) => string][] = [
  [
    "after a Go SDK error",
    (form) =>
      `SDK.ServerError\nErrorCode: InvalidApiDefault\nRecommend: https://api.aliyun.com/troubleshoot?q=InvalidApiDefault&product=CloudAPI\nRequestId: ${RID}\nMessage: The API default configuration is invalid.\n${form}`,
  ],
  [
    "before an error body on the same line",
    (form) => `${form} {"Code":"InvalidApiDefault","Message":"The API default configuration is invalid.","RequestId":"${RID}"}`,
  ],
  [
    "before an error body on the next line",
    (form) => `${form}\n{"RequestId":"${RID}","Code":"InvalidApiDefault","Message":"The API default configuration is invalid."}`,
  ],
];
/** A secret as it would appear inside JSON output (quotes and backslashes escaped). */
const asJson = (secret: string) => JSON.stringify(secret).slice(1, -1);

describe("the redaction corpus", () => {
  test("holds at least 150 written forms, in English and in Chinese", () => {
    expect(REDACTION_CORPUS.length).toBeGreaterThanOrEqual(150);
    expect(REDACTION_CORPUS.filter((f) => f.lang === "zh").length).toBeGreaterThanOrEqual(30);
  });

  test.each(REDACTION_CORPUS.map((f) => [f.id, f.text.split("\n")[0]!.slice(0, 70), f] as const))(
    "%s %s: the secret goes, the code and RequestId around it stay",
    (_id, _head, form) => {
      for (const [where, wrap] of CONTEXTS) {
        const paste = wrap(form.text);
        const result = diagnose(paste, matcher);
        const everything = JSON.stringify(result);
        for (const secret of form.secrets) expect([where, everything.includes(asJson(secret))]).toEqual([where, false]);
        expect([
          where,
          result.findings.some((f) => f.code === "InvalidApiDefault" && f.requestId === RID && f.match?.entry === "InvalidApiDefault"),
        ]).toEqual([where, true]);
        // Only the secrets go: the stored text keeps everything else, so it is never longer than the input plus its markers.
        const { text, removed } = redactSecrets(paste);
        expect(removed.length).toBeGreaterThan(0);
        expect(text).toContain(where === "after a Go SDK error" ? "ErrorCode: InvalidApiDefault" : `"RequestId":"${RID}"`);
      }
    },
  );
});

describe("only the credential goes", () => {
  test("an Authorization header with more text on its line keeps that text, and the error after it is still diagnosed", () => {
    const paste = `Authorization: Bearer abc.def ErrorCode: InvalidApiDefault RequestId: ${RID}`;
    const result = diagnose(paste, matcher);
    expect(result.redacted.text).toBe(`Authorization: Bearer [REDACTED:Authorization] ErrorCode: InvalidApiDefault RequestId: ${RID}`);
    expect(result.findings[0]).toMatchObject({ code: "InvalidApiDefault", requestId: RID });
  });

  test.each([
    [
      "APPCODE",
      "Authorization: APPCODE 8f3c2a91d7b64e05a1c9f0e2b3d4c5a6, then 403 InvalidApiDefault",
      "Authorization: APPCODE [REDACTED:Authorization], then 403 InvalidApiDefault",
    ],
    [
      "acs AK:signature",
      "Authorization: acs LTAI5tRk8mHqX2vNpZ4wYc9J:frJIUN8DYpKDtOLCwo//yllqDzg= -> 400",
      "Authorization: acs [REDACTED:Authorization] -> 400",
    ],
    [
      "ACS3 parameters",
      "Authorization: ACS3-HMAC-SHA256 Credential=LTAI5tRk8mHqX2vNpZ4wYc9J,SignedHeaders=host;x-acs-date,Signature=6f8c1e0b2d ErrorCode: IncompleteSignature",
      "Authorization: ACS3-HMAC-SHA256 [REDACTED:Authorization] ErrorCode: IncompleteSignature",
    ],
    [
      "a quoted header",
      `{"Authorization":"Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig","Code":"InvalidApiDefault"}`,
      `{"Authorization":"Bearer [REDACTED:Authorization]","Code":"InvalidApiDefault"}`,
    ],
    [
      "a password before the next field",
      "password=open sesame, RequestId: 5D8E9B3A-1111-4C2B-9C9D-0123456789AB",
      "password=[REDACTED:Password], RequestId: 5D8E9B3A-1111-4C2B-9C9D-0123456789AB",
    ],
    ["a cookie list", "Cookie: a=b; SESSION=8d2f0a6c ErrorCode: X", "Cookie: [REDACTED:Cookie] ErrorCode: X"],
  ])("%s", (_name, text, expected) => {
    expect(redactSecrets(text).text).toBe(expected);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Properties: no false positives on ordinary pastes, and a second pass changes nothing
// ---------------------------------------------------------------------------------------------------------------

/** The real SDK samples that hold a credential (S01 echoes a string-to-sign with its AccessKeyId). */
const SAMPLES_WITH_SECRETS = new Set(["S01"]);
const secretFree = SAMPLES.filter((s) => !SAMPLES_WITH_SECRETS.has(s.id));

describe("redaction leaves secret-free text alone and is idempotent", () => {
  test.each(secretFree.map((s) => [s.id, s.text] as const))("real sample %s comes back unchanged", (_id, text) => {
    expect(redactSecrets(text)).toEqual({ text, removed: [] });
  });

  test("every vendor error message comes back unchanged", () => {
    for (const fact of vendorFacts)
      for (const message of fact.messages) expect([message, redactSecrets(message).removed]).toEqual([message, []]);
  });

  /** Pieces of ordinary tickets: secrets named but not given, codes, ids, links, prose in both languages. */
  const ordinary = fc.oneof(
    fc.constantFrom(...secretFree.map((s) => s.text)),
    fc.constantFrom(
      "Please rotate the AccessKey and check the AccessKeySecret.",
      "The password is wrong.",
      "SecurityToken is mandatory for this action.",
      "error presenting token: alicloud",
      "Invalid signature, please check your AppSecret.",
      "客户说密钥已经轮换过了，密码也重置了。",
      "token expired at 2024-05-12T14:06:51Z",
      "Authorization header is missing",
      "NextToken: AAAB2xY0",
      "SignatureMethod=HMAC-SHA1&SignatureVersion=1.0",
      "secret is rotated every 90 days",
      "签名错误，请检查 AppKey 和 AppSecret。",
      "cookie policy: strict",
      "ErrorCode: InvalidAccessKeyId.NotFound",
      `RequestId: ${RID}`,
      "https://api.aliyun.com/troubleshoot?q=InvalidApiDefault&product=CloudAPI",
    ),
    fc.stringMatching(/^[A-Za-z ,.()\u4e00-\u4e2f]{0,40}$/),
  );
  const separator = fc.constantFrom(" ", "\n", ", ", "\t", "; ", " | ");

  test("property: text made of ordinary pieces comes back exactly as it was", () => {
    fc.assert(
      fc.property(fc.array(ordinary, { minLength: 1, maxLength: 6 }), separator, (parts, sep) => {
        const text = parts.join(sep);
        expect(redactSecrets(text).text).toBe(text);
      }),
      { numRuns: 1000 },
    );
  });

  test("property: redacting redacted text changes nothing", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(ordinary, fc.constantFrom(...REDACTION_CORPUS.map((f) => f.text)), fc.string({ maxLength: 30 })), {
          minLength: 1,
          maxLength: 6,
        }),
        separator,
        (parts, sep) => {
          const once = redactSecrets(parts.join(sep)).text;
          expect(redactSecrets(once).text).toBe(once);
        },
      ),
      { numRuns: 1500 },
    );
  });
});
