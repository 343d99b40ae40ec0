import { createTranslator, type AbstractIntlMessages } from "next-intl";
import { describe, expect, test } from "vitest";
import { matchReason, type EngineTextTranslator } from "@/app/(app)/d/[id]/_components/engine-notes";
import zhCN from "@/messages/zh-CN/diagnosis.json";
import facts from "@/db/seed/vendor-facts.json";
import type { VendorFacts } from "@/domain/catalog/types";
import { createMatcher, diagnose } from "@/domain/diagnosis";
import {
  buildSavedResult,
  diagnoseRequestEvent,
  escalationWindow,
  eventSnapshot,
  renderDiagnosisMarkdown,
  renderEscalationSummary,
  toApiResult,
  type DiagnosisRecord,
  type SnapshotSource,
} from "@/domain/diagnosis-service";

const matcher = createMatcher(facts as VendorFacts[]);
const LINK = "https://errordesk.example/d/Abc123Def456";
const REQUEST_ID = "5C1D2B3A-1234-4ABC-9DEF-0123456789AB";

const missing: SnapshotSource = {
  code: "Missing%s",
  section: "client",
  httpStatus: 400,
  retryable: false,
  revision: 3,
  title: { en: "{param} is missing", "zh-CN": "缺少 {param}" },
  explanation: { en: "The request did not include {param}.", "zh-CN": "请求中缺少参数 {param}。" },
  remediation: { en: "Pass {param} in the request.", "zh-CN": "在请求中传入 {param}。" },
  checklist: [
    {
      title: { en: "Check the SDK call sets {param}", "zh-CN": "检查 SDK 调用是否设置了 {param}" },
      detail: { en: "Look at the request builder." },
    },
    { title: { en: "Check the Terraform resource", "zh-CN": "检查 Terraform 资源" }, detail: {} },
  ],
};

const PASTE = `2024-05-12 14:06:51 ERROR {"RequestId":"${REQUEST_ID}","HostId":"apigateway.cn-hangzhou.aliyuncs.com","Code":"MissingGroupId","Message":"GroupId is mandatory for this action."}`;

function record(
  overrides: Partial<DiagnosisRecord> = {},
  result = buildSavedResult(diagnose(PASTE, matcher), new Map([["Missing%s", missing]]), { via: { kind: "session" } }),
): DiagnosisRecord {
  return {
    id: "Abc123Def456",
    createdAt: new Date("2024-05-12T07:00:00Z"),
    updatedAt: new Date("2024-05-12T07:30:00Z"),
    createdBy: { id: "u1", name: "Vi Viewer" },
    inputKind: "text",
    inputRedacted: PASTE,
    requestId: REQUEST_ID,
    ticketRef: "INC-4711",
    result,
    checkRuns: [],
    checks: [
      {
        findingIndex: 0,
        stepIndex: 0,
        done: true,
        checkedBy: { id: "u2", name: "Ed Editor" },
        checkedAt: new Date("2024-05-12T07:10:00Z"),
      },
      {
        findingIndex: 0,
        stepIndex: 1,
        done: false,
        checkedBy: { id: "u2", name: "Ed Editor" },
        checkedAt: new Date("2024-05-12T07:11:00Z"),
      },
    ],
    notes: [
      {
        id: 1,
        body: "Customer confirms the GroupId is empty.\nThey will retry.",
        author: { id: "u1", name: "Vi Viewer" },
        createdAt: new Date("2024-05-12T07:20:00Z"),
      },
    ],
    outcome: {
      value: "not_solved",
      reason: "The group was deleted",
      by: { id: "u1", name: "Vi Viewer" },
      at: new Date("2024-05-12T07:25:00Z"),
    },
    snapshots: [{ findingIndex: 0, code: "Missing%s", savedRevision: 3, currentRevision: 3, changed: false }],
    ...overrides,
  };
}

describe("the saved result", () => {
  test("each finding carries a snapshot of its matched entry with {param} filled in, and no copy of the input", () => {
    const saved = record().result;
    expect(saved.findings[0]!.snapshot).toMatchObject({
      code: "Missing%s",
      param: "GroupId",
      revision: 3,
      title: { en: "GroupId is missing", "zh-CN": "缺少 GroupId" },
    });
    expect(saved.findings[0]!.snapshot!.checklist[0]!.title.en).toBe("Check the SDK call sets GroupId");
    expect(JSON.stringify(saved)).not.toContain('"text":');
  });

  test("the API shape maps the engine's findings with nulls for what the text did not say", () => {
    expect(toApiResult(diagnose("SignatureDoesNotMatch", matcher))).toEqual({
      findings: [
        {
          code: "SignatureDoesNotMatch",
          requestId: null,
          httpStatus: null,
          message: null,
          format: "bare-code",
          match: { entry: "SignatureDoesNotMatch", param: null, kind: "exact", confidence: expect.any(Number) },
          candidates: [expect.objectContaining({ entry: "SignatureDoesNotMatch" })],
        },
      ],
    });
  });

  test("a looked-up event is diagnosed with its status, region, API and time added", () => {
    const event = {
      requestId: REQUEST_ID,
      occurredAt: new Date("2024-05-12T06:06:51Z"),
      product: "CloudAPI",
      action: "CreateApi",
      apiVersion: "2016-07-14",
      region: "cn-shanghai",
      httpStatus: 400,
      code: "MissingGroupId",
      message: "GroupId is mandatory for this action.",
      caller: "alice",
      sourceIp: null,
      userAgent: null,
    };
    const diagnosis = diagnoseRequestEvent(event, matcher);
    expect(diagnosis.findings[0]).toMatchObject({
      code: "MissingGroupId",
      requestId: REQUEST_ID,
      httpStatus: 400,
      region: "cn-shanghai",
      action: "CreateApi",
      timestamp: "2024-05-12T06:06:51.000Z",
    });
    expect(eventSnapshot(event).occurredAt).toBe("2024-05-12T06:06:51.000Z");
  });
});

describe("Markdown for a ticket", () => {
  test("has the link, who and when, the ticket, each finding's meaning and remedy, ticked and open steps, notes and the outcome", () => {
    const md = renderDiagnosisMarkdown(record(), { locale: "en", link: LINK });
    expect(md).toContain("# ErrorDesk diagnosis Abc123Def456");
    expect(md).toContain(`- **Link**: ${LINK}`);
    expect(md).toContain("- **Created**: 2024-05-12 07:00 UTC, by Vi Viewer");
    expect(md).toContain("- **Ticket**: INC-4711");
    expect(md).toContain("## Finding 1: `MissingGroupId`: GroupId is missing");
    expect(md).toContain("- **Catalog entry**: `Missing%s` (revision 3)");
    // Without a translation the engine's own English reason is printed.
    expect(md).toContain("- **Why**: code MissingGroupId matches template Missing%s; parameter GroupId");
    expect(md).toContain("### What it means\n\nThe request did not include GroupId.");
    expect(md).toContain("### What to do\n\nPass GroupId in the request.");
    expect(md).toContain("- [x] Check the SDK call sets GroupId _(Ed Editor, 2024-05-12 07:10 UTC)_\n  Look at the request builder.");
    expect(md).toContain("- [ ] Check the Terraform resource");
    expect(md).toContain("- **Vi Viewer**, 2024-05-12 07:20 UTC: Customer confirms the GroupId is empty.\n  They will retry.");
    expect(md).toContain("**Did not solve it** (Vi Viewer, 2024-05-12 07:25 UTC)\nReason: The group was deleted");
  });

  test("lists the checks run on each finding: the kind, ok or each problem, who and when", () => {
    const ranAt = new Date("2024-05-12T07:15:00Z");
    const checkRuns = [
      { findingIndex: 0, kind: "dns", result: { check: "dns", ok: true, problems: [] }, ranBy: { id: "u1", name: "Vi Viewer" }, ranAt },
      {
        findingIndex: 0,
        kind: "timestamp",
        result: {
          check: "timestamp",
          ok: false,
          problems: [{ code: "skew", message: "The timestamp is 1016 s behind 2024-05-12T02:20:00Z; the API allows 900 s" }],
        },
        ranBy: null,
        ranAt,
      },
    ];
    const md = renderDiagnosisMarkdown(record({ checkRuns }), { locale: "en", link: LINK });
    expect(md).toContain(
      "### Checks\n\n- `dns`: no problem found _(Vi Viewer, 2024-05-12 07:15 UTC)_\n- `timestamp`: `skew` The timestamp is 1016 s behind",
    );
    expect(renderDiagnosisMarkdown(record(), { locale: "en", link: LINK })).not.toContain("### Checks");
  });

  test("in Chinese, with a notice when the entry has changed since", () => {
    const md = renderDiagnosisMarkdown(
      record({ snapshots: [{ findingIndex: 0, code: "Missing%s", savedRevision: 3, currentRevision: 5, changed: true }] }),
      { locale: "zh-CN", link: LINK },
    );
    expect(md).toContain("# ErrorDesk 诊断 Abc123Def456");
    expect(md).toContain("缺少 GroupId");
    expect(md).toContain("该条目此后已修改：当前为第 5 版");
    expect(md).toContain("- [x] 检查 SDK 调用是否设置了 GroupId");
    // The step's detail exists only in English: it falls back rather than disappearing.
    expect(md).toContain("Look at the request builder.");
    expect(md).toContain("**未解决**");
  });

  test("says why it matched in the reader's language, with the translation the finding card uses", () => {
    const zh = createTranslator({
      locale: "zh-CN",
      messages: { diagnosis: zhCN } as AbstractIntlMessages,
      namespace: "diagnosis",
    }) as unknown as EngineTextTranslator;
    const md = renderDiagnosisMarkdown(record(), { locale: "zh-CN", link: LINK, explain: (match) => matchReason(match, zh).text });
    expect(md).toContain("- **依据**：错误码 MissingGroupId 符合模板 Missing%s，参数为 GroupId");
  });

  test("nothing found, no notes, no outcome, saved by an API key", () => {
    const empty = buildSavedResult(diagnose("\u0000\u0001binary", matcher), new Map(), { via: { kind: "api-key", name: "Ticket bot" } });
    const md = renderDiagnosisMarkdown(record({ createdBy: null, notes: [], outcome: null, checks: [], snapshots: [] }, empty), {
      locale: "en",
      link: LINK,
    });
    expect(md).toContain("by API key “Ticket bot”");
    expect(md).toContain("No Alibaba Cloud error was found in the input.");
    expect(md).toContain("No notes.");
    expect(md).toContain("Not recorded yet.");
  });
});

describe("escalation summary for Alibaba Cloud support", () => {
  test("gives RequestId, HostId, region, time window (UTC and UTC+8), the error, what was checked and found, outcome and reference", () => {
    const text = renderEscalationSummary(record(), { locale: "en", link: LINK });
    expect(text).toContain(`RequestId: ${REQUEST_ID}`);
    expect(text).toContain("HostId: apigateway.cn-hangzhou.aliyuncs.com");
    expect(text).toContain("Region: cn-hangzhou");
    // 14:06:51 in a zone-less log line is read as UTC+8.
    expect(text).toContain(
      "Time window: 2024-05-12 05:51:51 UTC – 2024-05-12 06:21:51 UTC (UTC+8 13:51:51 – 14:21:51), ±15 min around the time in the error output",
    );
    expect(text).toContain("Error code: MissingGroupId");
    expect(text).toContain("Message: GroupId is mandatory for this action.");
    expect(text).toMatch(/What we checked:\n- Check the SDK call sets GroupId \(Ed Editor, 2024-05-12 07:10 UTC\)\n\n/);
    expect(text).not.toContain("Check the Terraform resource");
    expect(text).toContain("- MissingGroupId corresponds to the documented error Missing%s. The request did not include GroupId.");
    expect(text).toContain("- Vi Viewer (2024-05-12 07:20 UTC): Customer confirms the GroupId is empty.");
    expect(text).toContain("Outcome so far: Did not solve it (Vi Viewer, 2024-05-12 07:25 UTC)\nReason: The group was deleted");
    expect(text).toContain(`Our reference: ${LINK} (Ticket INC-4711)`);
  });

  test("a looked-up event gives the API action and version, the caller, and the window around the logged time", () => {
    const event = {
      requestId: REQUEST_ID,
      occurredAt: "2024-05-10T23:55:00.000Z",
      product: "CloudAPI",
      action: "SetDomain",
      apiVersion: "2016-07-14",
      region: "cn-beijing",
      httpStatus: 400,
      code: "DomainNotResolved",
      message: "The specified domain has not been resolved.",
      caller: "alice (ram-user, account 1234567890123456)",
      sourceIp: null,
      userAgent: null,
    };
    const result = buildSavedResult(diagnoseRequestEvent(event, matcher), new Map(), { event });
    const rec = record({ inputKind: "request-id", checks: [], notes: [], outcome: null, snapshots: [] }, result);
    const text = renderEscalationSummary(rec, { locale: "en", link: LINK });
    expect(text).toContain("API: SetDomain (2016-07-14)");
    expect(text).toContain("Region: cn-beijing");
    expect(text).toContain("Caller: alice (ram-user, account 1234567890123456)");
    expect(text).toContain(
      "Time window: 2024-05-10 23:40:00 UTC – 2024-05-11 00:10:00 UTC (UTC+8 07:40:00 – 08:10:00), ±15 min around the logged request",
    );
    expect(text).toContain("- No checklist step has been ticked yet.");
    expect(escalationWindow(rec, rec.result.findings[0]).source).toBe("event");
  });

  test("without any time in the input, the window is around the diagnosis; in Chinese", () => {
    const result = buildSavedResult(diagnose("ErrorCode: Throttling.User", matcher), new Map());
    const rec = record({ checks: [], snapshots: [] }, result);
    expect(escalationWindow(rec, rec.result.findings[0])).toEqual({
      from: new Date("2024-05-12T06:45:00Z"),
      to: new Date("2024-05-12T07:15:00Z"),
      source: "diagnosis",
    });
    const text = renderEscalationSummary(rec, { locale: "zh-CN", link: LINK });
    expect(text).toContain("提交阿里云技术支持");
    expect(text).toContain("我们诊断时间前后 15 分钟");
    expect(text).toContain("错误码：Throttling.User");
  });
});
