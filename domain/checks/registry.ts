/**
 * Which checks serve which catalog codes. A finding whose code is listed here shows a "Run check" panel on its
 * diagnosis; `where` says where a check can run: "anywhere" (the command line and the server), "browser" (it
 * reads a private key or a secret, which never leave the reader's browser) or "ui" (an interactive form only).
 */
export const CHECKS = {
  dns: { codes: ["DomainNotResolved"], where: "anywhere" },
  cert: {
    codes: [
      "CertificateNotMatch",
      "CertificateKeyNotMatch",
      "PrivateKeyEncrypted",
      "CertificateSecretKeyError",
      "DomainCertificateNotFound",
    ],
    where: "browser",
  },
  timestamp: { codes: ["InvalidTimeStamp.Format", "InvalidTimeStamp.Expired"], where: "anywhere" },
  signature: { codes: ["SignatureDoesNotMatch", "A403IS"], where: "anywhere" },
  flowControl: { codes: ["InvalidApiDefault", "InvalidAppDefault", "InvalidUserDefault"], where: "ui" },
  paramMapping: { codes: ["InvalidParamMapping"], where: "ui" },
  permission: { codes: ["NoPermission", "Forbidden%s"], where: "ui" },
} as const satisfies Record<string, { codes: readonly string[]; where: "anywhere" | "browser" | "ui" }>;

export type CheckKind = keyof typeof CHECKS;

export const CHECK_KINDS = Object.keys(CHECKS) as CheckKind[];

/** Kinds the command line runs: the others need a form. */
export const CLI_CHECK_KINDS = ["dns", "cert", "timestamp", "signature"] as const satisfies readonly CheckKind[];

export function isCheckKind(value: unknown): value is CheckKind {
  return typeof value === "string" && Object.hasOwn(CHECKS, value);
}

/** The checks that help with a catalog code (a template code such as `Forbidden%s` matches as written). */
export function checksForCode(code: string): CheckKind[] {
  return CHECK_KINDS.filter((kind) => (CHECKS[kind].codes as readonly string[]).includes(code));
}
