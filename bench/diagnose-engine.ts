/**
 * Diagnosis engine benchmark: in-process `diagnose()` over the real SDK samples (tests/fixtures/diagnosis), a
 * 10 KB ticket built from them, and 1 MB adversarial inputs, each beside a baseline measured in the same run on
 * the same bytes (`JSON.parse` attempt + `indexOf("Code")`: the least any reader of the paste has to do).
 *
 *   node --import tsx bench/diagnose-engine.ts
 *
 * Targets (product rule: speed is measured here, not in timed tests): 10 KB median under 0.5 ms, every 1 MB
 * adversarial input under 200 ms. The same ticket with its body HTML-escaped and a code typed in full-width shows
 * what reading a normalised copy costs (no target: the plain ticket's must not move). Optional:
 * BENCH_SECONDS_PER_CASE (2), BENCH_MAX_RUNS (2000).
 * The machine's load average is printed: on a shared 2-core box a load above 2 inflates every wall-clock figure,
 * so the process's CPU time per run is printed beside it and either one under target counts.
 */
import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { createMatcher, diagnose, redactSecrets } from "@/domain/diagnosis";
import { ALL_VENDOR_FACTS } from "@/db/seed/vendor-sources";
import { SAMPLES } from "@/tests/fixtures/diagnosis/samples";
import { machineLoad, percentiles, printTable } from "./support";

const SECONDS_PER_CASE = Number(process.env.BENCH_SECONDS_PER_CASE) || 2;
const MAX_RUNS = Number(process.env.BENCH_MAX_RUNS) || 2000;
const TARGET_10KB_MS = 0.5;
const TARGET_1MB_MS = 200;
const MB = 1_000_000;

function baseline(text: string): number {
  let n = text.indexOf("Code");
  try {
    n += JSON.stringify(JSON.parse(text)).length;
  } catch {
    n -= 1;
  }
  return n;
}

type Stats = { median: number; p95: number; cpu: number; runs: number };

/**
 * Runs `fn` until the time budget or run cap is spent (at least 5 runs), after a warm-up. Records wall time and
 * the process's CPU time per run: on a shared machine wall time also counts waiting for a core, CPU time does not.
 */
function measure(fn: () => unknown, maxRuns = MAX_RUNS, warmUp = 3): Stats {
  for (let i = 0; i < warmUp; i++) fn();
  const times: number[] = [];
  const cpu: number[] = [];
  const deadline = performance.now() + SECONDS_PER_CASE * 1000;
  while (times.length < maxRuns && (times.length < 5 || performance.now() < deadline)) {
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    fn();
    times.push(performance.now() - started);
    const used = process.cpuUsage(cpuBefore);
    cpu.push((used.user + used.system) / 1000);
  }
  const wall = percentiles(times);
  return { median: wall.p50, p95: wall.p95, cpu: percentiles(cpu).p50, runs: times.length };
}

const fmt = (ms: number) => (ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(1)} ms`);
const rows: string[][] = [];
const verdicts: boolean[] = [];

/** The verdict uses the lower of wall and CPU median: either one under target means the code is fast enough. */
function row(name: string, bytes: number, engine: Stats, base: Stats, target?: number) {
  const ok = target === undefined ? undefined : Math.min(engine.median, engine.cpu) < target;
  if (ok !== undefined) verdicts.push(ok);
  rows.push([
    name,
    bytes >= MB ? `${(bytes / MB).toFixed(1)} MB` : bytes >= 10_000 ? `${(bytes / 1000).toFixed(1)} KB` : `${bytes} B`,
    fmt(engine.median),
    fmt(engine.cpu),
    fmt(engine.p95),
    fmt(base.median),
    String(engine.runs),
    target === undefined ? "" : `${ok ? "ok" : "OVER"} (< ${fmt(target)})`,
  ]);
}

const matcherStart = performance.now();
const matcher = createMatcher(ALL_VENDOR_FACTS);
const matcherMs = performance.now() - matcherStart;

const loadBefore = loadavg()[0]!;
console.log(`${machineLoad()} · node ${process.version} · createMatcher ${fmt(matcherMs)} (once)\n`);

// Real SDK samples, one by one.
for (const sample of SAMPLES) {
  row(
    `sample ${sample.id}`,
    sample.text.length,
    measure(() => diagnose(sample.text, matcher), 500),
    measure(() => baseline(sample.text), 500),
  );
}

// A 10 KB ticket as support receives them: prose in both languages, application logs, a stack trace and three
// real SDK errors among them. This is the input the 0.5 ms target is about.
const sample = (id: string) => SAMPLES.find((s) => s.id === id)!.text;
const logLine = (i: number) =>
  `2024-05-01 10:00:${String(i % 60).padStart(2, "0")}.${String((i * 37) % 1000).padStart(3, "0")} INFO  [pool-1-thread-${i % 8}] c.e.gateway.ApiPublisher - publishing api ${1000 + i} to stage RELEASE, group g-${i % 5}`;
const frames = Array.from(
  { length: 30 },
  (_, i) => `\tat com.example.gateway.service.ApiPublisher.step${i}(ApiPublisher.java:${100 + i})`,
).join("\n");
let realistic = [
  "您好，客户从昨天开始发布 API 一直失败，上周刚轮换过 AccessKey。下面是应用日志、SDK 报错和控制台看到的信息，麻烦帮忙看一下原因。",
  "Hi team, the customer cannot publish their API group since yesterday. They rotated the AccessKey last week and now every deploy fails; the console shows the same request id as the logs below.",
  ...Array.from({ length: 25 }, (_, i) => logLine(i)),
  sample("S19"),
  frames,
  ...Array.from({ length: 10 }, (_, i) => logLine(100 + i)),
  sample("S35"),
  "Later the DNS sync job printed:",
  sample("S03"),
].join("\n");
for (let i = 200; realistic.length < 10_240; i++) realistic += `\n${logLine(i)}`;
realistic = realistic.slice(0, 10_240);
row(
  "10 KB ticket (prose, logs, 3 errors)",
  realistic.length,
  measure(() => diagnose(realistic, matcher)),
  measure(() => baseline(realistic)),
  TARGET_10KB_MS,
);

// The same ticket as copied from a web console and typed in a Chinese input method: the S03 body HTML-escaped, a
// code in full-width characters. Same length, same errors: the difference is the cost of normalising.
const escapedBody = sample("S03").replaceAll("&", "&amp;").replaceAll('"', "&quot;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
const fullWidth = (ascii: string) => ascii.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const normalised = realistic.replace(sample("S03"), `${escapedBody}\n错误码：${fullWidth("InvalidApiId")}`).slice(0, 10_240);
row(
  "10 KB ticket, escaped body + full-width code",
  normalised.length,
  measure(() => diagnose(normalised, matcher)),
  measure(() => baseline(normalised)),
);

// The worst 10 KB a person pastes: every sample back to back (about 45 errors, each matched and suggested).
let dense = "";
for (let i = 0; dense.length < 10_240; i++) dense += `第 ${i + 1} 段：\n${SAMPLES[i % SAMPLES.length]!.text}\n\n`;
dense = dense.slice(0, 10_240);
row(
  "10 KB of samples back to back",
  dense.length,
  measure(() => diagnose(dense, matcher)),
  measure(() => baseline(dense)),
);

const repeat = (unit: string) => unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB);
const adversarial: [string, string][] = [
  ['{"Code":" × n', repeat('{"Code":"')],
  ["a × 1e6", "a".repeat(MB)],
  ["nested brackets", "{[".repeat(MB / 4) + "]}".repeat(MB / 4)],
  ["%s × n", repeat("%s")],
  ["ErrorCode: lines", repeat("ErrorCode: \n")],
  ["code: 400, × n (one line)", repeat("code: 400, ")],
  ["Tea lines with request id", repeat("code: 400, x request id: 1\n")],
  ["Error: × n", repeat("Error: ")],
  ["<Code> × n", repeat("<Code>")],
  ["catalog message × n", repeat("The GroupId is mandatory for this action. ")],
  ["template-like words × n", repeat("InvalidFoo NotFoundBar MissingBaz ")],
  ["Go SDK blocks × n", repeat("SDK.ServerError\nErrorCode: X\nRecommend: y\nRequestId: z\nMessage: m\n")],
  ["HTTP status lines × n", repeat("HTTP/1.1 400 Bad\n")],
  ["secrets × n", repeat("AccessKeySecret=LTAIabcdefghijklmnop ")],
  ["random bytes", Array.from({ length: MB }, (_, i) => String.fromCharCode((i * 2654435761) % 251)).join("")],
  // The first row again, full-width and HTML-escaped: normalised before reading, every character folded or decoded.
  ["{＂Ｃｏｄｅ＂：＂ × n (full-width)", repeat(fullWidth('{"Code":"'))],
  ["{&quot;Code&quot;:&quot; × n", repeat("{&quot;Code&quot;:&quot;")],
  ["{&amp;quot;Code&amp;quot;:&amp;quot; × n (escaped twice)", repeat("{&amp;quot;Code&amp;quot;:&amp;quot;")],
  // Redaction's own worst cases: a name before every few characters, each read and refused (or each a secret).
  ["password password × n (loose names)", repeat("password password ")],
  ["password=$ × n (placeholders)", repeat("password=$ ")],
  ["secret is × n", repeat("secret is ")],
  ["密码是 × n", repeat("密码是 ")],
  ["token _token_token × n", repeat("token _token_token ")],
  ["Authorization: Bearer × n", repeat("Authorization: Bearer ")],
  ["Cookie: a=b; × n", repeat("Cookie: a=b; ")],
  ["AcsClient('…', × n (unclosed calls)", repeat("AcsClient('abcdefgh1', ")],
  ["https://a:b × n (no @)", repeat("https://a:b")],
  ["eyJ….× n (JWT heads)", repeat("eyJabcdefghij.")],
];
for (const [name, text] of adversarial) {
  row(
    `1 MB: ${name}`,
    text.length,
    measure(() => diagnose(text, matcher), 15, 1),
    measure(() => baseline(text), 15, 1),
    TARGET_1MB_MS,
  );
}
const secrets = repeat("x AccessKeySecret=9xYzAbCdEfGhIjKlMnOpQrStUvWx12 LTAI5tQwErTyUiOpAsDfGh ");
row(
  "1 MB: redactSecrets alone",
  secrets.length,
  measure(() => redactSecrets(secrets), 15, 1),
  measure(() => baseline(secrets), 15, 1),
);

printTable(["input", "size", "median", "cpu median", "p95", "baseline median", "runs", "target"], rows);
const over = verdicts.filter((ok) => !ok).length;
console.log(
  `\n${verdicts.length - over}/${verdicts.length} targets met. Load average ${loadBefore.toFixed(2)} before, ${loadavg()[0]!.toFixed(2)} after${
    loadavg()[0]! > 1.5 ? " (a busy machine: compare cpu median, and rerun when it is quiet)" : ""
  }.`,
);
