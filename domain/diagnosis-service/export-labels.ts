import type { Locale } from "../catalog/types";

/**
 * The words of the exported documents. They are files people paste into tickets and support cases, not UI,
 * so they live beside the pure renderers (which must run without next-intl) in both languages.
 */
export type ExportLabels = {
  /** `: ` in English, the full-width `：` in Chinese. */
  colon: string;
  /** Between two sentences: a space in English, nothing after a Chinese full stop. */
  sentenceGap: string;
  documented: string;
  title: (id: string) => string;
  link: string;
  created: string;
  by: string;
  unknownPerson: string;
  apiKey: (name: string) => string;
  ticket: string;
  requestId: string;
  input: string;
  inputKinds: { text: string; "request-id": string };
  noFindings: string;
  finding: (n: number) => string;
  catalogEntry: string;
  revision: (n: number) => string;
  changedSince: (now: number | null) => string;
  match: string;
  why: string;
  matchKinds: { exact: string; template: string; message: string; suggestion: string };
  confidence: (percent: number) => string;
  noMatch: string;
  suggestions: string;
  httpStatus: string;
  message: string;
  region: string;
  hostId: string;
  api: string;
  time: string;
  meaning: string;
  whatToDo: string;
  checklist: string;
  /** Results of the checks (domain/checks/) run on the finding; problems stay in English, as the command line prints them. */
  checks: string;
  checkOk: string;
  notes: string;
  noNotes: string;
  outcome: string;
  outcomes: { solved: string; not_solved: string };
  noOutcome: string;
  reason: string;
  escalationTitle: string;
  escalationIntro: string;
  error: (n: number) => string;
  timeWindow: string;
  windowSource: { event: string; text: string; diagnosis: string };
  caller: string;
  code: string;
  whatWeChecked: string;
  nothingChecked: string;
  whatWeFound: string;
  matchesEntry: (found: string, entry: string) => string;
  notInCatalog: (code: string) => string;
  outcomeSoFar: string;
  reference: string;
  redactedNote: string;
};

const en: ExportLabels = {
  colon: ": ",
  sentenceGap: " ",
  documented: "documented",
  title: (id) => `ErrorDesk diagnosis ${id}`,
  link: "Link",
  created: "Created",
  by: "by",
  unknownPerson: "a former user",
  apiKey: (name) => `API key “${name}”`,
  ticket: "Ticket",
  requestId: "RequestId",
  input: "Input",
  inputKinds: { text: "pasted text", "request-id": "RequestId lookup" },
  noFindings: "No Alibaba Cloud error was found in the input.",
  finding: (n) => `Finding ${n}`,
  catalogEntry: "Catalog entry",
  revision: (n) => `revision ${n}`,
  changedSince: (now) =>
    now === null ? "the entry has since been removed from the catalog" : `the entry has changed since: now revision ${now}`,
  match: "Match",
  why: "Why",
  matchKinds: { exact: "exact code", template: "code template", message: "by message", suggestion: "suggestion" },
  confidence: (percent) => `confidence ${percent}%`,
  noMatch: "No catalog entry matched.",
  suggestions: "Possibly",
  httpStatus: "HTTP status",
  message: "Message",
  region: "Region",
  hostId: "HostId",
  api: "API",
  time: "Time",
  meaning: "What it means",
  whatToDo: "What to do",
  checklist: "Checklist",
  checks: "Checks",
  checkOk: "no problem found",
  notes: "Notes",
  noNotes: "No notes.",
  outcome: "Outcome",
  outcomes: { solved: "Solved it", not_solved: "Did not solve it" },
  noOutcome: "Not recorded yet.",
  reason: "Reason",
  escalationTitle: "Escalation to Alibaba Cloud support: API Gateway (CloudAPI)",
  escalationIntro: "We could not resolve the following error ourselves and ask for your help. Details:",
  error: (n) => `Error ${n}`,
  timeWindow: "Time window",
  windowSource: {
    event: "±15 min around the logged request",
    text: "±15 min around the time in the error output",
    diagnosis: "±15 min around our diagnosis (the request time is unknown)",
  },
  caller: "Caller",
  code: "Error code",
  whatWeChecked: "What we checked",
  nothingChecked: "No checklist step has been ticked yet.",
  whatWeFound: "What we found",
  matchesEntry: (found, entry) => `${found} corresponds to the documented error ${entry}.`,
  notInCatalog: (code) => `${code} is not in our catalog of documented errors.`,
  outcomeSoFar: "Outcome so far",
  reference: "Our reference",
  redactedNote: "Credentials were removed from this text and replaced by [REDACTED:…].",
};

const zh: ExportLabels = {
  colon: "：",
  sentenceGap: "",
  documented: "文档所列",
  title: (id) => `ErrorDesk 诊断 ${id}`,
  link: "链接",
  created: "创建",
  by: "创建人",
  unknownPerson: "已删除的用户",
  apiKey: (name) => `API 密钥“${name}”`,
  ticket: "工单",
  requestId: "RequestId",
  input: "输入",
  inputKinds: { text: "粘贴的文本", "request-id": "按 RequestId 查询" },
  noFindings: "输入中未发现阿里云错误。",
  finding: (n) => `发现 ${n}`,
  catalogEntry: "目录条目",
  revision: (n) => `第 ${n} 版`,
  changedSince: (now) => (now === null ? "该条目已从目录中删除" : `该条目此后已修改：当前为第 ${now} 版`),
  match: "匹配",
  why: "依据",
  matchKinds: { exact: "错误码完全一致", template: "错误码模板", message: "按错误信息", suggestion: "推测" },
  confidence: (percent) => `置信度 ${percent}%`,
  noMatch: "没有匹配的目录条目。",
  suggestions: "可能是",
  httpStatus: "HTTP 状态码",
  message: "错误信息",
  region: "地域",
  hostId: "HostId",
  api: "API",
  time: "时间",
  meaning: "含义",
  whatToDo: "处理方法",
  checklist: "排查清单",
  checks: "检查",
  checkOk: "未发现问题",
  notes: "备注",
  noNotes: "暂无备注。",
  outcome: "结果",
  outcomes: { solved: "已解决", not_solved: "未解决" },
  noOutcome: "尚未记录。",
  reason: "原因",
  escalationTitle: "提交阿里云技术支持：API 网关（CloudAPI）",
  escalationIntro: "以下错误我们无法自行解决，请协助排查。详细信息：",
  error: (n) => `错误 ${n}`,
  timeWindow: "时间范围",
  windowSource: {
    event: "请求日志时间前后 15 分钟",
    text: "错误输出中时间前后 15 分钟",
    diagnosis: "我们诊断时间前后 15 分钟（请求时间未知）",
  },
  caller: "调用者",
  code: "错误码",
  whatWeChecked: "已检查的项目",
  nothingChecked: "排查清单中尚未勾选任何步骤。",
  whatWeFound: "发现",
  matchesEntry: (found, entry) => `${found} 对应文档中的错误 ${entry}。`,
  notInCatalog: (code) => `${code} 不在我们的错误目录中。`,
  outcomeSoFar: "目前结果",
  reference: "我方参考",
  redactedNote: "本文中的凭证已删除，替换为 [REDACTED:…]。",
};

export const EXPORT_LABELS: Record<Locale, ExportLabels> = { en, "zh-CN": zh };
