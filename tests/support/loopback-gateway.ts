/**
 * A stand-in for the CloudAPI endpoint on 127.0.0.1: every request, whatever its action or signature, is answered
 * with the Alibaba Cloud error body chosen last, so the real Node SDKs can be made to throw each catalog error.
 *
 *   const gateway = await startLoopbackGateway();
 *   gateway.answerWith({ code: "MissingGroupId", message: "The GroupId is mandatory for this action.", httpStatus: 400 });
 *   ... call the SDK at `127.0.0.1:${gateway.port}` ...
 *   gateway.lastRequest   // what the SDK sent (to find its AccessKey ID and signature)
 *   await gateway.close();
 *
 * One answer at a time: callers run their SDK calls one after another.
 */
import { randomUUID } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export type GatewayError = { code: string; message: string; httpStatus: number };

export type ReceivedRequest = { method: string; url: string; headers: IncomingHttpHeaders; body: string };

export type LoopbackGateway = {
  port: number;
  /** The error body every following request gets; returns nothing, the RequestId is fresh per request. */
  answerWith(error: GatewayError): void;
  /** The RequestId of the last answer, upper case as the gateway writes it. */
  readonly lastRequestId: string | undefined;
  readonly lastRequest: ReceivedRequest | undefined;
  readonly requestCount: number;
  close(): Promise<void>;
};

/** The body API Gateway's management API sends for an error (the shape of a real 2024 response). */
export function gatewayErrorBody(error: GatewayError, requestId: string): string {
  const recommend = `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(error.code)}&product=CloudAPI&requestId=${requestId}`;
  return JSON.stringify({
    RequestId: requestId,
    HostId: "apigateway.cn-hangzhou.aliyuncs.com",
    Code: error.code,
    Message: error.message,
    Recommend: recommend,
  });
}

export async function startLoopbackGateway(): Promise<LoopbackGateway> {
  let answer: GatewayError | undefined;
  let lastRequestId: string | undefined;
  let lastRequest: ReceivedRequest | undefined;
  let requestCount = 0;

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      requestCount += 1;
      lastRequest = {
        method: request.method ?? "",
        url: request.url ?? "",
        headers: request.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      };
      if (!answer) {
        response.writeHead(500, { "content-type": "text/plain" }).end("loopback gateway: answerWith() was not called");
        return;
      }
      const requestId = randomUUID().toUpperCase();
      lastRequestId = requestId;
      const body = gatewayErrorBody(answer, requestId);
      response.writeHead(answer.httpStatus, {
        "content-type": "application/json;charset=utf-8",
        "content-length": Buffer.byteLength(body),
        "x-acs-request-id": requestId,
      });
      response.end(body);
    });
  });
  // keep-alive sockets from the SDKs' agents would otherwise hold close() open until they time out.
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    port,
    answerWith(error) {
      answer = error;
    },
    get lastRequestId() {
      return lastRequestId;
    },
    get lastRequest() {
      return lastRequest;
    },
    get requestCount() {
      return requestCount;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
