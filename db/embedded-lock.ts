import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * PGlite corrupts its data folder when two processes open it, so whoever opens it holds this lock.
 * The running app records its port and a local token here, which lets command-line tools go through
 * the app instead of opening the folder themselves.
 */
export type LockInfo = {
  pid: number;
  /** The kernel's start time of that process (Linux); with the pid it names one process, even after the pid is reused. */
  processStart?: string;
  port?: number;
  localToken: string;
  startedAt: string;
};

export class EmbeddedDatabaseBusyError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockInfo,
  ) {
    super(
      `The embedded database in ${dataDir} is already open in process ${holder.pid}` +
        (holder.port ? ` (ErrorDesk on port ${holder.port})` : "") +
        `. Stop that process first, or point DATA_DIR at another folder.`,
    );
    this.name = "EmbeddedDatabaseBusyError";
  }
}

export function lockPath(dataDir: string): string {
  return path.join(dataDir, "errordesk.lock");
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * When the process started, in clock ticks since boot (field 22 of /proc/<pid>/stat), or null where there is
 * no /proc (macOS, Windows) or no such process. The command name before it is in parentheses and may itself
 * hold spaces and parentheses, so the fields are counted from the last ")".
 */
function processStartTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? null;
  } catch {
    return null;
  }
}

/**
 * Whether the process that wrote the lock still runs. After a crash its pid may be reused by another program:
 * where the lock and the system both tell the start time, a different one means the holder is gone.
 */
function isHolderAlive(info: LockInfo): boolean {
  if (!isAlive(info.pid)) return false;
  const running = info.processStart ? processStartTime(info.pid) : null;
  return running === null || running === info.processStart;
}

/** The live holder of the lock, if any; a lock left by a dead process does not count. */
export function readLiveLock(dataDir: string): LockInfo | null {
  let info: LockInfo;
  try {
    info = JSON.parse(readFileSync(lockPath(dataDir), "utf8")) as LockInfo;
  } catch {
    return null;
  }
  return info.pid !== process.pid && isHolderAlive(info) ? info : null;
}

export function acquireEmbeddedLock(dataDir: string, port?: number): { info: LockInfo; release: () => void } {
  mkdirSync(dataDir, { recursive: true });
  const info: LockInfo = {
    pid: process.pid,
    processStart: processStartTime(process.pid) ?? undefined,
    port,
    localToken: randomBytes(24).toString("base64url"),
    startedAt: new Date().toISOString(),
  };
  const file = lockPath(dataDir);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, JSON.stringify(info), { flag: "wx", mode: 0o600 });
      const release = () => {
        try {
          const current = JSON.parse(readFileSync(file, "utf8")) as LockInfo;
          if (current.pid === process.pid) unlinkSync(file);
        } catch {
          // Already gone: nothing to release.
        }
      };
      process.once("exit", release);
      return { info, release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = readLiveLock(dataDir);
      if (holder) throw new EmbeddedDatabaseBusyError(dataDir, holder);
      // A dead process's lock (or one whose pid now names another program), or our own from an earlier
      // open in this process: take it over.
      unlinkSync(file);
    }
  }
  throw new Error(`Could not take the lock ${file}`);
}
