// A diagnosis worker thread's entry (piscina loads it; see app/_lib/diagnosis-pool.ts). It is a plain ES module
// outside Next's bundle, found from the project root at run time, so it exists under `npm start` as under the test
// runner; the TypeScript it needs is loaded through tsx, whatever flags the server process was started with.
import { setPriority } from "node:os";
import { workerData } from "node:worker_threads";
import { tsImport } from "tsx/esm/api";

// Heavy pastes yield the CPU to the request thread and the embedded database's: on Linux a thread has its own nice
// value, and setpriority on "process 0" sets the calling thread's (elsewhere it would lower the whole server, so it is
// left alone there). 19, not 10: the catalog page's p99 under load 116-132 -> 94-97 ms (bench:diagnose-load).
if (process.platform === "linux") setPriority(0, 19);

const { diagnosisWorkerTask } = await tsImport("./diagnosis-task.ts", import.meta.url);

export default diagnosisWorkerTask(workerData.facts);
