import { createHash } from "node:crypto";
import type { VendorFacts } from "../catalog/types";
import { seededRandom } from "../seeded-random";
import { REQUEST_ID_EXAMPLE } from "./request-id";

/**
 * A realistic set of request events for trying the RequestId look-up at once (`npm run demo:events`): every
 * catalog code at least twice, successes in between, several regions, callers and tools, over the last three
 * days. Half are ActionTrail records (as LookupEvents returns them), half gateway-log lines with an HTTP status,
 * so both import paths are exercised. RequestIds derive from a fixed seed: loading the set again adds nothing.
 */

const REGIONS = ["cn-hangzhou", "cn-shanghai", "cn-beijing", "ap-southeast-1", "cn-shenzhen"] as const;
const API_VERSION = "2016-07-14";
const ACCOUNT = "1234567890123456";

type Caller = { userIdentity: Record<string, string>; flat: string };
/** AccessKey ids are fake but shaped like real ones, so the import's redaction is visible in the demo. */
const CALLERS: Caller[] = [
  {
    userIdentity: {
      type: "ram-user",
      principalId: "203817465529384756",
      accountId: ACCOUNT,
      userName: "alice.wang",
      accessKeyId: "LTAI5tDemoAliceKey0001",
    },
    flat: "alice.wang (ram-user, account 1234567890123456)",
  },
  {
    userIdentity: {
      type: "ram-user",
      principalId: "208846120937451266",
      accountId: ACCOUNT,
      userName: "ci-deployer",
      accessKeyId: "LTAI5tDemoCiDeployer02",
    },
    flat: "ci-deployer (ram-user, account 1234567890123456)",
  },
  {
    userIdentity: {
      type: "assumed-role",
      principalId: "371948265013:ticket-sync",
      accountId: ACCOUNT,
      userName: "ApiOpsRole:ticket-sync",
      accessKeyId: "STS.NUgYrLnoC37mZZCNnAbCdEfGh",
    },
    flat: "ApiOpsRole:ticket-sync (assumed-role, account 1234567890123456)",
  },
  { userIdentity: { type: "root-account", principalId: ACCOUNT, accountId: ACCOUNT }, flat: `${ACCOUNT} (root-account)` },
];

const AGENTS = [
  "Terraform/1.7.5 (+https://www.terraform.io) terraform-provider-alicloud/1.219.0",
  "Aliyun-CLI/3.0.204",
  "AlibabaCloud (linux; x64) Python/3.11.8 Core/2.14.0 python-requests/2.31.0",
  "AlibabaCloud (Mac OS X; x86_64) Java/17.0.10-b7 Core/4.6.4 HTTPClient/ApacheHttpClient",
  "AlibabaCloud (linux; x64) Node.js/v20.11.1 Core/1.7.0 TeaDSL/1 cloudapi20160714/4.1.2",
];

const ACTIONS = ["CreateApi", "ModifyApi", "DeployApi", "SetDomain", "SetDomainCertificate", "CreateApp"] as const;

/** What `%s` stands for in each templated code (the code's suffix, the message's placeholder). */
const TEMPLATE_PARAMS: Record<string, string[]> = {
  "Repeated%s": ["ApiName"],
  "Missing%s": ["GroupId"],
  "Invalid%s": ["StageName"],
  "NotFound%s": ["ApiId"],
  "InvalidFormat%s": ["RequestConfig"],
  "Duplicate%s": ["DomainName"],
  "DependencyViolation%s": ["Group", "Api"],
  "Forbidden%s": ["App"],
  "ExceedLimit%s": ["Api"],
  "Invalid%s.LengthLimit": ["Description"],
};

function actionFor(code: string, pick: <T>(list: readonly T[]) => T): string {
  if (/Certificate|PrivateKey/.test(code)) return "SetDomainCertificate";
  if (/Domain|ICP/.test(code)) return "SetDomain";
  if (/App|UserDefault/.test(code)) return "CreateApp";
  if (/ApiServiceAddress|ParamMapping|ApiDefault/.test(code)) return pick(["CreateApi", "ModifyApi"]);
  return pick(ACTIONS);
}

/** An upper-case UUID-shaped RequestId fixed by the seed and the event's number. */
/**
 * The RequestId the Diagnose box and the API's messages show as their example: the demo's first NotFoundApiId
 * failure carries it, so trying the example after `npm run demo:events` finds a record.
 */
const EXAMPLE_CODE = "NotFoundApiId";

export function demoRequestId(index: number): string {
  const hex = createHash("sha256").update(`errordesk-demo-event-${index}`).digest("hex").toUpperCase();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-A${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function concrete(facts: VendorFacts): { code: string; message: string }[] {
  const params = TEMPLATE_PARAMS[facts.code];
  const message = facts.messages[0] ?? "";
  if (!facts.code.includes("%s")) return [{ code: facts.code, message }];
  const values = params ?? ["Parameter"];
  let i = 0;
  const filledMessage = message.replace(/%s/g, () => values[Math.min(i++, values.length - 1)]!);
  return [{ code: facts.code.replace("%s", values[0]!), message: filledMessage }];
}

export type DemoEventOptions = { now?: Date; successes?: number; perCode?: number };

/** The demo records, ActionTrail and gateway-log shaped alternately, oldest first. */
export function demoEventRecords(catalog: readonly VendorFacts[], options: DemoEventOptions = {}): Record<string, unknown>[] {
  const now = (options.now ?? new Date()).getTime();
  // Seeded: the same set on every machine.
  const rand = seededRandom(20240512);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const threeDays = 3 * 24 * 3600 * 1000;

  type Plan = { code?: string; message?: string; httpStatus: number };
  const plans: Plan[] = [];
  for (const facts of catalog) {
    for (const error of concrete(facts)) {
      for (let n = 0; n < (options.perCode ?? 2); n++) plans.push({ ...error, httpStatus: facts.httpStatus });
    }
  }
  for (let n = 0; n < (options.successes ?? 40); n++) plans.push({ httpStatus: 200 });

  const exampleIndex = plans.findIndex((plan) => plan.code === EXAMPLE_CODE);
  const records: Record<string, unknown>[] = plans.map((plan, index) => {
    const requestId = index === exampleIndex ? REQUEST_ID_EXAMPLE : demoRequestId(index);
    const region = pick(REGIONS);
    const caller = pick(CALLERS);
    const agent = pick(AGENTS);
    const action = plan.code ? actionFor(plan.code, pick) : pick(ACTIONS);
    const at = new Date(now - Math.floor(rand() * threeDays));
    const sourceIp = `${pick(["203.0.113", "198.51.100", "192.0.2"])}.${1 + Math.floor(rand() * 250)}`;
    if (index % 2 === 0) {
      return {
        eventId: demoRequestId(100_000 + index).toLowerCase(),
        eventVersion: "1",
        eventSource: `apigateway.${region}.aliyuncs.com`,
        eventType: "ApiCall",
        eventName: action,
        eventTime: at.toISOString().replace(/\.\d{3}Z$/, "Z"),
        acsRegion: region,
        serviceName: "CloudAPI",
        apiVersion: API_VERSION,
        requestId,
        ...(plan.code ? { errorCode: plan.code, errorMessage: plan.message } : {}),
        sourceIpAddress: sourceIp,
        userAgent: agent,
        userIdentity: caller.userIdentity,
        requestParameters: { RegionId: region, GroupId: `${createHash("md5").update(String(index)).digest("hex").slice(0, 32)}` },
        isGlobal: false,
      };
    }
    return {
      requestId,
      time: at.toISOString(),
      product: "CloudAPI",
      action,
      apiVersion: API_VERSION,
      region,
      httpStatus: plan.httpStatus,
      ...(plan.code ? { code: plan.code, message: plan.message } : {}),
      caller: caller.flat,
      sourceIp,
      userAgent: agent,
    };
  });
  return records.sort((a, b) => String(a.eventTime ?? a.time).localeCompare(String(b.eventTime ?? b.time)));
}
