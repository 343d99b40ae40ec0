import { renderDiagnosisMarkdown } from "@/domain/diagnosis-service";
import { withJsonErrors } from "@/app/_lib/route-handler";
import { exportResponse } from "../export-response";

export const dynamic = "force-dynamic";

/** The diagnosis as Markdown to paste into a ticket (viewer and up). */
export const GET = withJsonErrors(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  return exportResponse(request, (await params).id, renderDiagnosisMarkdown, { contentType: "text/markdown", extension: "md" });
});
