/**
 * Every way into the app, read from the app/ folder itself (and, for server actions, from the build's manifest),
 * so a page, route handler or action added later is crawled by tests/e2e/access.spec.ts without anyone listing it.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");
const APP = path.join(ROOT, "app");

export type PageEntry = { file: string; route: string };
export type RouteEntry = { file: string; route: string; methods: string[] };
export type ActionEntry = { file: string; name: string; id: string; pageRoute: string };

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

const relative = (file: string) => path.relative(ROOT, file).split(path.sep).join("/");

/** `app/(app)/d/[id]/page.tsx` → `/d/[id]`: route groups and private folders do not show in URLs. */
function routeOf(file: string): string {
  const segments = path
    .relative(APP, path.dirname(file))
    .split(path.sep)
    .filter((s) => s && !/^\(.*\)$/.test(s));
  return `/${segments.join("/")}`;
}

export function listPages(): PageEntry[] {
  return walk(APP)
    .filter((f) => /[\\/]page\.tsx?$/.test(f) && !f.includes(`${path.sep}_`))
    .map((file) => ({ file: relative(file), route: routeOf(file) }));
}

const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

export function listRoutes(): RouteEntry[] {
  return walk(APP)
    .filter((f) => /[\\/]route\.ts$/.test(f))
    .map((file) => {
      const source = readFileSync(file, "utf8");
      const declared = [...source.matchAll(/export\s+(?:async\s+)?(?:function|const)\s+([A-Z]+)\b/g)].map((m) => m[1]!);
      const reexported = [...source.matchAll(/export\s*\{([^}]*)\}/g)].flatMap((m) =>
        [...m[1]!.matchAll(/as\s+([A-Z]+)/g)].map((a) => a[1]!),
      );
      const methods = [...new Set([...declared, ...reexported])].filter((m) => METHODS.includes(m));
      if (!methods.length) throw new Error(`${relative(file)} exports no HTTP method the crawl recognises`);
      return { file: relative(file), route: routeOf(file), methods };
    });
}

/** The exported functions of every "use server" module, each with its id in the production build. */
export function listActions(): ActionEntry[] {
  const manifestFile = path.join(ROOT, ".next/server/server-reference-manifest.json");
  if (!existsSync(manifestFile))
    throw new Error("No .next/server/server-reference-manifest.json: the crawl runs against the production build");
  const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string; workers: Record<string, unknown> }>;
  };
  const built = Object.entries(manifest.node);
  return walk(APP)
    .filter((f) => /\.tsx?$/.test(f) && /^\s*["']use server["'];/.test(readFileSync(f, "utf8")))
    .flatMap((file) => {
      const names = [...readFileSync(file, "utf8").matchAll(/export\s+(?:async\s+)?(?:function|const)\s+(\w+)/g)].map((m) => m[1]!);
      return names.map((name) => {
        const found = built.find(([, entry]) => entry.filename === relative(file) && entry.exportedName === name);
        // An exported action no page uses is not in the build, so it cannot be called: remove it or use it.
        if (!found) throw new Error(`Server action ${relative(file)}#${name} has no id in the build`);
        const [id, entry] = found;
        const worker = Object.keys(entry.workers).find((w) => w.endsWith("/page"));
        if (!worker) throw new Error(`Server action ${relative(file)}#${name} is used by no page`);
        return { file: relative(file), name, id, pageRoute: routeOf(path.join(ROOT, worker)) };
      });
    });
}

/** A concrete URL for a route pattern; a dynamic segment without a value fails, naming the route. */
export function fillRoute(route: string, values: Record<string, string>): string {
  return route.replace(/\[(?:\.\.\.)?(\w+)\]/g, (segment, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`No value for ${segment} in ${route}: add one to the crawl's segment values`);
    return value;
  });
}
