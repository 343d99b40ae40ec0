import { renderDiagnosisMarkdown } from "@/domain/diagnosis-service";
import { exportResponse } from "../export-response";

export const dynamic = "force-dynamic";

/** The diagnosis as Markdown to paste into a ticket (viewer and up). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return exportResponse(request, (await params).id, renderDiagnosisMarkdown, { contentType: "text/markdown", extension: "md" });
}
