import { problem, resultOf } from "./types";

/** The fields of AccessDeniedDetail (in NoPermission and Forbidden%s answers) the check reads. */
type AccessDeniedDetail = {
  AuthAction?: string;
  NoPermissionType?: string;
  PolicyType?: string;
  AuthPrincipalType?: string;
  AuthPrincipalDisplayName?: string;
};

function readDetail(detail: unknown): AccessDeniedDetail | null {
  if (typeof detail === "string") {
    // Pasted alone, or with its `"AccessDeniedDetail":` label.
    const start = detail.indexOf("{");
    const end = detail.lastIndexOf("}");
    if (start < 0 || end < start) return null;
    try {
      return readDetail(JSON.parse(detail.slice(start, end + 1)));
    } catch {
      return null;
    }
  }
  if (!detail || typeof detail !== "object") return null;
  const inner = (detail as Record<string, unknown>).AccessDeniedDetail;
  return inner && typeof inner === "object" ? (inner as AccessDeniedDetail) : (detail as AccessDeniedDetail);
}

/**
 * NoPermission, Forbidden%s: reads AccessDeniedDetail and gives the least RAM policy that allows the denied action.
 * An explicit deny is not lifted by any Allow: the problem says to remove the Deny statement instead.
 */
export function checkPermission({ detail }: { detail: unknown }) {
  const read = readDetail(detail);
  const action = read?.AuthAction;
  if (!read || typeof action !== "string" || action === "") {
    return resultOf("permission", [problem("no_detail", "No AccessDeniedDetail with an AuthAction: ask for the full error body")], {
      action: null,
      policy: null,
    });
  }
  const explicit = read.NoPermissionType === "ExplicitDeny";
  const policy = { Version: "1", Statement: [{ Effect: "Allow", Action: [action], Resource: "*" }] };
  const who = read.AuthPrincipalDisplayName ? ` for ${read.AuthPrincipalDisplayName}` : "";
  const found = explicit
    ? problem(
        "explicit_deny",
        `A Deny statement in a ${read.PolicyType ?? "policy"} blocks ${action}${who}: remove it; no Allow overrides a Deny`,
        { action },
      )
    : problem("implicit_deny", `No policy allows ${action}${who}: attach the policy below (narrow Resource if you can)`, { action });
  return resultOf("permission", [found], {
    action,
    principalType: read.AuthPrincipalType ?? null,
    principal: read.AuthPrincipalDisplayName ?? null,
    policyType: read.PolicyType ?? null,
    policy: explicit ? null : policy,
  });
}
