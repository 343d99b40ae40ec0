/**
 * Every vendor source the catalog loads, each with its facts (re-read from its page by `npm run
 * catalog:vendor-import`) and the team's seed text. The seed, `npm run diagnose`, the accuracy corpus and the
 * engine benchmark all take their codes from here, so a new source reaches each of them at once.
 */
import type { Guide, VendorFacts } from "../../domain/catalog/types";
import gatewayFacts from "./gateway-facts.json";
import { gatewayGuides } from "./gateway-guides";
import { seedGuides } from "./guides";
import openApiFacts from "./vendor-facts.json";

export type VendorSource = { name: string; facts: VendorFacts[]; guides: Record<string, Guide> };

/** The management OpenAPI's error-code page: what `vendor_source` says of its entries. */
export const OPENAPI_SOURCE = "help.aliyun.com: API 网关管控 OpenAPI 错误码";
/** API Gateway's data-plane table: the `X-Ca-Error-Code` callers of published APIs receive. */
export const GATEWAY_SOURCE = "help.aliyun.com: API 网关错误码表（VPC 实例，X-Ca-Error-Code）";

export const VENDOR_SOURCES: readonly VendorSource[] = [
  { name: OPENAPI_SOURCE, facts: openApiFacts as VendorFacts[], guides: seedGuides },
  { name: GATEWAY_SOURCE, facts: gatewayFacts as VendorFacts[], guides: gatewayGuides },
];

/** The facts of every vendor source: what the diagnosis engine needs when no database is at hand. */
export const ALL_VENDOR_FACTS: readonly VendorFacts[] = VENDOR_SOURCES.flatMap((source) => source.facts);
