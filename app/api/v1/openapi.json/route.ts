import { withJsonErrors } from "@/app/_lib/route-handler";
import { openApiDocument } from "@/domain/api/openapi";

/** The OpenAPI 3.1 document of /api/v1, open to anyone: it describes the API, it holds no data. */
export const GET = withJsonErrors(() => Response.json(openApiDocument(), { headers: { "cache-control": "no-cache" } }));
