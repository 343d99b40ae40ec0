import type { CheckKind } from "@/domain/checks/registry";

/** The inputs of each check's form, in order: the name is the check's input field and its label's message key. */
export type CheckField = { name: string; label?: string; multiline?: boolean; numeric?: boolean };

export const CHECK_FIELDS: Record<CheckKind, CheckField[]> = {
  dns: [{ name: "domain" }, { name: "expect" }],
  cert: [
    { name: "cert", multiline: true },
    { name: "key", multiline: true },
    { name: "domain", label: "certDomain" },
  ],
  timestamp: [{ name: "value" }, { name: "at" }],
  signature: [{ name: "server", multiline: true }, { name: "client", multiline: true }, { name: "method" }],
  flowControl: [
    { name: "apiDefault", numeric: true },
    { name: "userDefault", numeric: true },
    { name: "appDefault", numeric: true },
  ],
  paramMapping: [
    { name: "requestParameters", multiline: true },
    { name: "mappings", multiline: true },
  ],
  permission: [{ name: "detail", multiline: true }],
};
