import { describe, expect, test } from "vitest";
import { createMatcher, diagnose, redactSecrets, type Diagnosis, type Finding } from "@/domain/diagnosis";
import vendorFacts from "@/db/seed/vendor-facts.json";

const matcher = createMatcher(vendorFacts);
const RID = "5D8E9B3A-1111-4C2B-9C9D-0123456789AB";

/** What a finding says about the error, without where it was: the same for a paste and its normalised form. */
const gist = (f: Finding) => ({
  code: f.code,
  message: f.message,
  requestId: f.requestId,
  httpStatus: f.httpStatus,
  match: f.match,
  format: f.format,
});

const fullWidth = (ascii: string) =>
  ascii.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).replaceAll(" ", "\u3000");
const htmlEscaped = (text: string) =>
  text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");

function only(result: Diagnosis): Finding {
  expect(result.findings).toHaveLength(1);
  return result.findings[0]!;
}

/** Every finding's span is its text in the paste, and its redactedSpan the same text in `redacted.text`. */
function expectSpansInPaste(text: string, result: Diagnosis) {
  for (const f of result.findings) {
    expect(f.span.start).toBeGreaterThanOrEqual(0);
    expect(f.span.end).toBeLessThanOrEqual(text.length);
    expect(result.redacted.text.slice(f.redactedSpan.start, f.redactedSpan.end)).toBe(text.slice(f.span.start, f.span.end));
  }
}

describe("full-width text (Chinese input methods, chat tools)", () => {
  const plainBody = `{"Code":"Throttling","Message":"Request was denied due to API flow control.","RequestId":"${RID}"}`;

  test("a full-width JSON body gives the same error as the plain body", () => {
    const text = fullWidth(plainBody);
    expect(text.startsWith("｛＂Ｃｏｄｅ＂：＂Ｔｈｒｏｔｔｌｉｎｇ＂")).toBe(true);
    const result = diagnose(text, matcher);
    const f = only(result);
    expect(gist(f)).toEqual(gist(only(diagnose(plainBody, matcher))));
    expect(f.span).toEqual({ start: 0, end: text.length });
    expect(result.input.normalized).toEqual(["full-width"]);
    expect(f.notes).toContain("the error was typed in full-width characters; it was read in their ASCII form");
    // The paste itself is shown and stored as it was.
    expect(result.redacted.text).toBe(text);
  });

  test("a full-width bare code is read as the code", () => {
    const f = only(diagnose("ＩｎｖａｌｉｄＡｐｉＩｄ", matcher));
    expect(f).toMatchObject({ code: "InvalidApiId", span: { start: 0, end: 12 } });
    expect(f.match).toEqual(only(diagnose("InvalidApiId", matcher)).match);
  });

  test("a full-width code in Chinese prose is found at its place, with the request id after it", () => {
    const text = `客户反馈调用失败，报错：ＩｎｖａｌｉｄＡｐｉＩｄ，请求ＩＤ：${fullWidth(RID)}，麻烦看一下。`;
    const result = diagnose(text, matcher);
    const f = only(result);
    expect(f).toMatchObject({ code: "InvalidApiId", requestId: RID, match: { entry: "Invalid%s" } });
    expect(text.slice(f.span.start, f.span.end)).toContain("ＩｎｖａｌｉｄＡｐｉＩｄ");
    expect(result.input).toMatchObject({ kind: "ticket", language: "zh", normalized: ["full-width"] });
  });

  test("Chinese punctuation on its own is not folded: a code before `（` is still a code, and nothing is flagged", () => {
    const text = `报错 InvalidApiId（API不存在），请求ID：${RID}`;
    const result = diagnose(text, matcher);
    expect(only(result)).toMatchObject({ code: "InvalidApiId", requestId: RID });
    expect(result.input.normalized).toBeUndefined();
  });
});

describe("HTML-escaped text (web consoles, ticket systems)", () => {
  const plainJson = `{"Code":"InvalidApiId","Message":"The specified API is not found.","RequestId":"${RID}"}`;
  const plainXml = `<Error><Code>InvalidApiId</Code><Message>Specified api is not found, please check your url and method.</Message><RequestId>${RID}</RequestId></Error>`;

  test("an HTML-escaped JSON body (&quot;) gives the same error as the plain body", () => {
    const text = htmlEscaped(plainJson);
    const result = diagnose(text, matcher);
    const f = only(result);
    expect(gist(f)).toEqual(gist(only(diagnose(plainJson, matcher))));
    expect(f.span).toEqual({ start: 0, end: text.length });
    expect(result.input.normalized).toEqual(["html-entities"]);
    expect(f.notes).toContain("the error was HTML-escaped (&quot;, &lt;, &#34;…); it was read with the entities decoded");
    expect(result.redacted.text).toBe(text);
  });

  test("an HTML-escaped XML body (&lt;Code&gt;) gives the same error as the plain body", () => {
    const text = htmlEscaped(plainXml);
    expect(text).toContain("&lt;Code&gt;InvalidApiId&lt;/Code&gt;");
    const f = only(diagnose(text, matcher));
    expect(gist(f)).toEqual(gist(only(diagnose(plainXml, matcher))));
    expect(f).toMatchObject({ format: "xml", span: { start: 0, end: text.length } });
  });

  test("numeric entities (&#34;, &#x22;) and a double escape (&amp;quot;) are decoded like &quot;", () => {
    for (const quote of ["&#34;", "&#x22;", "&amp;quot;"]) {
      const text = plainJson.replaceAll('"', quote);
      expect(gist(only(diagnose(text, matcher)))).toEqual(gist(only(diagnose(plainJson, matcher))));
    }
  });

  test("a Chinese ticket with an escaped body: the error is found at its place and in order, the prose is untouched", () => {
    const escaped = htmlEscaped(`{"Code":"Throttling","Message":"Request was denied due to API flow control.","RequestId":"${RID}"}`);
    const text = `您好，客户从昨天开始调用一直失败（控制台截图如下），麻烦看一下：\n${escaped}\n另外文档里写的错误码：ＩｎｖａｌｉｄＡｐｉＩｄ，也请确认。`;
    const result = diagnose(text, matcher);
    expect(result.findings.map((f) => f.code)).toEqual(["Throttling", "InvalidApiId"]);
    const [body, code] = result.findings;
    expect(text.slice(body!.span.start, body!.span.end)).toBe(escaped);
    expect(body).toMatchObject({ requestId: RID, message: "Request was denied due to API flow control." });
    expect(text.slice(code!.span.start, code!.span.end)).toBe("ＩｎｖａｌｉｄＡｐｉＩｄ");
    expect(result.input).toMatchObject({ kind: "ticket", language: "zh", normalized: ["full-width", "html-entities"] });
    expect(result.redacted.text).toBe(text);
    expectSpansInPaste(text, result);
  });

  test("text with a literal & is not decoded: URLs, and an entity mentioned inside a plain JSON message", () => {
    const url = `https://api.aliyun.com/troubleshoot?q=InvalidApiId&product=CloudAPI&requestId=${RID}`;
    expect(diagnose(`Recommend: ${url}`, matcher).input.normalized).toBeUndefined();
    const mention = `{"Code":"InvalidParameter","Message":"The value &quot;abc&quot; is not valid.","RequestId":"${RID}"}`;
    const result = diagnose(mention, matcher);
    expect(only(result).message).toBe("The value &quot;abc&quot; is not valid.");
    expect(result.input.normalized).toBeUndefined();
  });

  test("a plain XML body keeps its escaped values: &lt; inside a value is not a tag", () => {
    const f = only(
      diagnose(
        `<Code>InvalidParamValue</Code><Message>Limit must be &lt; 100 &amp; positive.</Message><RequestId>${RID}</RequestId>`,
        matcher,
      ),
    );
    expect(f.message).toBe("Limit must be < 100 & positive.");
  });
});

describe("secrets in full-width and HTML-escaped text are redacted", () => {
  const SECRET = "9xYzAbCdEfGhIjKlMnOpQrStUvWx12";
  const OLD_ID = "Zo43hvW2RzvKabcd";

  test.each([
    ["an escaped JSON secret", `{&quot;AccessKeySecret&quot;:&quot;${SECRET}&quot;}`, SECRET, "AccessKeySecret"],
    ["an escaped old-style AccessKeyId", `&quot;AccessKeyId&quot;:&quot;${OLD_ID}&quot;`, OLD_ID, "AccessKeyId"],
    [
      "an escaped secret on a line that also holds plain quotes",
      `{"Message":"config &quot;accessKeySecret&quot;: &quot;${SECRET}&quot;"}`,
      SECRET,
      "AccessKeySecret",
    ],
    ["a numeric-entity secret", `&#34;access_key_secret&#34;=&#34;${SECRET}&#34;`, SECRET, "AccessKeySecret"],
    ["a full-width secret", `ＡｃｃｅｓｓＫｅｙＳｅｃｒｅｔ＝${fullWidth(SECRET)}`, fullWidth(SECRET), "AccessKeySecret"],
    ["a full-width old-style AccessKeyId in JSON", fullWidth(`{"AccessKeyId":"${OLD_ID}"}`), fullWidth(OLD_ID), "AccessKeyId"],
  ])("%s", (_name, text, secret, kind) => {
    const { text: out, removed } = redactSecrets(text);
    expect(out).not.toContain(secret);
    expect(out).toContain(`[REDACTED:${kind}]`);
    expect(removed.find((r) => r.kind === kind)?.count).toBe(1);
    const everything = JSON.stringify(diagnose(`${text}\n{"Code":"InvalidApiId","RequestId":"${RID}"}`, matcher));
    expect(everything).not.toContain(secret);
  });

  test("an escaped body's finding is read from the redacted text and its span still points into the paste", () => {
    const text = htmlEscaped(
      `{"Code":"InvalidAccessKeyId.NotFound","Message":"Specified access key is not found.","AccessKeyId":"LTAI5tQwErTyUiOpAsDfGh","RequestId":"${RID}"}`,
    );
    const result = diagnose(text, matcher);
    const f = only(result);
    expect(f).toMatchObject({ code: "InvalidAccessKeyId.NotFound", requestId: RID });
    expect(result.redacted.text).toContain("[REDACTED:AccessKeyId]");
    expect(JSON.stringify(result)).not.toContain("LTAI5tQwErTyUiOpAsDfGh");
    expect(f.span).toEqual({ start: 0, end: text.length });
    expect(result.redacted.text.slice(f.redactedSpan.start, f.redactedSpan.end)).toBe(result.redacted.text);
  });
});
