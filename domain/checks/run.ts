import { redactText } from "../redaction";
import { checkDns, type DnsResolver } from "./dns";
import { checkFlowControl } from "./flow-control";
import type { ServerCheckInput } from "./input";
import { checkParamMapping } from "./param-mapping";
import { checkPermission } from "./permission";
import { checkSignature } from "./signature";
import { checkTimestamp } from "./timestamp";
import type { CheckResult } from "./types";

export type CheckDeps = { dns: DnsResolver; now: () => Date };

/**
 * Runs a check the server may run (everything but cert, whose private key stays in the browser). Both strings
 * to sign are redacted first: the saved paste shows the server's with its AccessKey ID replaced, so the client's
 * must be too, or the ID would be the first difference.
 */
export async function runServerCheck(input: ServerCheckInput, deps: CheckDeps): Promise<CheckResult> {
  switch (input.kind) {
    case "dns":
      return checkDns(input, deps.dns);
    case "timestamp":
      return checkTimestamp({ value: input.value, at: input.at ? new Date(input.at) : deps.now() });
    case "signature":
      return checkSignature({ server: redactText(input.server), client: redactText(input.client), method: input.method });
    case "flowControl":
      return checkFlowControl(input);
    case "paramMapping":
      return checkParamMapping(input);
    case "permission":
      return checkPermission(input);
  }
}
