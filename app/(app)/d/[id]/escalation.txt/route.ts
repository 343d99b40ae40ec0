import { renderEscalationSummary } from "@/domain/diagnosis-service";
import { withJsonErrors } from "@/app/_lib/route-handler";
import { exportResponse } from "../export-response";

export const dynamic = "force-dynamic";

/** The summary to hand to Alibaba Cloud support: RequestId, HostId, region, API, time window, what was checked (viewer and up). */
export const GET = withJsonErrors(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  return exportResponse(request, (await params).id, renderEscalationSummary, { contentType: "text/plain", extension: "txt" });
});
