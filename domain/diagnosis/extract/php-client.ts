import { normalizeRequestId } from "../fields";
import { addRaw, type ScanContext } from "../raw";
import { isCodeLike } from "../text";
import { segmentAt, tokenAfter, skip } from "./lines";
import { urlFields } from "./pop-core";

/** PHP alibabacloud/client (docs/formats.md, "PHP client"): `<Code>: <Msg> RequestId: <id> <METHOD> "<uri>" <status>`. */

// ---------------------------------------------------------------------------------------------------------------
// PHP alibabacloud/client: `<Code>: <Msg> RequestId: <id> <METHOD> "<uri>" <status>`
// ---------------------------------------------------------------------------------------------------------------

const PHP_LABELS = new Set(["ErrorCode", "Code", "Message", "Recommend", "RequestId", "Error", "error", "Exception", "HostId"]);

export function phpClient(ctx: ScanContext): void {
  const { text, index } = ctx;
  for (const at of index.occurrences(" RequestId: ")) {
    if (skip(ctx, at)) continue;
    const [lineStart, lineEnd] = segmentAt(ctx, at);
    const idStart = at + " RequestId: ".length;
    const idEnd = tokenAfter(text, idStart, lineEnd);
    const tail = /^ (GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS) "([^"]{0,2048})"(?: (\d{3}))?/.exec(
      text.slice(idEnd, Math.min(lineEnd, idEnd + 2100)),
    );
    const floor = Math.max(lineStart, at - 600);
    const pre = text.slice(floor, at);
    const namespaced = /AlibabaCloud\\Client\\Exception\\\w{1,40}: /.exec(pre);
    if (!tail && !namespaced) continue;
    const search = namespaced ? namespaced.index + namespaced[0].length : 0;
    const re = /([A-Za-z][\w.-]{0,127}): /g;
    re.lastIndex = search;
    let found: RegExpExecArray | null = null;
    for (let c = re.exec(pre); c; c = re.exec(pre)) {
      if (!PHP_LABELS.has(c[1]!) && !c[1]!.endsWith("Exception") && isCodeLike(c[1]!)) {
        found = c;
        break;
      }
    }
    if (!found) continue;
    const requestId = normalizeRequestId(text.slice(idStart, idEnd));
    const end = tail ? idEnd + tail[0].length : idEnd;
    addRaw(ctx, {
      ...(tail ? urlFields(tail[2]!) : {}),
      start: namespaced ? floor + namespaced.index : floor + found.index,
      end,
      format: "php",
      role: "producer",
      code: found[1]!,
      message: pre.slice(found.index + found[0].length),
      ...(requestId ? { requestId } : {}),
      ...(tail?.[3] ? { httpStatus: Number(tail[3]) } : {}),
    });
  }
}
