import { describe, expect, test } from "vitest";
import { refuseUndecodableAction } from "@/app/_lib/action-request";

const action = (body: BodyInit, contentType?: string, extra: Record<string, string> = {}) =>
  new Request("http://127.0.0.1/setup", {
    method: "POST",
    body,
    headers: { "next-action": "60f3", ...(contentType ? { "content-type": contentType } : {}), ...extra },
  });

function multipart(fields: Record<string, string>): Request {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  const request = new Request("http://127.0.0.1/setup", { method: "POST", body: form });
  return new Request(request, { headers: { "next-action": "60f3", "content-type": request.headers.get("content-type")! } });
}

describe("server action requests Next could not decode are refused with a 400 before Next answers 500", () => {
  test.each([
    ["garbage JSON", action('{"name":"x","garbage":', "application/json")],
    ["JSON that is not an argument list", action('{"name":"x"}', "application/json")],
    ["a plain string", action('"text"', "text/plain;charset=UTF-8")],
    ["no content type and no JSON", action("x")],
    ["a reference to a part that was not sent", action('["$1"]', "text/plain;charset=UTF-8")],
    ["a Map of a missing part", action('[null, {"a": "$Q2"}]', "text/plain;charset=UTF-8")],
    ["a server reference", action('["$h1"]', "text/plain;charset=UTF-8")],
    ["a blob", action('["$B1"]', "text/plain;charset=UTF-8")],
    ["a cut multipart body", action("garbage", "multipart/form-data; boundary=xyz")],
    ["multipart without the arguments part", multipart({ a: "b" })],
    ["multipart whose referenced part is missing", multipart({ "0": '["$3"]' })],
  ])("%s", async (_name, request) => {
    const refused = await refuseUndecodableAction(request);
    expect(refused?.status).toBe(400);
    expect(await refused!.json()).toEqual({ error: { code: "bad_request", message: expect.stringContaining("not a form submission") } });
  });

  test.each([
    [
      "a form with its state (as useActionState sends it)",
      multipart({ "0": '["$undefined","$K1"]', "1_name": "Ann", "1_email": "a@b.test" }),
    ],
    ["a previous state object with escaped dollars", multipart({ "0": '[{"values":{"name":"$$5"}},"$K1"]', "1_name": "x" })],
    ["plain arguments", action('["BadRequest",{"title":"x","checklist":["a"]}]', "text/plain;charset=UTF-8")],
    ["an outlined part that exists", multipart({ "0": '["$1"]', "1": '{"a":"$D2024-01-01T00:00:00.000Z"}' })],
  ])("lets through %s", async (_name, request) => {
    expect(await refuseUndecodableAction(request)).toBeNull();
  });

  test("leaves alone everything that is not a server action call", async () => {
    expect(await refuseUndecodableAction(new Request("http://127.0.0.1/api/v1/diagnose", { method: "POST", body: "garbage" }))).toBeNull();
    expect(await refuseUndecodableAction(action("a=b", "application/x-www-form-urlencoded"))).toBeNull();
    expect(await refuseUndecodableAction(new Request("http://127.0.0.1/setup", { headers: { "next-action": "x" } }))).toBeNull();
  });
});
