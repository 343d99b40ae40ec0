/**
 * The support team's text for API Gateway's data-plane codes (the `X-Ca-Error-Code` a caller of a published API
 * receives on a VPC instance, and the `Classic.…` entries for classic instances, which name the error by its
 * `X-Ca-Error-Message` alone; facts in db/seed/gateway-facts.json). Written by the team: the vendor's table gives only the code, the
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

// Classic (shared) instances: no X-Ca-Error-Code, the X-Ca-Error-Message value is the error's name.

const CLASSIC_HEADERS = step(
  "记下应答头（经典网络实例）",
  "Note the response headers (classic instance)",
  "经典网络实例不返回 `X-Ca-Error-Code`：记录 `X-Ca-Error-Message` 的完整值、`X-Ca-Request-Id` 和 HTTP 状态码；应答体通常为空。",
  "Classic instances send no `X-Ca-Error-Code`: record the full `X-Ca-Error-Message` value, `X-Ca-Request-Id` and the HTTP status; the body is usually empty.",
);

/** A VPC checklist read on a classic instance: its first step (READ_HEADERS) is the classic one. */
const onClassic = (steps: ChecklistStep[]): ChecklistStep[] => [CLASSIC_HEADERS, ...steps.filter((s) => s !== READ_HEADERS)];

const THROTTLING: ChecklistStep[] = [
  CLASSIC_HEADERS,
  step(
    "确定是哪一级流控",
    "Find which flow-control limit fired",
    "消息中的词就是被触发的维度：API（该 API 的总次数）、APP（单个 APP）、USER（单个阿里云账号）、GROUP（整个分组）。API 提供方在控制台“流量控制”中找到绑定到该 API 和该环境的策略，查看对应的限制值和单位时间（秒、分钟、小时、天）。",
    "The word in the message is the limit that fired: API (all calls to the API), APP (one app), USER (one Alibaba Cloud account), GROUP (the whole group). The API provider opens Throttling in the console, finds the policy bound to this API in this stage and reads that limit and its period (second, minute, hour, day).",
  ),
  step(
    "平滑调用",
    "Smooth the calls",
    "客户端按指数退避加随机抖动重试，并在本地限速到策略值以下；批量任务错开并发，避免整点或启动时的突发。",
    "Retry with exponential backoff and jitter and rate-limit the client below the policy; stagger batch jobs so they do not burst at the top of the hour or at start-up.",
  ),
  step(
    "需要更高额度时找 API 提供方",
    "Ask the API provider for a higher limit",
    "调用方无法自行放宽：提供方可以提高策略的限制值，或把该 APP / 账号加为策略的特殊对象单独放宽。附上 `X-Ca-Request-Id` 和出错时间。",
    "The caller cannot lift it: the provider raises the policy's limit or adds the app or account as a special case with its own limit. Send them `X-Ca-Request-Id` and the time.",
  ),
];

const PURCHASE: ChecklistStep[] = [
  CLASSIC_HEADERS,
  step(
    "查看购买记录",
    "Check the purchase",
    "在云市场“已购买的服务”中找到该 API，查看剩余次数和有效期；确认请求使用的 AppKey / AppCode 属于购买它的账号。",
    "Find the API under purchased services in Alibaba Cloud Marketplace and check the calls left and the expiry date; make sure the request's AppKey / AppCode belongs to the account that bought it.",
  ),
  step(
    "续费或加购后重试",
    "Renew or top up, then retry",
    "次数用完或过期要续购套餐，账号欠费要先充值；处理后无需改请求，直接重试即可。",
    "Buy more calls or renew an expired package, or top up an account in arrears; the request itself needs no change, retry afterwards.",
  ),
];

const TIMESTAMP_NONCE: ChecklistStep[] = [
  CLASSIC_HEADERS,
  step(
    "检查 X-Ca-Timestamp",
    "Check X-Ca-Timestamp",
    "值必须是毫秒级 Unix 时间戳（13 位数字），与网关时间相差不超过 15 分钟；用 NTP 校准客户端时钟，并确认没有误用秒或本地时区。",
    "The value must be a Unix timestamp in milliseconds (13 digits), within 15 minutes of the gateway's clock; sync the client with NTP and check it is not in seconds or shifted by a time zone.",
  ),
  step(
    "检查 X-Ca-Nonce",
    "Check X-Ca-Nonce",
    "每个请求生成新的随机值（推荐 UUID），15 分钟内不得重复；重试时也要换新值并重新签名。",
    "Generate a fresh random value per request (a UUID is recommended); it must not repeat within 15 minutes, retries included, and each retry is signed again.",
  ),
  step(
    "确认两者参与签名",
    "Check both are signed",
    "两个头都要原样发送，并列在 `X-Ca-Signature-Headers` 中参与签名；代理不得改写它们。",
    "Send both headers as they are and list them in `X-Ca-Signature-Headers` so they are signed; no proxy may rewrite them.",
  ),
];

const BACKEND: ChecklistStep[] = [
  CLASSIC_HEADERS,
  step(
    "按退避策略重试",
    "Retry with backoff",
    "这类错误多为暂时性：按指数退避重试几次；非幂等请求（如下单）重试前先确认上一次是否已在后端生效。",
    "These are usually transient: retry a few times with exponential backoff; for non-idempotent calls (an order, a payment) first check whether the earlier attempt already took effect.",
  ),
  step(
    "把 RequestId 交给 API 提供方",
    "Give the RequestId to the API provider",
    "持续出现时把 `X-Ca-Request-Id`、出错时间、API 和环境发给 API 提供方；提供方据此在网关日志中查到请求和后端的应答。",
    "If it persists, send `X-Ca-Request-Id`, the time, the API and the stage to the API provider; with it they find the request and the backend's answer in the gateway's logs.",
  ),
  step(
    "提供方检查后端",
    "Provider: check the backend",
    "提供方检查后端服务的健康状态、错误日志和负载，以及 API 定义中的后端地址和后端超时时间（毫秒）是否与后端实际处理时间相符。",
    "The provider checks the backend's health, error logs and load, and whether the API definition's backend address and backend timeout (milliseconds) fit how long the backend really takes.",
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
  "Classic.ThrottledByUSERFlowControl": [
    text("触发用户级流控", "Throttled by the per-user limit"),
    text(
      "经典网络实例上，调用方的阿里云账号在单位时间内对该 API 的调用次数超过了流控策略的用户级限制。",
      "On a classic instance, the caller's Alibaba Cloud account called the API more often in the period than the throttling policy allows one user.",
    ),
    text(
      "降低调用频率并按退避重试；长期不够用时请 API 提供方提高用户级限制，或把该账号设为特殊对象。",
      "Call less often and retry with backoff; if the limit is too low for normal use, ask the API provider to raise the per-user limit or add the account as a special case.",
    ),
    THROTTLING,
  ],
  "Classic.ThrottledByAPPFlowControl": [
    text("触发 APP 级流控", "Throttled by the per-app limit"),
    text(
      "经典网络实例上，请求所用的 APP 在单位时间内对该 API 的调用次数超过了流控策略的 APP 级限制。多个服务共用一个 AppKey 时最常见。",
      "On a classic instance, the app used by the request called the API more often in the period than the throttling policy allows one app. Most common when several services share one AppKey.",
    ),
    text(
      "降低该 APP 的调用频率并按退避重试，或把不同服务拆到各自的 APP；仍不够时请 API 提供方提高 APP 级限制或把该 APP 设为特殊对象。",
      "Lower the app's call rate and retry with backoff, or give each service its own app; if that is not enough, ask the API provider to raise the per-app limit or add the app as a special case.",
    ),
    THROTTLING,
  ],
  "Classic.ThrottledByAPIFlowControl": [
    text("触发 API 级流控", "Throttled by the per-API limit"),
    text(
      "经典网络实例上，所有调用方对该 API 的调用总次数在单位时间内超过了流控策略的 API 级限制，所以与是哪个 APP 或账号无关。",
      "On a classic instance, all callers together called the API more often in the period than the throttling policy's per-API limit, whichever app or account sent this request.",
    ),
    text(
      "按退避重试并错开高峰；API 提供方评估后端容量后提高 API 级限制。",
      "Retry with backoff and avoid peaks; the API provider raises the per-API limit once the backend's capacity allows it.",
    ),
    THROTTLING,
  ],
  "Classic.ThrottledByDOMAINFlowControl": [
    text("二级域名调用次数超限", "Shared subdomain's daily limit reached"),
    text(
      "请求直接调用了 API 分组的二级域名（系统分配的公网域名）。该域名仅供测试，每天最多 1000 次调用，用完后当天的请求都会被拒绝。",
      "The request called the API group's second-level domain (the public domain the system assigns) directly. That domain is for testing only and takes at most 1,000 calls a day; once used up, the day's further calls are refused.",
    ),
    text(
      "为分组绑定独立域名（需 CNAME 到二级域名，中国内地地域需已备案），并改用独立域名调用；重试在当天不会成功。",
      "Bind an independent domain to the group (CNAMEd to the second-level domain; in the Chinese mainland it needs an ICP filing) and call that domain instead; retrying will not succeed the same day.",
    ),
    [
      CLASSIC_HEADERS,
      step(
        "确认调用的是二级域名",
        "Check the domain called",
        "看请求的 Host：形如分组 ID 加 `alicloudapi.com` 的就是二级域名；独立域名不受这个每日限制。",
        "Look at the request's Host: a group-ID name under `alicloudapi.com` is the second-level domain; an independent domain is not under this daily limit.",
      ),
      step(
        "绑定独立域名",
        "Bind an independent domain",
        "API 提供方在分组详情中绑定独立域名，DNS 中 CNAME 到分组的二级域名，需要 HTTPS 时同时上传证书。",
        "The API provider binds an independent domain in the group's details, points it by CNAME to the group's second-level domain, and uploads a certificate if HTTPS is needed.",
      ),
      step(
        "切换客户端域名",
        "Switch the client to it",
        "客户端改用独立域名调用；签名时使用的 Host 也要随之改变。",
        "Change the client to call the independent domain; the Host used when signing changes with it.",
      ),
    ],
  ],
  "Classic.ThrottledByGROUPFlowControl": [
    text("触发分组级流控", "Throttled by the group limit"),
    text(
      "经典网络实例上，整个 API 分组的调用总量超过了分组级限制，分组内所有 API 的调用都可能受影响。",
      "On a classic instance, calls to the whole API group exceeded the group's limit, so any API in the group may be refused.",
    ),
    text(
      "按退避重试；API 提供方需要为分组申请更高的限制（提交工单），或把分组迁到专享实例。",
      "Retry with backoff; the API provider has to get a higher group limit (by ticket) or move the group to a dedicated instance.",
    ),
    THROTTLING,
  ],
  "Classic.QuotaExhausted": [
    text("购买的调用次数已用完", "Purchased calls used up"),
    text(
      "该 API 按次数售卖（例如云市场 API），调用方购买的次数已经全部用完。",
      "The API is sold by number of calls (for example on Alibaba Cloud Marketplace) and the calls the caller bought are all used.",
    ),
    text("续购次数后重试；请求本身不需要修改。", "Buy more calls and retry; the request itself needs no change."),
    PURCHASE,
  ],
  "Classic.QuotaExpired": [
    text("购买的次数已过期", "Purchased calls expired"),
    text(
      "调用方购买的次数套餐已过有效期，即使还有剩余次数也不能再用。",
      "The package of calls the caller bought has passed its expiry date; calls left in it can no longer be used.",
    ),
    text("续费或重新购买套餐后重试。", "Renew or buy a new package, then retry."),
    PURCHASE,
  ],
  "Classic.UserArrears": [
    text("账号欠费", "Account in arrears"),
    text(
      "调用所用的阿里云账号已欠费，网关拒绝其调用。与 VPC 实例上的 B403OD（API 提供方欠费）不同，这里欠费的是调用方账号。",
      "The Alibaba Cloud account making the call is in arrears, so the gateway refuses its calls. Unlike B403OD on VPC instances (the API provider overdue), here it is the caller's account.",
    ),
    text("为该账号充值，结清欠费后调用恢复。", "Top up the account; calls work again once the arrears are paid."),
    PURCHASE,
  ],
  "Classic.EmptyRequestBody": [
    text("请求体为空", "Empty request body"),
    text(
      "API 定义要求请求体（Body）有内容，请求却没有发送 Body。常见于 POST 时忘记写入 Body，或客户端在重定向后丢失了 Body。",
      "The API definition expects a body and the request sent none. Typically the body was never written on a POST, or the client dropped it after a redirect.",
    ),
    text(
      "按 API 定义发送 Body，并确认 `Content-Length` 与实际内容一致。",
      "Send the body the API defines and check `Content-Length` matches what is sent.",
    ),
    onClassic(REQUEST_SHAPE),
  ],
  "Classic.InvalidRequestBody": [
    text("请求体无效", "Invalid request body"),
    text(
      "网关无法按 API 定义读取请求体，例如声明为 JSON 却不是合法 JSON，或表单参数格式错误。",
      "The gateway could not read the body the way the API defines it, for example declared JSON that does not parse, or malformed form parameters.",
    ),
    text(
      "按 API 定义的格式发送 Body，并让 `Content-Type` 与实际内容一致。",
      "Send the body in the format the API defines, with a `Content-Type` that matches its content.",
    ),
    onClassic(REQUEST_SHAPE),
  ],
  "Classic.InvalidParamLocation": [
    text("参数位置错误", "Parameter in the wrong place"),
    text(
      "某个参数放在了 API 定义之外的位置（Path、Query、Header、表单 Body 之一），例如定义为 Query 的参数放进了 Body。",
      "A parameter was sent somewhere other than where the API defines it (path, query, header or form body), for example a query parameter sent in the body.",
    ),
    text(
      "对照 API 定义中每个参数的位置重新组装请求；使用 API 网关生成的 SDK 可以避免这类问题。",
      "Rebuild the request with each parameter where the API definition puts it; the SDK API Gateway generates for the API avoids this.",
    ),
    onClassic(REQUEST_SHAPE),
  ],
  "Classic.UnsupportedMultipart": [
    text("不支持文件上传", "File upload not supported"),
    text(
      "请求以 `multipart/form-data` 上传文件，而该 API 不支持这种方式。",
      "The request uploads a file as `multipart/form-data`, which this API does not accept.",
    ),
    text(
      "按 API 定义传递文件内容（例如 Base64 放进 Body），或先把文件上传到 OSS 再传地址。",
      "Send the file the way the API defines (for example Base64 in the body), or upload it to OSS first and pass its address.",
    ),
    onClassic(REQUEST_SHAPE),
  ],
  "Classic.InvalidUrl": [
    text("URL 无效", "Invalid URL"),
    text(
      "网关按请求的方法、路径和环境找不到对应的 API：方法或路径与定义不一致，或 API 没有发布到所调用的环境。",
      "The gateway finds no API for the request's method, path and stage: method or path differ from the definition, or the API is not published to the stage called.",
    ),
    text(
      "核对请求方法、路径和 `X-Ca-Stage`，确认 API 已发布到该环境。",
      "Check the method, the path and `X-Ca-Stage`, and make sure the API is published to that stage.",
    ),
    onClassic(ROUTING),
  ],
  "Classic.InvalidDomain": [
    text("域名无效", "Invalid domain"),
    text(
      "网关根据请求的域名找不到 API 分组：域名没有绑定到分组，或解析到了别的地域或实例。VPC 实例上对应的是 I404DO。",
      "The gateway finds no API group for the request's domain: it is not bound to a group, or it resolves to another region or instance. On VPC instances the same case is I404DO.",
    ),
    text(
      "使用已绑定到分组的域名调用；自定义域名需在分组中绑定并 CNAME 到分组的二级域名。仍不清楚时联系 API 提供方。",
      "Call a domain bound to the group; a custom domain must be bound in the group and CNAMEd to its second-level domain. Ask the API provider if in doubt.",
    ),
    onClassic(ROUTING),
  ],
  "Classic.InvalidHttpMethod": [
    text("请求方法不合法", "Invalid HTTP method"),
    text("请求使用的 HTTP 方法不合法，或不是 API 定义的方法。", "The request's HTTP method is not valid, or not the one the API defines."),
    text(
      "改用 API 定义中的请求方法（注意大写），签名时的方法也要一致。",
      "Use the method the API defines (in upper case), and sign that same method.",
    ),
    onClassic(REQUEST_SHAPE),
  ],
  "Classic.InvalidAppKey": [
    text("AppKey 无效", "Invalid AppKey"),
    text(
      "网关找不到 `X-Ca-Key` 中的 AppKey：APP 不存在、已删除，或值里带了空格。VPC 实例上对应的是 A400IK。",
      "The gateway cannot find the AppKey in `X-Ca-Key`: the app does not exist, was deleted, or the value carries spaces. On VPC instances the same case is A400IK.",
    ),
    text(
      "在控制台核对 AppKey，去掉首尾空格后重试，并确认 APP 已授权调用此 API。",
      "Check the AppKey in the console, strip surrounding spaces, retry, and make sure the app is authorized for this API.",
    ),
    onClassic(APP_CREDENTIALS),
  ],
  "Classic.InvalidAppSecret": [
    text("AppSecret 错误", "Wrong AppSecret"),
    text(
      "签名所用的 AppSecret 与 AppKey 对应的密钥不一致，常见于复制时带了空格或密钥已重置。",
      "The AppSecret used to sign is not the one paired with the AppKey, typically copied with spaces or reset since.",
    ),
    text(
      "在控制台“应用管理”中重新获取该 APP 的 AppSecret，去掉首尾空格后重新签名。",
      "Get the app's AppSecret again under Apps in the console, strip surrounding spaces and sign again.",
    ),
    onClassic(APP_CREDENTIALS),
  ],
  "Classic.TimestampExpired": [
    text("时间戳已过期", "Timestamp expired"),
    text(
      "`X-Ca-Timestamp` 与网关时间相差超过 15 分钟，多为客户端时钟不准，或请求排队、重放时沿用了旧的时间戳。",
      "`X-Ca-Timestamp` is more than 15 minutes away from the gateway's clock, usually a client clock that is off, or a queued or replayed request keeping its old timestamp.",
    ),
    text(
      "校准客户端时钟，每次发送（包括重试）时重新取时间戳并重新签名。",
      "Sync the client clock, and take a new timestamp and sign again on every send, retries included.",
    ),
    TIMESTAMP_NONCE,
  ],
  "Classic.InvalidTimestamp": [
    text("时间戳不合法", "Invalid timestamp"),
    text(
      "`X-Ca-Timestamp` 不是合法的毫秒级时间戳，例如用了秒、带了小数或日期字符串。",
      "`X-Ca-Timestamp` is not a valid millisecond timestamp, for example seconds, a decimal or a date string.",
    ),
    text("发送 13 位数字的毫秒级 Unix 时间戳。", "Send the Unix time in milliseconds, 13 digits."),
    TIMESTAMP_NONCE,
  ],
  "Classic.EmptySignature": [
    text("缺少签名", "Signature missing"),
    text(
      "API 使用签名认证，请求却没有 `X-Ca-Signature`（或值为空）。注意网关对此返回 404。",
      "The API uses signature authentication and the request has no `X-Ca-Signature` (or an empty one). Note that the gateway answers 404 here.",
    ),
    text(
      "按签名说明计算签名并放进 `X-Ca-Signature`；AppCode 认证的 API 则改用 `Authorization: APPCODE <AppCode>`。",
      "Compute the signature as the signing guide describes and send it in `X-Ca-Signature`; for an API with AppCode authentication send `Authorization: APPCODE <AppCode>` instead.",
    ),
    onClassic(APP_CREDENTIALS),
  ],
  "Classic.InvalidSignatureServerStringToSign": [
    text("签名不匹配（经典网络实例）", "Signature mismatch (classic instance)"),
    text(
      "网关按请求算出的签名与 `X-Ca-Signature` 不一致，消息末尾附带服务端的 StringToSign。与 VPC 实例的 A403IS 是同一问题，只是经典网络实例不带错误码、状态码为 400。",
      "The signature the gateway computed from the request differs from `X-Ca-Signature`; the message ends with the server's StringToSign. The same problem as A403IS on VPC instances, without a code and with status 400.",
    ),
    text(
      "把服务端 StringToSign 与客户端签名前拼出的字符串比对并修正第一处差异；两者一致时换用正确的 AppSecret。",
      "Compare the server's StringToSign with the string the client signed and fix the first difference; if they match, use the right AppSecret.",
    ),
    [CLASSIC_HEADERS, ...SIGNATURE],
  ],
  "Classic.InvalidContentMD5": [
    text("Content-MD5 不合法", "Invalid Content-MD5"),
    text(
      "请求带了 `Content-MD5`，但 Body 为空，或该值不是实际 Body 的 MD5（Base64 编码）。",
      "The request carries `Content-MD5`, but the body is empty or the value is not the MD5 (Base64-encoded) of the body actually sent.",
    ),
    text(
      "Body 为空或为表单时不要发送 `Content-MD5`；否则按发送的字节计算 `Base64(MD5(body))`，并在签名后不再改动 Body。",
      "Leave `Content-MD5` out when the body is empty or a form; otherwise compute `Base64(MD5(body))` over the bytes sent and do not change the body after signing.",
    ),
    [CLASSIC_HEADERS, ...SIGNATURE],
  ],
  "Classic.Unauthorized": [
    text("APP 未获授权", "App not authorized"),
    text(
      "请求的 APP 没有被授权调用这个 API，或授权不包括所调用的环境，或授权已过期。",
      "The request's app is not authorized for this API, or not for the stage called, or its authorization has expired.",
    ),
    text(
      "请 API 提供方把该 API 在目标环境授权给这个 APP（云市场 API 则需先购买），然后重试。",
      "Ask the API provider to authorize the app for this API in the target stage (for a Marketplace API, buy it first), then retry.",
    ),
    onClassic(APP_CREDENTIALS),
  ],
  "Classic.NonceUsed": [
    text("Nonce 已被使用", "Nonce already used"),
    text(
      "`X-Ca-Nonce` 的值在 15 分钟内已经用过，网关当作重放请求拒绝。常见于重试时沿用了第一次的 Nonce。",
      "The `X-Ca-Nonce` value was already used within 15 minutes, so the gateway refuses it as a replay. Typically a retry kept the first attempt's nonce.",
    ),
    text("每次发送都生成新的 Nonce（推荐 UUID）并重新签名。", "Generate a new nonce (a UUID) for every send and sign again."),
    TIMESTAMP_NONCE,
  ],
  "Classic.APINotFound": [
    text("找不到 API", "API not found"),
    text(
      "请求的 API 地址或方法不正确，或 API 已下线。VPC 实例上对应的是 I404NF。",
      "The API address or method requested is wrong, or the API has been taken offline. On VPC instances the same case is I404NF.",
    ),
    text(
      "核对请求方法、路径、域名和 `X-Ca-Stage`；API 已下线时向 API 提供方确认新的地址。",
      "Check the method, path, domain and `X-Ca-Stage`; if the API was taken offline, ask the API provider for its new address.",
    ),
    onClassic(ROUTING),
  ],
  "Classic.InternalError": [
    text("网关内部错误", "Gateway internal error"),
    text(
      "请求在 API 网关内部处理时出错，与请求内容通常无关。",
      "API Gateway failed while handling the request; this usually has nothing to do with the request's content.",
    ),
    text(
      "按退避重试；频繁出现时把 `X-Ca-Request-Id` 交给 API 提供方，由其提交工单。",
      "Retry with backoff; if it keeps happening, give `X-Ca-Request-Id` to the API provider, who opens a ticket.",
    ),
    BACKEND,
  ],
  "Classic.FailedToInvokeBackendService": [
    text("调用后端服务失败", "Backend service call failed"),
    text(
      "网关转发请求到 API 提供方的后端服务时失败，例如后端拒绝连接、地址不可达或返回了网关无法处理的应答。",
      "The gateway failed to forward the request to the API provider's backend, for example the backend refused the connection, was unreachable, or answered in a way the gateway could not handle.",
    ),
    text(
      "按退避重试；持续失败时把 `X-Ca-Request-Id` 交给 API 提供方检查后端服务。",
      "Retry with backoff; if it keeps failing, give `X-Ca-Request-Id` to the API provider to check the backend.",
    ),
    BACKEND,
  ],
  "Classic.ServiceUnavailable": [
    text("服务不可用", "Service unavailable"),
    text(
      "服务暂时无法处理请求，多见于后端过载、发布或维护期间。",
      "The service cannot handle the request for now, usually while the backend is overloaded, being deployed or under maintenance.",
    ),
    text(
      "按退避重试；持续不可用时联系 API 提供方并附上 `X-Ca-Request-Id`。",
      "Retry with backoff; if it stays unavailable, contact the API provider with `X-Ca-Request-Id`.",
    ),
    BACKEND,
  ],
  "Classic.AsyncService": [
    text("后端服务超时", "Backend timeout"),
    text(
      "后端服务没有在 API 定义的后端超时时间内返回，网关返回 504。",
      "The backend did not answer within the backend timeout set in the API definition, so the gateway answered 504.",
    ),
    text(
      "按退避重试（非幂等请求先确认是否已生效）；API 提供方检查后端耗时，优化慢请求或在 API 定义中调大后端超时时间。",
      "Retry with backoff (for non-idempotent calls, first check whether the call took effect); the API provider looks at the backend's response times and speeds up slow requests or raises the backend timeout in the API definition.",
    ),
    BACKEND,
  ],
};

export const gatewayGuides: Record<string, Guide> = Object.fromEntries(
  Object.entries(entries).map(([code, [title, explanation, remediation, checklist]]) => [
    code,
    { title, explanation, remediation, checklist },
  ]),
);
