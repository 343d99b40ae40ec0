/**
 * The check proxy.ts runs on every server action call (app/_lib/action-request.ts) on the largest form the app
 * has, the diagnose form with a 1 MB paste, beside reading that same body once as FormData (what Next does
 * with it next anyway). Budget: the check costs at most 1.5 times that read, about 10 ms on 2 quiet cores.
 *
 *   node --import tsx bench/action-request.ts        (BENCH_RUNS, default 200)
 */
import { refuseUndecodableAction } from "@/app/_lib/action-request";
import { machineLoad, percentiles, positiveInt, printTable, runIfMain } from "./support";

const PASTE = "2024-05-12 10:31:07 ERROR RequestId: 5C1D2B3A-1234-4ABC-9DEF-0123456789AB Code: InvalidParameter\n".repeat(
  (1024 * 1024) / 96,
);

/** A diagnose form post as the browser sends it: React's argument list in part 0, the form's fields under 1_. */
function diagnoseFormPost(): Request {
  const form = new FormData();
  form.set("0", '["$undefined","$K1"]');
  form.set("1_input", PASTE);
  form.set("1_ticketRef", "INC-42");
  const encoded = new Request("http://127.0.0.1/diagnose", { method: "POST", body: form });
  return new Request(encoded, { headers: { "next-action": "7f00", "content-type": encoded.headers.get("content-type")! } });
}

async function measure(runs: number, work: (request: Request) => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const request = diagnoseFormPost();
    const started = performance.now();
    await work(request);
    samples.push(performance.now() - started);
  }
  return samples;
}

async function main(): Promise<void> {
  const runs = positiveInt(process.env.BENCH_RUNS, 200);
  await measure(20, refuseUndecodableAction); // warm-up
  // Interleaved rounds, so a burst of load elsewhere on the machine hits both alike.
  const baseline: number[] = [];
  const check: number[] = [];
  for (let round = 0; round < 10; round++) {
    baseline.push(...(await measure(runs / 10, (request) => request.formData())));
    check.push(
      ...(await measure(runs / 10, async (request) => {
        if (await refuseUndecodableAction(request)) throw new Error("the diagnose form post was refused");
      })),
    );
  }
  console.log(`server action body check, 1 MB diagnose form, ${runs} runs each (${machineLoad()})`);
  const row = (label: string, samples: number[]) => {
    const p = percentiles(samples);
    return [label, ...[p.p50, p.p95, p.p99, p.max].map((ms) => ms.toFixed(2))];
  };
  printTable(
    ["ms", "p50", "p95", "p99", "max"],
    [row("baseline: read the body as FormData", baseline), row("refuseUndecodableAction", check)],
  );
}

runIfMain(import.meta.url, main);
