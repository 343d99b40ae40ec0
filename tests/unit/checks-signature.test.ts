import { createHmac } from "node:crypto";
import PopCoreClient from "@alicloud/pop-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { checkSignature } from "@/domain/checks/signature";
import { type LoopbackGateway, startLoopbackGateway } from "@/tests/support/loopback-gateway";

const SECRET = "q7Yh2KpVx9LmN3cRt6WzB1dFgH8sJe";
/** RFC 3986 as the OpenAPI wants it (what the real SDKs do): space %20, * %2A, ~ left as is. */
const rfc3986 = (text: string) => encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
/** java.net.URLEncoder, a classic hand-written signer's mistake: space +, * as is, ~ %7E. */
const javaUrlEncoder = (text: string) =>
  encodeURIComponent(text)
    .replace(/%20/g, "+")
    .replace(/~/g, "%7E")
    .replace(/[!'()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** The OpenAPI's string to sign for a request's query, built from what the server received. */
function rpcStringToSign(method: string, params: [string, string][], encode = rfc3986): string {
  const canonical = [...params]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${encode(k)}=${encode(v)}`)
    .join("&");
  return `${method}&${rfc3986("/")}&${rfc3986(canonical)}`;
}

describe("signature check, OpenAPI (rpc) layout, with a request the real @alicloud/pop-core SDK signed", () => {
  let gateway: LoopbackGateway;
  let url: string;
  let params: [string, string][];
  beforeAll(async () => {
    gateway = await startLoopbackGateway();
    gateway.answerWith({
      code: "SignatureDoesNotMatch",
      message: "Specified signature is not matched with our calculation.",
      httpStatus: 400,
    });
    const client = new PopCoreClient({
      accessKeyId: "LTAI5tRk8mHqX2vNpZ4wYc9J",
      accessKeySecret: SECRET,
      endpoint: `http://127.0.0.1:${gateway.port}`,
      apiVersion: "2016-07-14",
    });
    await client.request("DescribeApiGroups", { GroupName: "team a*b~c" }).catch(() => undefined);
    url = `http://127.0.0.1:${gateway.port}${gateway.lastRequest!.url}`;
    params = [...new URL(url).searchParams].filter(([k]) => k !== "Signature");
  });
  afterAll(() => gateway.close());

  test("the server's string to sign rebuilt from the received request is what the SDK signed", () => {
    const server = rpcStringToSign("GET", params);
    const sent = new URL(url).searchParams.get("Signature");
    expect(createHmac("sha1", `${SECRET}&`).update(server).digest("base64")).toBe(sent);
    expect(
      checkSignature({
        server: `Specified signature is not matched with our calculation. server string to sign is:${server}`,
        client: server,
      }),
    ).toMatchObject({ ok: true, layout: "rpc", differences: [] });
  });

  test("the SDK's URL as the client side matches too (only path and query compared; Signature left out)", () => {
    expect(checkSignature({ server: rpcStringToSign("GET", params), client: url })).toMatchObject({ ok: true, comparedUrlOnly: true });
  });

  test("a URLEncoder-signed string differs only in encoding, and says which characters", () => {
    const result = checkSignature({ server: rpcStringToSign("GET", params), client: rpcStringToSign("GET", params, javaUrlEncoder) });
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([expect.objectContaining({ code: "differs", params: { part: "query:GroupName" } })]);
    const groupName = result.differences.find((d) => d.part === "query:GroupName")!;
    expect(groupName).toMatchObject({ kind: "encoding", server: "team%20a%2Ab~c", client: "team+a*b%7Ec" });
    expect(groupName.note).toContain("a space written as +");
    expect(groupName.note).toContain("* not encoded");
    expect(groupName.note).toContain("~ encoded as %7E");
  });

  test("a POST signed as GET, a parameter the client left out, and unsorted parameters, in canonical order", () => {
    const withoutNonce = params.filter(([k]) => k !== "SignatureNonce");
    const unsorted = `POST&%2F&${rfc3986(
      withoutNonce
        .map(([k, v]) => `${rfc3986(k)}=${rfc3986(v)}`)
        .reverse()
        .join("&"),
    )}`;
    const result = checkSignature({ server: rpcStringToSign("GET", params), client: unsorted });
    expect(result.differences.map((d) => [d.part, d.kind])).toEqual([
      ["method", "value"],
      ["query:SignatureNonce", "missing"],
      ["query order", "order"],
    ]);
    expect(result.problems[0]!.message).toContain('method: server "GET", client "POST"');
  });
});

describe("signature check, gateway (X-Ca) layout (A403IS)", () => {
  // X-Ca-Error-Message as the gateway sends it: the newlines of the string to sign printed as #.
  const serverMessage =
    "Invalid Signature, Server StringToSign:`POST#application/json##application/x-www-form-urlencoded; charset=UTF-8##x-ca-key:203753385#x-ca-nonce:c9f15cbf-f4ac-4a6c-b54d-f51abf4b5b44#x-ca-signature-method:HmacSHA256#x-ca-timestamp:1525872629832#/http2test/test?a=1&b=x y&name=*`";
  const clientLines = [
    "POST",
    "application/json",
    "",
    "application/x-www-form-urlencoded; charset=UTF-8",
    "",
    "x-ca-key:203753385",
    "x-ca-nonce:c9f15cbf-f4ac-4a6c-b54d-f51abf4b5b44",
    "x-ca-signature-method:HmacSHA256",
    "x-ca-timestamp:1525872629832",
    "/http2test/test?a=1&b=x y&name=*",
  ];

  test("the same request signed the same way matches", () => {
    expect(checkSignature({ server: serverMessage, client: clientLines.join("\n") })).toMatchObject({ ok: true, layout: "gateway" });
  });

  test("a different Content-Type, a stale X-Ca-Timestamp and an encoded query value are each named", () => {
    const client = [...clientLines];
    client[3] = "application/x-www-form-urlencoded";
    client[8] = "x-ca-timestamp:1525872620000";
    client[9] = "/http2test/test?a=1&b=x%20y&name=*";
    const result = checkSignature({ server: serverMessage, client: client.join("\n") });
    expect(result.differences.map((d) => [d.part, d.kind])).toEqual([
      ["Content-Type", "value"],
      ["header:x-ca-timestamp", "value"],
      ["query:b", "encoding"],
    ]);
    expect(result.problems).toEqual([expect.objectContaining({ code: "differs", params: { part: "Content-Type" } })]);
  });

  test("a header the client did not sign is missing; a client URL compares only the path and query", () => {
    const withoutNonce = clientLines.filter((line) => !line.startsWith("x-ca-nonce"));
    expect(checkSignature({ server: serverMessage, client: withoutNonce.join("\n") }).differences).toEqual([
      { part: "header:x-ca-nonce", kind: "missing", server: "c9f15cbf-f4ac-4a6c-b54d-f51abf4b5b44", client: null },
    ]);
    expect(
      checkSignature({ server: serverMessage, client: "https://abc-cn-hangzhou.alicloudapi.com/http2test/test?a=1&b=x%20y&name=%2A" }),
    ).toMatchObject({ ok: true, comparedUrlOnly: true });
  });

  test("text that is no string to sign is unreadable, not a crash", () => {
    expect(checkSignature({ server: "hello", client: "x" })).toMatchObject({
      ok: false,
      problems: [{ code: "unreadable", params: { side: "server" } }],
    });
    expect(checkSignature({ server: serverMessage, client: "GET&%2F&a%3D1" })).toMatchObject({
      problems: [{ code: "unreadable", params: { side: "client" } }],
    });
  });
});

describe("signature from a secret, computed with WebCrypto as the browser does", () => {
  test("matches the OpenAPI's HMAC-SHA1 with secret& and the gateway's HMAC-SHA256 with the AppSecret", async () => {
    const { signInBrowser } = await import("@/components/checks/sign-in-browser");
    const rpc = "GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeApis";
    expect(await signInBrowser("rpc", SECRET, rpc)).toBe(createHmac("sha1", `${SECRET}&`).update(rpc).digest("base64"));
    const gateway = "POST\napplication/json\n\n\n\nx-ca-key:203753385\n/http2test/test?a=1";
    expect(await signInBrowser("gateway", SECRET, gateway)).toBe(createHmac("sha256", SECRET).update(gateway).digest("base64"));
  });
});
