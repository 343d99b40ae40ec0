import { config } from "zod";

// Zod probes whether it may compile parsers with `new Function` the first time a schema is built; the
// Content-Security-Policy (app/_lib/security-headers.ts) forbids eval, so the probe would log a violation on
// every page. This file runs before any page code, so no schema is built before it.
config({ jitless: true });
