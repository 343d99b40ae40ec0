import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { cruise, type ICruiseResult } from "dependency-cruiser";
import extractDepcruiseOptions from "dependency-cruiser/config-utl/extract-depcruise-options";
import extractTSConfig from "dependency-cruiser/config-utl/extract-ts-config";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/**
 * A small tree with the repo's layout: every rule of .dependency-cruiser.cjs is broken exactly once (through
 * the `@/` alias, a relative path, a type-only import and a package), beside imports that are allowed.
 */
const FIXTURE: Record<string, string> = {
  "tsconfig.json": JSON.stringify({
    compilerOptions: { jsx: "react-jsx", moduleResolution: "bundler", baseUrl: ".", paths: { "@/*": ["./*"] } },
  }),
  "domain/types.ts": "export type Row = { id: string };\n",
  "domain/engine.ts": [
    'import { getDb } from "@/db/client";',
    'import { saveAction } from "../app/actions";',
    'import { Card } from "@/components/card";',
    'import { useState } from "react";',
    'import type { Row } from "./types";',
    "export const parts = [getDb, saveAction, Card, useState] as const;",
    "export type Parsed = Row;",
  ].join("\n"),
  "adapters/io.ts": 'import type { Row } from "@/domain/types";\nexport const read = (row: Row) => row.id;\n',
  "domain/checks.ts": 'import { read } from "@/adapters/io";\nexport const check = read;\n',
  "domain/cycle-a.ts": 'import { b } from "./cycle-b";\nexport const a = () => b;\n',
  "domain/cycle-b.ts": 'import { a } from "./cycle-a";\nexport const b = () => a;\n',
  // A cycle closed by `import type` only has no load order: allowed.
  "domain/typed-a.ts": 'import { shape } from "./typed-b";\nexport type A = { id: string };\nexport const read = shape;\n',
  "domain/typed-b.ts": 'import type { A } from "./typed-a";\nexport const shape = (a: A) => a.id;\n',
  "components/card.tsx": [
    'import type { Stored } from "@/db/client";',
    'import { saveAction } from "@/app/actions";',
    'import type { Row } from "@/domain/types";',
    "export function Card(props: { row: Row; stored: Stored }) { return <form action={saveAction}>{props.row.id}</form>; }",
  ].join("\n"),
  "db/client.ts": [
    'import { saveAction } from "../app/actions";',
    'import { Card } from "@/components/card";',
    'import type { Row } from "../domain/types";',
    "export type Stored = Row;",
    "export const getDb = () => [saveAction, Card];",
  ].join("\n"),
  "app/actions.ts": 'import { getDb } from "@/db/client";\nexport async function saveAction() { getDb(); }\n',
  "app/page.tsx":
    'import { Card } from "@/components/card";\nexport default function Page() { return <Card row={{ id: "1" }} stored={{ id: "1" }} />; }\n',
};

let fixture = "";
let result: ICruiseResult;

beforeAll(async () => {
  fixture = mkdtempSync(path.join(tmpdir(), "errordesk-import-rules-"));
  for (const [file, text] of Object.entries(FIXTURE)) {
    mkdirSync(path.dirname(path.join(fixture, file)), { recursive: true });
    writeFileSync(path.join(fixture, file), text);
  }
  // So `react` resolves into node_modules/ as it does in the repo (preserveSymlinks keeps that path).
  symlinkSync(path.join(root, "node_modules"), path.join(fixture, "node_modules"), "dir");
  const options = await extractDepcruiseOptions(path.join(root, ".dependency-cruiser.cjs"));
  const tsConfigFile = path.join(fixture, "tsconfig.json");
  const output = await cruise(
    ["domain", "components", "db", "app"],
    { ...options, baseDir: fixture, tsConfig: { fileName: tsConfigFile }, preserveSymlinks: true },
    {},
    { tsConfig: extractTSConfig(tsConfigFile) },
  );
  result = output.output as ICruiseResult;
});

afterAll(() => {
  if (fixture) rmSync(fixture, { recursive: true, force: true });
});

describe("import rules (.dependency-cruiser.cjs)", () => {
  test("report each forbidden import across domain/, components/ and db/, and nothing else", () => {
    const violations = result.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort();
    expect(violations).toEqual(
      [
        "adapters-only-from-app-and-scripts: domain/checks.ts → adapters/io.ts",
        "components-no-app: components/card.tsx → app/actions.ts",
        "components-no-db: components/card.tsx → db/client.ts",
        "db-no-app: db/client.ts → app/actions.ts",
        "db-no-components: db/client.ts → components/card.tsx",
        "domain-no-app: domain/engine.ts → app/actions.ts",
        // A cycle is reported once, at the edge where the crawl closes it.
        "domain-no-circular: domain/cycle-a.ts → domain/cycle-b.ts",
        "domain-no-components: domain/engine.ts → components/card.tsx",
        "domain-no-db: domain/engine.ts → db/client.ts",
        "domain-no-framework: domain/engine.ts → node_modules/react/index.js",
      ].sort(),
    );
  });

  test("resolve the @/ alias through tsconfig, so an aliased import is checked like a relative one", () => {
    const card = result.modules.find((m) => m.source === "components/card.tsx");
    expect(card?.dependencies.map((d) => d.resolved).sort()).toEqual(["app/actions.ts", "db/client.ts", "domain/types.ts"]);
  });
});
