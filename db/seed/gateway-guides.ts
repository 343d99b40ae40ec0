/**
 * The support team's text for API Gateway's data-plane codes (the `X-Ca-Error-Code` a caller of a published API
 * receives; facts in db/seed/gateway-facts.json). Written by the team: the vendor's table gives only the code, the
 * status and the message. Codes that share a cause share a checklist, so a fix to one step reaches all of them.
 */
import type { ChecklistStep, Guide, LocalizedText } from "../../domain/catalog/types";

const step = (zh: string, en: string, detailZh: string, detailEn: string): ChecklistStep => ({
  title: { "zh-CN": zh, en },
  detail: { "zh-CN": detailZh, en: detailEn },
});
const text = (zh: string, en: string): LocalizedText => ({ "zh-CN": zh, en });

const READ_HEADERS = step(
  "记下应答头",
  "Note the response headers",
  "记录 `X-Ca-Error-Code`、`X-Ca-Error-Message` 和 `X-Ca-Request-Id`：网关的错误信息只在应答头里，应答体可能为空。",
  "Record `X-Ca-Error-Code`, `X-Ca-Error-Message` and `X-Ca-Request-Id`: the gateway's error is in the response headers only, the body may be empty.",
);

const REQUEST_SHAPE: ChecklistStep[] = [
  READ_HEADERS,
  step(
    "对照 API 定义检查请求",
    "Compare the request with the API definition",
    "在控制台打开该 API 的定义，逐项比对请求方法、路径、协议（HTTP/HTTPS）、`Content-Type` 和必填请求头。",
    "Open the API's definition in the console and compare method, path, protocol (HTTP/HTTPS), `Content-Type` and required headers one by one.",
  ),
  step(
    "用 curl 复现",
    "Reproduce with curl",
    "用 `curl -v` 发送同样的请求，看网关实际收到的请求行和请求头；代理或 SDK 可能改写了它们。",
    "Send the same request with `curl -v` to see the request line and headers the gateway really receives; a proxy or SDK may have rewritten them.",
  ),
];

const ROUTING: ChecklistStep[] = [
  READ_HEADERS,
  step(
    "确认调用的域名",
    "Check the domain called",
    "自定义域名需要绑定到 API 分组并解析到分组的二级域名；直接调用二级域名有每日次数限制。",
    "A custom domain must be bound to the API group and resolve (CNAME) to the group's subdomain; calling the subdomain directly is limited per day.",
  ),
  step(
    "确认环境（Stage）",
    "Check the stage",
    "API 必须已发布到要调用的环境；测试和预发环境需要请求头 `X-Ca-Stage: TEST` 或 `PRE`，不带时默认线上环境 `RELEASE`。",
    "The API must be published to the stage being called; TEST and PRE need the header `X-Ca-Stage: TEST` or `PRE`, without it the gateway uses `RELEASE`.",
  ),
  step(
    "确认方法和路径",
    "Check method and path",
    "请求方法和路径（包括大小写、末尾斜杠和路径参数）要与该环境中发布的 API 定义一致。",
    "The request's method and path (case, trailing slash and path parameters included) must match the API definition published in that stage.",
  ),
];

const SIGNATURE: ChecklistStep[] = [
  step(
    "比对 StringToSign",
    "Compare the StringToSign",
    "把 `X-Ca-Error-Message` 中服务端的 `StringToSign` 与客户端签名前拼出的字符串逐字比对（换行符是 `\\n`）；第一处不同就是原因。",
    "Compare the server's `StringToSign` from `X-Ca-Error-Message` with the string the client built before signing, character by character (line breaks are `\\n`); the first difference is the cause.",
  ),
  step(
    "两者相同则是 AppSecret 不对",
    "Identical strings mean a wrong AppSecret",
    "字符串一致仍不匹配时，检查 AppKey 对应的 AppSecret，注意首尾空格和是否换过密钥。",
    "If the strings are the same, the AppSecret paired with the AppKey is wrong: check for leading or trailing spaces and a rotated secret.",
  ),
  step(
    "检查参与签名的头和参数",
    "Check the signed headers and parameters",
    "`X-Ca-Signature-Headers` 中列出的头都要原样发送；Query 和表单参数按字典序排列；`Content-MD5` 要按实际发送的 Body 计算。",
    "Every header listed in `X-Ca-Signature-Headers` must be sent as signed; query and form parameters are sorted by name; `Content-MD5` must be computed over the body actually sent.",
  ),
  step(
    "检查代理是否改写请求",
    "Check for proxies rewriting the request",
    "负载均衡、网关前置代理或 HTTP 客户端可能改写路径编码、`Content-Type` 或 `Accept`，导致服务端拼出的字符串不同。",
    "A load balancer, front proxy or HTTP client may rewrite path encoding, `Content-Type` or `Accept`, so the server builds a different string.",
  ),
];

const APP_CREDENTIALS: ChecklistStep[] = [
  READ_HEADERS,
  step(
    "确认 APP 存在且属于调用方",
    "Check the app exists and belongs to the caller",
    "在控制台“应用管理”中找到该 APP，核对 AppKey / AppCode 与请求中的一致（注意首尾空格）。",
    "Find the app under Apps in the console and compare its AppKey / AppCode with the request's (watch for leading or trailing spaces).",
  ),
  step(
    "确认 APP 已授权",
    "Check the app is authorized",
    "该 APP 需要被授权调用此 API，且授权覆盖所调用的环境。",
    "The app must be authorized for this API, in the stage being called.",
  ),
  step(
    "确认请求头写法",
    "Check how the credential is sent",
    "AppCode 方式使用 `Authorization: APPCODE <AppCode>`（APPCODE 后有一个空格）；签名方式使用 `X-Ca-Key: <AppKey>`。",
    "AppCode authentication sends `Authorization: APPCODE <AppCode>` (one space after APPCODE); signature authentication sends `X-Ca-Key: <AppKey>`.",
  ),
];

const GATEWAY_META: ChecklistStep[] = [
  READ_HEADERS,
  step(
    "重新发布 API",
    "Publish the API again",
    "在控制台把该 API 重新发布到出错的环境，多数元数据问题随之消失。",
    "Publish the API to the failing stage again from the console; most metadata problems go away with it.",
  ),
  step(
    "仍失败则提交工单",
    "Open a ticket if it persists",
    "附上 `X-Ca-Request-Id`、分组和 API 名称、环境和出错时间；这类问题需要阿里云修复网关侧数据。",
    "Attach `X-Ca-Request-Id`, the group and API names, the stage and the time; Alibaba Cloud has to repair the gateway's data.",
  ),
];

const PROVIDER: ChecklistStep[] = [
  READ_HEADERS,
  step(
    "联系 API 提供方",
    "Contact the API provider",
    "这是提供方账号或域名层面的状态，调用方改请求无法解决；把应答头转给 API 提供方。",
    "This is the provider's account or domain status; nothing in the caller's request can fix it. Forward the response headers to the API provider.",
  ),
  step(
    "提供方检查账号和域名状态",
    "Provider: check account and domain status",
    "提供方在控制台检查账号是否欠费、分组或域名是否因合规原因被停用，处理后调用自动恢复。",
    "The provider checks in the console whether the account is overdue or the group or domain was suspended for compliance; calls work again once that is resolved.",
  ),
];

type Entry = [title: LocalizedText, explanation: LocalizedText, remediation: LocalizedText, checklist: ChecklistStep[]];

const entries: Record<string, Entry> = {
  I400HD: [
    text("请求头非法", "Invalid request header"),
    text(
      "网关认为某个请求头的值不合法，`X-Ca-Error-Message` 给出头名和原因（`HeaderName`、`Reason`）。常见于 `X-Ca-Timestamp` 不是毫秒时间戳、`X-Ca-Nonce` 格式不对或重复。",
      "The gateway rejected the value of a request header; `X-Ca-Error-Message` names the header and the reason (`HeaderName`, `Reason`). Typical cases: `X-Ca-Timestamp` not a millisecond timestamp, a malformed or reused `X-Ca-Nonce`.",
    ),
    text(
      "按消息中的头名修正取值后重试；时间戳类问题先校准客户端时钟（误差需在 15 分钟内）。",
      "Fix the value of the header the message names and retry; for timestamp problems synchronise the client clock first (within 15 minutes).",
    ),
    REQUEST_SHAPE,
  ],
  I400MH: [
    text("缺少请求头", "Required request header missing"),
    text(
      "请求缺少网关要求的请求头，消息中的 `HeaderName` 就是缺少的头，例如签名方式下的 `X-Ca-Key`、`X-Ca-Signature`。",
      "The request lacks a header the gateway requires; `HeaderName` in the message is the missing one, for example `X-Ca-Key` or `X-Ca-Signature` with signature authentication.",
    ),
    text(
      "补上该请求头。若客户端明明设置了，检查代理是否丢弃了它（部分代理会丢弃带下划线或自定义前缀的头）。",
      "Add the header. If the client does set it, check whether a proxy drops it (some drop headers with underscores or custom prefixes).",
    ),
    REQUEST_SHAPE,
  ],
  I400BD: [
    text("请求体非法", "Invalid request body"),
    text(
      "网关无法按 API 定义解析请求体，`Reason` 说明原因，例如表单参数格式错误或 Body 与 `Content-Type` 不符。",
      "The gateway could not read the body as the API defines it; `Reason` says why, for example malformed form parameters or a body that does not match `Content-Type`.",
    ),
    text(
      "按 API 定义的参数位置和格式发送 Body，并让 `Content-Type` 与实际内容一致。",
      "Send the body in the format and parameter locations the API defines, with a `Content-Type` that matches its content.",
    ),
    REQUEST_SHAPE,
  ],
  I400PA: [
    text("请求路径非法", "Invalid request path"),
    text(
      "请求路径不合法，`Reason` 给出具体原因，常见于未编码的特殊字符或路径参数缺失。",
      "The request path is not valid; `Reason` gives the detail, typically unencoded special characters or a missing path parameter.",
    ),
    text("对路径参数做 URL 编码，并按 API 定义填写完整路径。", "URL-encode path parameters and send the full path as the API defines it."),
    REQUEST_SHAPE,
  ],
  I405UM: [
    text("不支持的请求方法", "Unsupported HTTP method"),
    text("网关不支持请求所用的 HTTP 方法，`Reason` 给出该方法。", "The gateway does not support the HTTP method used; `Reason` names it."),
    text("改用 API 定义中的请求方法。", "Use the method the API definition specifies."),
    REQUEST_SHAPE,
  ],
  I400RU: [
    text("请求 URL 非法", "Invalid request URL"),
    text(
      "请求 URL 无法解析，`Reason` 说明原因，多见于 Query 中未编码的字符或重复的 `?`。",
      "The request URL could not be parsed; `Reason` says why, often unencoded characters in the query or a repeated `?`.",
    ),
    text("对 Query 参数逐个做 URL 编码后重新拼接 URL。", "URL-encode each query parameter and build the URL again."),
    REQUEST_SHAPE,
  ],
  I403PT: [
    text("API 不支持该协议", "Protocol not allowed for this API"),
    text(
      "API 配置只允许某些协议（HTTP、HTTPS 或 WebSocket），请求使用了未允许的协议 `Protocol`。",
      "The API's configuration allows only some protocols (HTTP, HTTPS or WebSocket) and the request used another, `Protocol`.",
    ),
    text(
      "改用 API 允许的协议；提供方可在 API 定义中调整允许的协议。",
      "Call with a protocol the API allows; the provider can change the allowed protocols in the API definition.",
    ),
    REQUEST_SHAPE,
  ],
  I413RL: [
    text("请求体过大", "Request body too large"),
    text(
      "请求体超过网关的大小限制（见 API 网关的使用限制）。",
      "The request body is larger than the gateway allows (see API Gateway's limits).",
    ),
    text("减小 Body，大文件改为先上传到 OSS 再传地址。", "Send a smaller body; upload large files to OSS and pass their address instead."),
    REQUEST_SHAPE,
  ],
  I413UL: [
    text("请求 URL 过长", "Request URL too long"),
    text("请求 URL 超过网关的长度限制。", "The request URL is longer than the gateway allows."),
    text(
      "把大量参数从 Query 移到 Body 中（需要 API 定义支持）。",
      "Move large parameters from the query into the body (if the API definition allows it).",
    ),
    REQUEST_SHAPE,
  ],
  I400CT: [
    text("Content-Type 非法", "Invalid Content-Type"),
    text(
      "请求的 `Content-Type` 不合法或与 API 定义不符，`Reason` 给出收到的值。",
      "The request's `Content-Type` is invalid or does not match the API definition; `Reason` shows the value received.",
    ),
    text(
      "按 API 定义设置 `Content-Type`（例如表单 `application/x-www-form-urlencoded; charset=UTF-8`）；签名方式下签名时用的值也要一致。",
      "Set `Content-Type` as the API defines (for example `application/x-www-form-urlencoded; charset=UTF-8` for forms); with signatures, sign the same value.",
    ),
    REQUEST_SHAPE,
  ],
  I404DO: [
    text("未知的请求域名", "Unknown domain"),
    text(
      "网关找不到请求所用的域名 `DomainName`：域名没有绑定到任何 API 分组，或解析指向了别的实例。",
      "The gateway does not know the domain `DomainName`: it is not bound to any API group, or it resolves to another instance.",
    ),
    text(
      "使用已绑定到分组的域名调用；自定义域名需先在分组中绑定并 CNAME 到分组的二级域名。",
      "Call a domain bound to the group; a custom domain must first be bound in the group and CNAMEd to the group's subdomain.",
    ),
    ROUTING,
  ],
  I410GG: [
    text("分组所在实例无效", "Group's instance invalid"),
    text(
      "请求到达的实例不是分组当前所在的实例，常见于分组刚迁移到其他实例而 DNS 仍指向旧实例。",
      "The request reached an instance the group no longer belongs to, typically after the group moved to another instance while DNS still points to the old one.",
    ),
    text(
      "确认分组当前所在实例，等待或刷新 DNS 解析后重试。",
      "Check which instance the group is on now, then wait for or refresh DNS and retry.",
    ),
    ROUTING,
  ],
  I400SG: [
    text("未知的环境", "Unknown stage"),
    text(
      "请求指定的环境不存在，通常是 `X-Ca-Stage` 的值不是 `RELEASE`、`PRE` 或 `TEST`。",
      "The stage requested does not exist, usually an `X-Ca-Stage` value other than `RELEASE`, `PRE` or `TEST`.",
    ),
    text("改正 `X-Ca-Stage`，或去掉它以调用线上环境。", "Correct `X-Ca-Stage`, or leave it out to call the RELEASE stage."),
    ROUTING,
  ],
  I404NF: [
    text("找不到 API", "API not found"),
    text(
      "在所调用的环境中，按请求的方法和路径找不到已发布的 API，`Reason` 给出细节。最常见的原因是 API 没有发布到该环境、`X-Ca-Stage` 不对，或方法、路径与定义不一致。",
      "No API published in the stage called matches the request's method and path; `Reason` gives the detail. Most often the API is not published to that stage, `X-Ca-Stage` is wrong, or method or path differ from the definition.",
    ),
    text(
      "确认 API 已发布到目标环境，并使请求的方法、路径、域名和 `X-Ca-Stage` 与之一致。",
      "Make sure the API is published to the target stage and that the request's method, path, domain and `X-Ca-Stage` match it.",
    ),
    ROUTING,
  ],
  X400PM: [
    text("插件元数据非法", "Invalid plugin metadata"),
    text(
      "绑定到 API 的插件 `PluginName` 的配置无法使用，`Reason` 给出原因。",
      "The configuration of the plugin `PluginName` bound to the API cannot be used; `Reason` says why.",
    ),
    text(
      "提供方检查并修正插件配置后重新绑定；仍失败请提交工单。",
      "The provider checks and fixes the plugin configuration and binds it again; open a ticket if it still fails.",
    ),
    GATEWAY_META,
  ],
  X500ED: [
    text("API 定义已过期", "Expired API definition"),
    text("API 的元数据是新版网关不再支持的老版本格式。", "The API's metadata is in an old format the current gateway no longer supports."),
    text(
      "重新发布 API；无效时提交工单请阿里云修正元数据。",
      "Publish the API again; if that does not help, open a ticket so Alibaba Cloud fixes the metadata.",
    ),
    GATEWAY_META,
  ],
  X500AM: [
    text("API 元数据格式错误", "Invalid API metadata"),
    text(
      "网关保存的 API 元数据格式错误，无法处理请求。",
      "The API metadata the gateway stored is malformed, so it cannot serve the request.",
    ),
    text("按消息提示重新发布 API，仍失败则提交工单。", "As the message says, publish the API again, and open a ticket if it still fails."),
    GATEWAY_META,
  ],
  X403DG: [
    text("域名或分组数据非法", "Bad domain or group data"),
    text("网关中域名或分组的数据有问题，`Reason` 给出原因。", "The gateway's data for the domain or group is wrong; `Reason` says why."),
    text("提交工单，附上 `X-Ca-Request-Id`、域名和分组。", "Open a ticket with `X-Ca-Request-Id`, the domain and the group."),
    GATEWAY_META,
  ],
  B451DO: [
    text("域名因合规原因被停用", "Domain unavailable for legal reasons"),
    text("所调用的域名因法律法规原因被禁止访问。", "The domain called has been blocked for legal or compliance reasons."),
    text(
      "由 API 提供方处理域名的合规问题，调用方无法自行解决。",
      "The API provider has to resolve the domain's compliance issue; the caller cannot.",
    ),
    PROVIDER,
  ],
  B451GO: [
    text("分组因合规原因被停用", "Group unavailable for legal reasons"),
    text("API 所在分组因法律法规原因被禁止访问。", "The API's group has been blocked for legal or compliance reasons."),
    text("由 API 提供方处理分组的合规问题。", "The API provider has to resolve the group's compliance issue."),
    PROVIDER,
  ],
  B403OD: [
    text("API 提供方欠费", "API provider account overdue"),
    text(
      "API 提供方的阿里云账号欠费，网关停止为其 API 服务。",
      "The API provider's Alibaba Cloud account is overdue, so the gateway stopped serving its APIs.",
    ),
    text("请 API 提供方充值续费，之后调用自动恢复。", "The API provider must top up the account; calls work again afterwards."),
    PROVIDER,
  ],
  A400AC: [
    text("AppCode 无效", "Invalid AppCode"),
    text(
      "使用 AppCode 方式认证时，网关找不到请求中的 AppCode，`Reason` 给出细节。常见于 `Authorization` 头格式不对或 AppCode 复制时带了空格。",
      "With AppCode authentication the gateway could not find the request's AppCode; `Reason` gives the detail. Typically the `Authorization` header is malformed or the AppCode was copied with spaces.",
    ),
    text(
      "按 `Authorization: APPCODE <AppCode>` 发送正确的 AppCode，并确认该 APP 已授权调用此 API。",
      "Send the right AppCode as `Authorization: APPCODE <AppCode>` and check the app is authorized for this API.",
    ),
    APP_CREDENTIALS,
  ],
  A400IK: [
    text("AppKey 无效", "Invalid AppKey"),
    text(
      "使用签名方式认证时，网关找不到 `X-Ca-Key` 中的 AppKey：APP 不存在、已删除，或属于其他账号或地域。",
      "With signature authentication the gateway could not find the AppKey in `X-Ca-Key`: the app does not exist, was deleted, or belongs to another account or region.",
    ),
    text(
      "在控制台核对 AppKey，去掉首尾空格后重试，并确认 APP 已授权调用此 API。",
      "Check the AppKey in the console, strip surrounding spaces, retry, and make sure the app is authorized for this API.",
    ),
    APP_CREDENTIALS,
  ],
  A403IS: [
    text("签名不匹配", "Signature mismatch"),
    text(
      "网关按请求算出的签名与 `X-Ca-Signature` 不一致。消息附带服务端的 `StringToSign`（`StringToSign`）：拿它与客户端签名前拼出的字符串比对，就能知道是请求内容不同还是 AppSecret 不对。",
      "The signature the gateway computed from the request differs from `X-Ca-Signature`. The message carries the server's `StringToSign` (`StringToSign`): compared with the string the client signed, it tells whether the request differs or the AppSecret is wrong.",
    ),
    text(
      "比对两边的 StringToSign 并修正第一处差异；两者一致时更换为正确的 AppSecret。优先使用官方 SDK 签名，避免手写拼接。",
      "Compare both StringToSign values and fix the first difference; if they match, use the right AppSecret. Prefer the official SDK's signing over hand-built strings.",
    ),
    SIGNATURE,
  ],
};

export const gatewayGuides: Record<string, Guide> = Object.fromEntries(
  Object.entries(entries).map(([code, [title, explanation, remediation, checklist]]) => [
    code,
    { title, explanation, remediation, checklist },
  ]),
);
