import { problem, resultOf, type CheckProblem } from "./types";

/**
 * Parameter names from what the engineer pastes: CreateApi's JSON (`RequestParameters` items name
 * `ApiParameterName`, `ServiceParametersMap` items `RequestParameterName`), or names one per line or
 * comma-separated (`a -> b` counts its left side, the request parameter).
 */
export function parameterNames(text: string, jsonField: "ApiParameterName" | "RequestParameterName"): string[] {
  const trimmed = text.trim();
  if (trimmed.startsWith("[")) {
    try {
      const items = JSON.parse(trimmed) as unknown;
      if (Array.isArray(items)) {
        return items.flatMap((item) =>
          item && typeof item === "object" && typeof (item as Record<string, unknown>)[jsonField] === "string"
            ? [(item as Record<string, string>)[jsonField]!]
            : [],
        );
      }
    } catch {
      // Not JSON after all: read it as a list of names.
    }
  }
  return trimmed
    .split(/[\n,]/)
    .map((line) => line.split(/->|=>|:/)[0]!.trim())
    .filter(Boolean);
}

export type ParamMappingInput = { requestParameters: string; mappings: string };

/** InvalidParamMapping ("Parameters must be fully mapped"): which request parameters have no backend mapping. */
export function checkParamMapping({ requestParameters, mappings }: ParamMappingInput) {
  const requested = [...new Set(parameterNames(requestParameters, "ApiParameterName"))];
  const mapped = new Set(parameterNames(mappings, "RequestParameterName"));
  const unmapped = requested.filter((name) => !mapped.has(name));
  const unknown = [...mapped].filter((name) => !requested.includes(name));
  const problems: CheckProblem[] = [];
  if (unmapped.length > 0)
    problems.push(problem("unmapped", `No backend mapping for ${unmapped.join(", ")}`, { names: unmapped.join(", ") }));
  if (unknown.length > 0)
    problems.push(problem("unknown_source", `Mapped but not a request parameter: ${unknown.join(", ")}`, { names: unknown.join(", ") }));
  return resultOf("paramMapping", problems, { requestParameters: requested, unmapped, unknown });
}
