/**
 * Seed content for ErrorDesk's guides: the support team's own explanations, remediation
 * advice and troubleshooting checklists for Alibaba Cloud API Gateway (CloudAPI)
 * management-OpenAPI error codes.
 *
 * Keys are the error codes exactly as the API returns them; templated codes keep `%s`
 * (the common table's `{ParameterName}` is normalised to `%s`). In templated entries the
 * token `{param}` is replaced by the app with the concrete parameter or resource name.
 */
import type { Guide } from "../../domain/catalog/types";

export const seedGuides: Record<string, Guide> = {
  // ---------------------------------------------------------------------------
  // Server errors (5xx)
  // ---------------------------------------------------------------------------
  ServiceUnavailable: {
    title: {
      "zh-CN": "服务暂时不可用",
      en: "Service temporarily unavailable",
    },
    explanation: {
      "zh-CN":
        "API 网关管控服务在处理请求时出现了临时性故障，返回 HTTP 503。这通常和请求内容无关，多见于服务端短暂过载、发布变更或网络抖动期间，任何管控接口（如 CreateApi、DeployApi、DescribeApis）都可能遇到。",
      en: "The API Gateway management service hit a temporary failure and answered with HTTP 503. It is usually unrelated to the request itself and tends to occur during short overloads, service rollouts or network hiccups; any management call (CreateApi, DeployApi, DescribeApis and so on) can receive it.",
    },
    remediation: {
      "zh-CN":
        "稍等片刻后重试，建议使用指数退避加随机抖动的重试策略，不要立即密集重试。对 CreateApi、CreateApp 这类非幂等的创建操作，重试前先用 DescribeApis / DescribeApps 确认资源是否已创建成功，避免重复创建。若持续失败，请记录返回的 `RequestId` 并提交工单。",
      en: "Wait a moment and retry, using exponential backoff with jitter rather than an immediate burst of retries. For non-idempotent calls such as CreateApi or CreateApp, check with DescribeApis / DescribeApps whether the resource was actually created before retrying, so you do not end up with duplicates. If the error persists, note the `RequestId` from the response and open a support ticket.",
    },
    checklist: [
      {
        title: { "zh-CN": "按退避策略重试", en: "Retry with backoff" },
        detail: {
          "zh-CN": "首次间隔约 1 秒，之后按 2 倍递增并加入随机抖动，最多重试 3~5 次；多数临时故障在几次重试内即可恢复。",
          en: "Start at about 1 second, double the delay each time and add random jitter, for at most 3-5 attempts; most transient failures clear within a few retries.",
        },
      },
      {
        title: { "zh-CN": "确认创建类操作是否已生效", en: "Check whether create calls already took effect" },
        detail: {
          "zh-CN": "对 CreateApi、CreateApiGroup、CreateApp 等操作，重试前先调用对应的 Describe 接口按名称查询，已存在则不要再次创建。",
          en: "Before retrying CreateApi, CreateApiGroup, CreateApp and similar calls, look the resource up by name with the matching Describe call and skip the retry if it already exists.",
        },
      },
      {
        title: { "zh-CN": "查看服务健康状态", en: "Check service health" },
        detail: {
          "zh-CN":
            "在阿里云控制台的健康状态/公告页面查看 API 网关在对应地域是否有进行中的事件，同时确认本地到 `apigateway.<region>.aliyuncs.com` 的网络是否正常。",
          en: "Look at the Alibaba Cloud health status / announcements page for ongoing API Gateway incidents in the region, and confirm that your network path to `apigateway.<region>.aliyuncs.com` is healthy.",
        },
      },
      {
        title: { "zh-CN": "持续失败时提交工单", en: "Open a ticket if it persists" },
        detail: {
          "zh-CN": "提供返回中的 `RequestId`、地域、调用的 Action 和发生时间，便于后端定位。",
          en: "Include the `RequestId` from the response, the region, the Action called and the time of the failure so the service team can trace it.",
        },
      },
    ],
  },

  InternalError: {
    title: {
      "zh-CN": "服务端内部错误",
      en: "Internal server error",
    },
    explanation: {
      "zh-CN":
        "管控服务在处理请求时发生了未预期的异常，返回 HTTP 500。一般属于服务端问题，偶发时重试即可；如果同一个请求每次都稳定复现，则可能是某个参数组合触发了服务端缺陷，常见于 CreateApi、ModifyApi 这类携带复杂 JSON 配置的调用。",
      en: "The management service ran into an unexpected exception while handling the request and returned HTTP 500. It is normally a server-side problem and a retry is enough when it is sporadic; if the same request fails every time, a particular parameter combination may be triggering a service defect, which is most often seen with calls carrying complex JSON configuration such as CreateApi or ModifyApi.",
    },
    remediation: {
      "zh-CN":
        "先按指数退避重试几次。若稳定复现，保留完整请求参数（去掉密钥等敏感信息）和 `RequestId`，尝试逐项简化请求定位触发问题的参数，然后提交工单。创建类操作重试前先确认资源是否已经创建。",
      en: "Retry a few times with exponential backoff first. If it reproduces consistently, keep the full request parameters (with secrets removed) and the `RequestId`, try simplifying the request step by step to find the parameter that triggers it, and open a support ticket. For create operations, confirm the resource was not already created before retrying.",
    },
    checklist: [
      {
        title: { "zh-CN": "退避重试", en: "Retry with backoff" },
        detail: {
          "zh-CN": "间隔 1s、2s、4s 左右并加随机抖动重试，偶发的内部错误通常会自行恢复。",
          en: "Retry after roughly 1s, 2s and 4s with random jitter; sporadic internal errors usually clear on their own.",
        },
      },
      {
        title: { "zh-CN": "判断是否稳定复现", en: "Check whether it reproduces" },
        detail: {
          "zh-CN":
            "用相同参数再调用一次；若每次都失败，逐项去掉可选参数（如 ResultSample、ErrorCodeSamples、ServiceParametersMap）缩小范围。",
          en: "Send the same request again; if it always fails, drop optional parameters one by one (for example ResultSample, ErrorCodeSamples, ServiceParametersMap) to narrow it down.",
        },
      },
      {
        title: { "zh-CN": "提交工单并附上 RequestId", en: "Open a ticket with the RequestId" },
        detail: {
          "zh-CN": "附上 `RequestId`、地域、Action、脱敏后的请求参数及发生时间。",
          en: "Attach the `RequestId`, region, Action, the request parameters with secrets masked, and the time of the error.",
        },
      },
    ],
  },

  // ---------------------------------------------------------------------------
  // API Gateway client errors (4xx)
  // ---------------------------------------------------------------------------
  "Repeated%s": {
    title: {
      "zh-CN": "{param} 重复",
      en: "{param} is repeated",
    },
    explanation: {
      "zh-CN":
        "请求里 {param} 出现了重复。错误码中的 `%s` 会被替换成具体的参数或对象名称，例如同一个参数名在 RequestParameters 中定义了两次，或者同一个 ID 在列表型参数中出现了多次。多见于 CreateApi、ModifyApi 以及批量授权、批量绑定类接口。",
      en: "The request contains {param} more than once. The `%s` in the code is replaced by the concrete parameter or object name, for example when the same parameter name is defined twice in RequestParameters or the same ID appears several times in a list parameter. It is common with CreateApi, ModifyApi and batch authorization or binding calls.",
    },
    remediation: {
      "zh-CN": "根据返回的参数名找到重复项，去重后重新提交。如果请求体是程序拼接的 JSON 或列表，检查拼接逻辑是否会把同一项加入两次。",
      en: "Use the parameter name in the code to locate the repeated entries, remove the duplicates and resubmit. If the JSON or list is assembled by code, check whether that logic can add the same item twice.",
    },
    checklist: [
      {
        title: { "zh-CN": "定位重复的参数", en: "Locate the repeated parameter" },
        detail: {
          "zh-CN": "读取错误码或 Message 中的参数名 {param}，在请求参数里搜索所有出现的位置。",
          en: "Take the parameter name {param} from the code or Message and search the request for every occurrence.",
        },
      },
      {
        title: { "zh-CN": "检查列表与 JSON 配置", en: "Check lists and JSON configuration" },
        detail: {
          "zh-CN":
            "重点核对 RequestParameters、ServiceParameters、逗号分隔的 ApiIds/AppIds 等，确认名称和 ID 唯一（注意大小写和首尾空格）。",
          en: "Pay particular attention to RequestParameters, ServiceParameters and comma-separated ApiIds/AppIds; make sure each name and ID is unique (watch for case differences and stray whitespace).",
        },
      },
      {
        title: { "zh-CN": "去重后重新提交", en: "Deduplicate and resubmit" },
        detail: {
          "zh-CN": "修正后重新调用；若由代码生成请求，在拼装前加一道去重处理。",
          en: "Call again after fixing it; if the request is generated by code, add a deduplication step before assembling it.",
        },
      },
    ],
  },

  RepeatedCommit: {
    title: {
      "zh-CN": "请求重复提交",
      en: "Request submitted repeatedly",
    },
    explanation: {
      "zh-CN":
        "服务端判断同一个请求在短时间内被重复提交，因此拒绝了这一次。常见原因是页面或脚本对同一操作连续点击/调用，或者上一次请求尚未处理完就发起了重试，DeployApi、AbolishApi、SetDomain 等变更类操作较容易遇到。",
      en: "The service decided the same request was submitted again within a short time and rejected this one. Typical causes are double clicks or scripts calling the same operation back to back, or a retry fired before the previous attempt finished; change operations such as DeployApi, AbolishApi and SetDomain are the usual candidates.",
    },
    remediation: {
      "zh-CN":
        "不要频繁重复提交同一操作。先确认上一次请求的结果（例如用 DescribeDeployedApis 或 DescribeApiHistories 查看是否已发布成功），确有必要再间隔几秒后重试。",
      en: "Avoid resubmitting the same operation in quick succession. First check the outcome of the previous request (for example with DescribeDeployedApis or DescribeApiHistories to see whether the deployment already succeeded), and only retry after a few seconds if it is really needed.",
    },
    checklist: [
      {
        title: { "zh-CN": "确认上一次操作的结果", en: "Check the previous attempt's result" },
        detail: {
          "zh-CN": "用对应的 Describe 接口或控制台查看资源状态，很多情况下上一次请求其实已经成功。",
          en: "Look at the resource state with the matching Describe call or in the console; often the earlier request already succeeded.",
        },
      },
      {
        title: { "zh-CN": "排查重复触发的来源", en: "Find what triggers the duplicates" },
        detail: {
          "zh-CN": "检查脚本循环、并发任务或前端按钮是否会对同一资源发出多次相同请求，必要时加锁或防抖。",
          en: "Check whether script loops, parallel jobs or UI buttons send the same request for the same resource several times; add a lock or debounce where needed.",
        },
      },
      {
        title: { "zh-CN": "间隔后再重试", en: "Retry after a pause" },
        detail: {
          "zh-CN": "确需重试时等待数秒，且同一资源同一时间只保留一个进行中的变更请求。",
          en: "If a retry is really needed, wait a few seconds and keep only one in-flight change per resource at a time.",
        },
      },
    ],
  },

  "Missing%s": {
    title: {
      "zh-CN": "缺少必填参数 {param}",
      en: "Required parameter {param} is missing",
    },
    explanation: {
      "zh-CN":
        "请求中没有传入必填参数 {param}。错误码里的 `%s`（公共错误码表中写作 `{ParameterName}`）会被替换为具体参数名，例如 MissingGroupId、MissingApiId、MissingStageName。该错误几乎所有接口都可能出现，常见于 CreateApi、DeployApi、SetDomain、SetApisAuthorities 等调用漏传参数，或参数名大小写写错导致服务端识别不到。",
      en: "The request did not include the required parameter {param}. The `%s` in the code (written `{ParameterName}` in the common error table) is replaced by the actual parameter name, for example MissingGroupId, MissingApiId or MissingStageName. Almost any call can return it; it typically shows up when CreateApi, DeployApi, SetDomain or SetApisAuthorities is sent without a parameter, or when the parameter name is misspelled or has the wrong case so the service does not recognise it.",
    },
    remediation: {
      "zh-CN":
        "对照该接口的 API 文档补上 {param} 后重试。参数名区分大小写，请确认拼写与文档完全一致；使用 SDK 时确认对应的 setter 已被调用且值不为空字符串。",
      en: "Add {param} as described in the API reference for that action and retry. Parameter names are case-sensitive, so make sure the spelling matches the documentation exactly; with an SDK, confirm that the corresponding setter is called and the value is not an empty string.",
    },
    checklist: [
      {
        title: { "zh-CN": "核对接口文档中的必填项", en: "Check the required parameters in the API reference" },
        detail: {
          "zh-CN": "在该 Action 的文档里确认 {param} 是否为必填，以及其准确的名称和类型。",
          en: "In the reference for the Action, confirm that {param} is required and note its exact name and type.",
        },
      },
      {
        title: { "zh-CN": "确认参数确实被发送", en: "Confirm the parameter is actually sent" },
        detail: {
          "zh-CN": "打开 SDK 调试日志或抓包查看实际请求，确认 {param} 出现在 query 或 body 中，且值不是空串或 null。",
          en: "Enable SDK debug logging or capture the request and verify that {param} is present in the query or body and its value is not empty or null.",
        },
      },
      {
        title: { "zh-CN": "检查大小写与拼写", en: "Check case and spelling" },
        detail: {
          "zh-CN": "例如 `GroupId` 不能写成 `groupId` 或 `GroupID`，否则服务端会认为没有传入。",
          en: "For example `GroupId` must not be sent as `groupId` or `GroupID`, otherwise the service treats it as missing.",
        },
      },
    ],
  },

  MissingAppIdOrAppOwner: {
    title: {
      "zh-CN": "AppId 与 AppOwner 至少需要传一个",
      en: "Either AppId or AppOwner is required",
    },
    explanation: {
      "zh-CN":
        "查询 APP 时没有提供有效的 AppId 或 AppOwner，两者不能同时为空。该错误常见于 DescribeApps 这类用于授权前查找 APP 的接口：既不指定 APP 的 ID，也不指定 APP 所属的阿里云账号，服务端无法确定查询范围。",
      en: "The APP lookup was sent without a valid AppId or AppOwner; the two cannot both be empty. It is typically returned by calls such as DescribeApps, which are used to find an APP before authorizing it: without an APP ID or the owning Alibaba Cloud account, the service has no scope to search in.",
    },
    remediation: {
      "zh-CN":
        "至少传入其中一个：已知 APP 时传 `AppId`；要查询某个账号下的 APP 时传 `AppOwner`（APP 所属账号的 UID）。确认传入的值不是空串或 0。",
      en: "Pass at least one of them: `AppId` when you know the APP, or `AppOwner` (the UID of the account owning the APP) when you want to list that account's APPs. Make sure the value is not an empty string or 0.",
    },
    checklist: [
      {
        title: { "zh-CN": "确认要查询的 APP 信息", en: "Decide which identifier you have" },
        detail: {
          "zh-CN": "APP 的 ID 可在 APP 所有者的控制台「调用 API > 应用管理」中查看；账号 UID 可在账号中心查看。",
          en: "The APP ID is shown to the APP owner under Call APIs > Apps in the console; the account UID is shown in the account center.",
        },
      },
      {
        title: { "zh-CN": "检查请求中的取值", en: "Check the values in the request" },
        detail: {
          "zh-CN": "通过 SDK 调试日志确认 AppId 或 AppOwner 已被发送，且为有效数字而不是空串或 0。",
          en: "Use SDK debug logs to confirm AppId or AppOwner is sent and holds a real number rather than an empty string or 0.",
        },
      },
      {
        title: { "zh-CN": "补充参数后重试", en: "Add the parameter and retry" },
        detail: {
          "zh-CN": "补上任一参数后重新调用，如果返回结果为空，再核对 APP 是否确实属于该账号、是否在同一地域。",
          en: "Call again with one of them set; if the result is empty, check that the APP really belongs to that account and lives in the same region.",
        },
      },
    ],
  },

  "Invalid%s": {
    title: {
      "zh-CN": "参数 {param} 的取值无效",
      en: "Invalid value for parameter {param}",
    },
    explanation: {
      "zh-CN":
        "参数 {param} 的值没有通过服务端校验。错误码中的 `%s`（公共错误码表中写作 `{ParameterName}`）会替换成具体参数名，例如 InvalidStageName、InvalidGroupId、InvalidRegionId。常见原因包括取值不在枚举范围内、数值越界、ID 不属于当前地域，几乎所有接口都可能返回，CreateApi、ModifyApi、DeployApi、CreateTrafficControl 中尤为常见。",
      en: "The value of parameter {param} failed server-side validation. The `%s` in the code (written `{ParameterName}` in the common error table) is replaced by the actual parameter name, for example InvalidStageName, InvalidGroupId or InvalidRegionId. Typical causes are a value outside the allowed enum, a number out of range, or an ID that does not belong to the current region; almost any call can return it, CreateApi, ModifyApi, DeployApi and CreateTrafficControl most often.",
    },
    remediation: {
      "zh-CN":
        "查阅该接口文档中 {param} 的取值约束（枚举值、范围、格式），修正后重试。如果返回的 Message 中有更具体的说明，以 Message 为准；例如 StageName 只能是 `RELEASE`、`PRE`、`TEST` 之一。",
      en: "Look up the constraints for {param} in the action's API reference (allowed values, range, format), fix the value and retry. If the returned Message gives more detail, follow it; for example StageName only accepts `RELEASE`, `PRE` or `TEST`.",
    },
    checklist: [
      {
        title: { "zh-CN": "读取完整的错误信息", en: "Read the full error message" },
        detail: {
          "zh-CN": "记录返回的 Code 与 Message，Message 中通常会说明 {param} 哪一点不符合要求。",
          en: "Record the returned Code and Message; the Message usually says which rule {param} broke.",
        },
      },
      {
        title: { "zh-CN": "对照文档核对约束", en: "Compare with the documented constraints" },
        detail: {
          "zh-CN": "确认 {param} 的类型、枚举值、长度和大小写与文档一致，注意枚举值通常区分大小写。",
          en: "Check that the type, allowed values, length and case of {param} match the documentation; enum values are usually case-sensitive.",
        },
      },
      {
        title: { "zh-CN": "检查资源 ID 与地域", en: "Check resource IDs and region" },
        detail: {
          "zh-CN": "如果 {param} 是资源 ID，确认它属于当前账号，并且请求发往的 Endpoint 地域与资源所在地域一致。",
          en: "If {param} is a resource ID, make sure it belongs to this account and that the endpoint region you call matches the resource's region.",
        },
      },
    ],
  },

  "NotFound%s": {
    title: {
      "zh-CN": "找不到指定的 {param}",
      en: "Specified {param} not found",
    },
    explanation: {
      "zh-CN":
        "根据传入的 {param} 找不到对应的资源。错误码中的 `%s` 会替换为具体的资源或参数名，例如 NotFoundApiGroup、NotFoundApi、NotFoundApp。常见原因是 ID 写错、资源已被删除、资源属于其他账号，或者请求发往了错误的地域，在 DescribeApi、ModifyApi、DeployApi、SetApisAuthorities、SetDomain 等接口中都较常见。",
      en: "No resource could be found for the {param} you specified. The `%s` in the code is replaced by the concrete resource or parameter name, for example NotFoundApiGroup, NotFoundApi or NotFoundApp. Usual causes are a mistyped ID, a resource that has been deleted, a resource owned by another account, or a request sent to the wrong region; it is common with DescribeApi, ModifyApi, DeployApi, SetApisAuthorities and SetDomain.",
    },
    remediation: {
      "zh-CN":
        "核对 {param} 对应的 ID 是否正确，并确认资源仍然存在、属于当前账号、且与调用的 Endpoint 在同一地域。API 网关的资源按地域隔离，例如杭州地域的分组无法通过 `apigateway.cn-shanghai.aliyuncs.com` 查到。",
      en: "Check that the ID for {param} is correct and that the resource still exists, belongs to this account and lives in the same region as the endpoint you call. API Gateway resources are regional: a group in cn-hangzhou cannot be found through `apigateway.cn-shanghai.aliyuncs.com`.",
    },
    checklist: [
      {
        title: { "zh-CN": "用列表接口确认资源存在", en: "Confirm the resource exists with a list call" },
        detail: {
          "zh-CN": "调用 DescribeApiGroups、DescribeApis、DescribeApps 等列表接口，确认 {param} 对应的资源仍在。",
          en: "Call a list action such as DescribeApiGroups, DescribeApis or DescribeApps and check that the resource for {param} is still there.",
        },
      },
      {
        title: { "zh-CN": "核对地域与 Endpoint", en: "Check the region and endpoint" },
        detail: {
          "zh-CN": "确认 SDK 配置的 RegionId / Endpoint 与资源所在地域一致。",
          en: "Make sure the RegionId / endpoint configured in the SDK matches the region the resource lives in.",
        },
      },
      {
        title: { "zh-CN": "确认账号归属", en: "Check account ownership" },
        detail: {
          "zh-CN": "确认使用的 AccessKey 属于资源所有者（或其 RAM 用户），而不是其他阿里云账号。",
          en: "Confirm that the AccessKey belongs to the resource owner (or one of its RAM users) and not to another Alibaba Cloud account.",
        },
      },
      {
        title: { "zh-CN": "检查 ID 的完整性", en: "Check the ID is complete" },
        detail: {
          "zh-CN": "排查复制时是否截断、带了空格或引号，以及是否把名称误当成 ID 传入。",
          en: "Look for truncation, stray spaces or quotes from copy-paste, and make sure a name was not passed where an ID is expected.",
        },
      },
    ],
  },

  "InvalidFormat%s": {
    title: {
      "zh-CN": "参数 {param} 格式错误",
      en: "Parameter {param} is badly formatted",
    },
    explanation: {
      "zh-CN":
        "参数 {param} 的格式不符合要求。错误码中的 `%s` 会替换成具体参数名，例如 InvalidFormatRequestConfig、InvalidFormatServiceConfig。CreateApi、ModifyApi 中的 RequestConfig、ServiceConfig、RequestParameters 等参数需要传 JSON 字符串，JSON 不合法、字段类型不对或转义有误时都会报这个错。",
      en: "The value of {param} is not in the expected format. The `%s` in the code is replaced by the actual parameter name, for example InvalidFormatRequestConfig or InvalidFormatServiceConfig. CreateApi and ModifyApi take parameters such as RequestConfig, ServiceConfig and RequestParameters as JSON strings, and invalid JSON, wrong field types or broken escaping all lead to this error.",
    },
    remediation: {
      "zh-CN":
        "按文档要求的结构重新组织 {param}。若为 JSON 参数，先用 `jq . config.json` 等工具校验合法性，再由程序序列化成字符串传入，不要手工拼接；注意字段名大小写、数值与字符串类型的区别。",
      en: "Rebuild {param} following the documented structure. For JSON parameters, validate the document first (for example `jq . config.json`) and let your code serialise it into a string instead of concatenating it by hand; watch field-name case and the difference between numbers and strings.",
    },
    checklist: [
      {
        title: { "zh-CN": "校验 JSON 合法性", en: "Validate the JSON" },
        detail: {
          "zh-CN": "把 {param} 的原始值保存为文件，用 `jq .` 或 `python3 -m json.tool` 检查能否解析。",
          en: "Save the raw value of {param} to a file and check it parses with `jq .` or `python3 -m json.tool`.",
        },
      },
      {
        title: { "zh-CN": "对照文档核对字段", en: "Compare the fields with the reference" },
        detail: {
          "zh-CN": "确认字段名（如 RequestProtocol、RequestHttpMethod、RequestPath）拼写、大小写及取值类型与文档一致。",
          en: "Check that field names (such as RequestProtocol, RequestHttpMethod, RequestPath), their case and value types match the documentation.",
        },
      },
      {
        title: { "zh-CN": "检查序列化与编码", en: "Check serialisation and encoding" },
        detail: {
          "zh-CN": "确认 JSON 字符串没有被二次转义或多包一层引号，并在签名前按规则做了 URL 编码。",
          en: "Make sure the JSON string is not double-escaped or wrapped in an extra pair of quotes, and that it is URL-encoded correctly before signing.",
        },
      },
    ],
  },

  "Duplicate%s": {
    title: {
      "zh-CN": "{param} 的值已存在",
      en: "Value of {param} already exists",
    },
    explanation: {
      "zh-CN":
        "参数 {param} 的值要求唯一，但已经被占用。错误码中的 `%s` 会被替换为具体参数名。常见场景有：同一分组内 API 名称或「请求路径 + 方法」重复、同一账号下 APP 名称重复、分组名称重复等，多出现在 CreateApi、ModifyApi、CreateApp、CreateApiGroup 中。",
      en: "The value of {param} must be unique but is already taken. The `%s` in the code is replaced by the concrete parameter name. Typical cases are an API name or a request path plus method that already exists in the group, an APP name already used in the account, or a duplicate group name; it mostly occurs with CreateApi, ModifyApi, CreateApp and CreateApiGroup.",
    },
    remediation: {
      "zh-CN":
        "先查询现有资源确认冲突对象，然后改用新的取值，或者直接修改/复用已有资源。自动化脚本建议采用「先查后建」的方式，避免重复创建。",
      en: "Look up the existing resources to find the conflicting one, then either choose a different value or modify and reuse the existing resource. Automation should follow a look-up-then-create pattern to avoid creating duplicates.",
    },
    checklist: [
      {
        title: { "zh-CN": "查找已有的同名资源", en: "Find the existing resource" },
        detail: {
          "zh-CN": "用 DescribeApis（按 ApiName / Path）、DescribeApps、DescribeApiGroups 查询与 {param} 取值相同的资源。",
          en: "Use DescribeApis (by ApiName / path), DescribeApps or DescribeApiGroups to find the resource that already uses this {param} value.",
        },
      },
      {
        title: { "zh-CN": "决定复用还是改名", en: "Decide whether to reuse or rename" },
        detail: {
          "zh-CN": "如果已有资源就是目标对象，改用 Modify 类接口更新；否则换一个不冲突的名称或路径。",
          en: "If the existing resource is the one you want, update it with the matching Modify action; otherwise pick a name or path that does not clash.",
        },
      },
      {
        title: { "zh-CN": "让脚本具备幂等性", en: "Make scripts idempotent" },
        detail: {
          "zh-CN": "在 CI/CD 或批量导入脚本中先查询再创建，避免重跑时触发重复。",
          en: "In CI/CD or bulk-import scripts, query before creating so that reruns do not hit duplicates.",
        },
      },
    ],
  },

  "DependencyViolation%s": {
    title: {
      "zh-CN": "{param} 仍被依赖，无法执行操作",
      en: "{param} still has dependencies",
    },
    explanation: {
      "zh-CN":
        "要操作的 {param} 仍被其他资源引用或包含其他定义，因此不能删除或变更。错误码中的 `%s` 会替换为具体资源名。典型场景：删除仍包含 API 的分组（DeleteApiGroup）、删除仍绑定在 API 上的流控策略或插件、删除仍被 API 使用的 VPC 授权、删除仍有授权关系的 APP。",
      en: "The {param} you are trying to change is still referenced by, or still contains, other definitions, so it cannot be deleted or modified. The `%s` in the code is replaced by the concrete resource name. Typical cases: deleting a group that still contains APIs (DeleteApiGroup), deleting a traffic-control policy or plugin still bound to APIs, removing a VPC access still used by APIs, or deleting an APP that still has authorizations.",
    },
    remediation: {
      "zh-CN":
        "先解除依赖再执行操作，例如：先下线并删除分组内的 API（AbolishApi、DeleteApi），或先用 RemoveTrafficControlApis、DetachPlugin 解绑策略和插件，再删除目标资源。建议按「下线 → 解绑 → 删除」的顺序处理。",
      en: "Remove the dependencies first and then repeat the operation: for example take APIs offline and delete them (AbolishApi, DeleteApi) before deleting their group, or unbind policies and plugins with RemoveTrafficControlApis or DetachPlugin before deleting them. Work in the order take offline, unbind, delete.",
    },
    checklist: [
      {
        title: { "zh-CN": "找出依赖对象", en: "Find what depends on it" },
        detail: {
          "zh-CN":
            "读取 Message 中的依赖类型，再用 DescribeApis（按 GroupId）、DescribeTrafficControls、DescribePluginApis 等查出关联的资源。",
          en: "Read the dependency type from the Message, then list related resources with DescribeApis (by GroupId), DescribeTrafficControls, DescribePluginApis and similar calls.",
        },
      },
      {
        title: { "zh-CN": "下线已发布的 API", en: "Take published APIs offline" },
        detail: {
          "zh-CN": "对在 RELEASE / PRE / TEST 任一环境已发布的 API 调用 AbolishApi 下线。",
          en: "Call AbolishApi for every API still published in the RELEASE, PRE or TEST stage.",
        },
      },
      {
        title: { "zh-CN": "解绑或删除依赖", en: "Unbind or delete the dependencies" },
        detail: {
          "zh-CN": "解除流控、插件、签名密钥、授权等绑定，或删除分组内的 API，然后重新执行对 {param} 的操作。",
          en: "Unbind traffic control, plugins, backend signatures and authorizations, or delete the group's APIs, then repeat the operation on {param}.",
        },
      },
    ],
  },

  "Forbidden%s": {
    title: {
      "zh-CN": "不允许操作 {param}",
      en: "Operation on {param} is not allowed",
    },
    explanation: {
      "zh-CN":
        "当前账号或当前状态下不允许对 {param} 执行该操作，返回 HTTP 403。错误码中的 `%s` 会替换为具体的资源名。常见原因是资源属于其他账号、资源处于不允许变更的状态，或该资源类型在当前实例/地域下不支持此操作，可能出现在 ModifyApi、DeleteApi、SetApisAuthorities、SetDomain 等调用中。",
      en: "The operation is not allowed on {param} for this account or in its current state, so the service answers HTTP 403. The `%s` in the code is replaced by the concrete resource name. Common reasons are that the resource belongs to another account, that it is in a state that does not allow changes, or that the operation is not supported for it in the current instance or region; it can appear with ModifyApi, DeleteApi, SetApisAuthorities, SetDomain and similar calls.",
    },
    remediation: {
      "zh-CN":
        "确认 {param} 属于当前账号且处于可操作状态；若是跨账号资源，需由资源所有者操作或授权。若是 RAM 用户，同时检查 RAM 策略。仍无法确定原因时，带上 `RequestId` 提交工单。",
      en: "Make sure {param} belongs to your account and is in a state that allows the operation; for another account's resource, the owner has to perform or authorize it. For RAM users, also check the RAM policy. If the cause is still unclear, open a ticket with the `RequestId`.",
    },
    checklist: [
      {
        title: { "zh-CN": "确认资源归属", en: "Check resource ownership" },
        detail: {
          "zh-CN": "用 Describe 类接口查看 {param} 的详情，确认其所属账号与当前调用账号一致。",
          en: "Fetch the details of {param} with a Describe call and confirm its owner matches the calling account.",
        },
      },
      {
        title: { "zh-CN": "检查资源状态", en: "Check the resource state" },
        detail: {
          "zh-CN": "查看资源是否处于锁定、发布中、被风控或其他不允许变更的状态，待状态恢复后再操作。",
          en: "See whether the resource is locked, being deployed, restricted, or otherwise not changeable, and retry once it is back to normal.",
        },
      },
      {
        title: { "zh-CN": "检查 RAM 权限", en: "Check RAM permissions" },
        detail: {
          "zh-CN": "若使用 RAM 用户或角色，确认策略中允许对应的 `apigateway:<Action>` 以及目标资源。",
          en: "If you call as a RAM user or role, make sure its policy allows the matching `apigateway:<Action>` on the target resource.",
        },
      },
    ],
  },

  NoPermission: {
    title: {
      "zh-CN": "RAM 权限不足",
      en: "Not authorized by RAM",
    },
    explanation: {
      "zh-CN":
        "调用方没有对目标资源执行该操作的权限，RAM 鉴权未通过。通常是 RAM 用户或角色没有被授予 API 网关相关策略，或自定义策略里的 Action、Resource、Condition 限制过严，任何管控接口都可能遇到，例如 RAM 用户首次调用 CreateApi、DeployApi、SetDomain。",
      en: "The caller is not allowed to perform this action on the target resource; RAM authorization failed. Usually the RAM user or role has no API Gateway policy attached, or a custom policy's Action, Resource or Condition is too narrow. Any management call can return it, for example when a RAM user first tries CreateApi, DeployApi or SetDomain.",
    },
    remediation: {
      "zh-CN":
        "由主账号或 RAM 管理员在 RAM 控制台为该用户/角色授权：可以直接授予系统策略 `AliyunApiGatewayFullAccess`（或只读的 `AliyunApiGatewayReadOnlyAccess`），也可以按最小权限原则编写自定义策略，放行所需的 `apigateway:*` Action 和资源。",
      en: "Have the main account or a RAM administrator grant permissions in the RAM console: either attach the system policy `AliyunApiGatewayFullAccess` (or the read-only `AliyunApiGatewayReadOnlyAccess`), or write a least-privilege custom policy that allows the required `apigateway:*` actions and resources.",
    },
    checklist: [
      {
        title: { "zh-CN": "确认调用身份", en: "Identify the caller" },
        detail: {
          "zh-CN": "确认使用的 AccessKey 属于哪个 RAM 用户或扮演了哪个角色（STS），不要混用多套凭证。",
          en: "Work out which RAM user owns the AccessKey, or which role was assumed via STS; avoid mixing several sets of credentials.",
        },
      },
      {
        title: { "zh-CN": "检查已授予的策略", en: "Review attached policies" },
        detail: {
          "zh-CN": "在 RAM 控制台「身份管理 > 用户/角色 > 权限管理」中查看策略，确认包含对应的 `apigateway:<Action>`。",
          en: "In the RAM console under Identities > Users/Roles > Permissions, check that an attached policy includes the matching `apigateway:<Action>`.",
        },
      },
      {
        title: { "zh-CN": "检查资源与条件限制", en: "Check Resource and Condition clauses" },
        detail: {
          "zh-CN": "自定义策略的 Resource 是否覆盖目标分组/API，Condition（如来源 IP、MFA）是否满足；注意显式 Deny 优先于 Allow。",
          en: "Check that the custom policy's Resource covers the target group or API and that any Condition (source IP, MFA) is met; remember an explicit Deny overrides Allow.",
        },
      },
      {
        title: { "zh-CN": "授权后重试", en: "Retry after granting" },
        detail: {
          "zh-CN": "授权变更一般很快生效，若使用 STS 临时凭证，需重新获取凭证后再调用。",
          en: "Policy changes usually take effect quickly; with STS credentials, obtain a fresh token before calling again.",
        },
      },
    ],
  },

  "ExceedLimit%s": {
    title: {
      "zh-CN": "{param} 数量超出上限",
      en: "{param} count exceeds the limit",
    },
    explanation: {
      "zh-CN":
        "账号下 {param} 的数量已达到配额上限，无法继续创建或绑定。错误码中的 `%s` 会替换为具体的资源名，一般是 API、API 分组或 APP 的数量超限，多出现在 CreateApi、CreateApiGroup、CreateApp 以及绑定类接口中。",
      en: "The number of {param} in the account has reached its quota, so no more can be created or bound. The `%s` in the code is replaced by the concrete resource name; it is usually the number of APIs, API groups or APPs, and it shows up with CreateApi, CreateApiGroup, CreateApp and binding calls.",
    },
    remediation: {
      "zh-CN":
        "先清理不再使用的资源（例如已废弃的测试 API、空分组、无用的 APP），释放配额后重试。若业务确实需要更多资源，查看该资源的配额说明，通过配额中心或提交工单申请提升上限。",
      en: "Clean up resources you no longer need (obsolete test APIs, empty groups, unused APPs) to free quota, then retry. If you genuinely need more, check the quota documentation for that resource and request an increase through Quota Center or a support ticket.",
    },
    checklist: [
      {
        title: { "zh-CN": "统计当前用量", en: "Count current usage" },
        detail: {
          "zh-CN": "用 DescribeApis、DescribeApiGroups、DescribeApps 的 TotalCount 统计 {param} 的数量，与配额对比。",
          en: "Use the TotalCount from DescribeApis, DescribeApiGroups or DescribeApps to count {param} and compare it with the quota.",
        },
      },
      {
        title: { "zh-CN": "清理闲置资源", en: "Remove unused resources" },
        detail: {
          "zh-CN": "下线并删除废弃的 API、空分组或无用 APP，注意先解除依赖。",
          en: "Take offline and delete obsolete APIs, empty groups or unused APPs, removing their dependencies first.",
        },
      },
      {
        title: { "zh-CN": "申请提升配额", en: "Request a higher quota" },
        detail: {
          "zh-CN": "确有需要时通过配额中心或工单申请，附上业务场景和预计用量。",
          en: "If needed, apply through Quota Center or a ticket, describing the use case and expected volume.",
        },
      },
    ],
  },

  UserNotFound: {
    title: {
      "zh-CN": "找不到指定用户",
      en: "Specified user not found",
    },
    explanation: {
      "zh-CN":
        "根据请求中提供的用户信息找不到对应的阿里云账号，返回 HTTP 404。多见于跨账号授权 APP、按账号查询 APP 等场景，原因通常是账号 UID 或登录账号填写错误，或目标账号不存在。",
      en: "No Alibaba Cloud account matches the user information in the request, so the service returns HTTP 404. It mostly occurs when authorizing or looking up APPs across accounts, and is usually caused by a mistyped account UID or login name, or by an account that does not exist.",
    },
    remediation: {
      "zh-CN":
        "向对方确认正确的账号信息（账号 UID 或登录账号），确认该账号状态正常后重新提交。注意 UID 为纯数字，不要与 AccessKeyId 或 RAM 用户名混淆。",
      en: "Confirm the correct account details (account UID or login name) with the other party and make sure the account is active, then resubmit. The UID is purely numeric; do not confuse it with an AccessKeyId or a RAM user name.",
    },
    checklist: [
      {
        title: { "zh-CN": "核对账号标识", en: "Check the account identifier" },
        detail: {
          "zh-CN": "请对方在账号中心查看账号 UID，逐位核对，避免多余空格或截断。",
          en: "Ask the other party for the UID shown in their account center and compare it digit by digit, watching for spaces or truncation.",
        },
      },
      {
        title: { "zh-CN": "确认填写的是主账号", en: "Make sure it is the main account" },
        detail: {
          "zh-CN": "授权对象应为主账号，而不是 RAM 用户的名称或 ID。",
          en: "Authorizations target the main account, not a RAM user's name or ID.",
        },
      },
      {
        title: { "zh-CN": "确认账号状态", en: "Check the account status" },
        detail: {
          "zh-CN": "确认目标账号未注销、实名认证正常，必要时由对方登录控制台确认。",
          en: "Confirm the target account has not been closed and has completed real-name verification; if needed, ask the owner to sign in and check.",
        },
      },
    ],
  },

  DomainCertificateNotFound: {
    title: {
      "zh-CN": "指定的域名证书不存在",
      en: "Domain certificate not found",
    },
    explanation: {
      "zh-CN":
        "请求中引用的域名证书找不到。通常是 CertificateId 或证书名称写错、证书已被删除，或者该证书并未绑定在这个分组的这个域名上，常见于 DeleteDomainCertificate、SetDomainCertificate 以及涉及 HTTPS 配置的域名操作。",
      en: "The domain certificate referenced in the request cannot be found. Usually the CertificateId or certificate name is wrong, the certificate has been deleted, or it is not bound to this domain in this group. It is common with DeleteDomainCertificate, SetDomainCertificate and other HTTPS-related domain operations.",
    },
    remediation: {
      "zh-CN":
        "先用 DescribeDomain 查询该分组下该域名当前绑定的 `CertificateId` 和 `CertificateName`，用查到的值重新调用。如果证书确实已不存在，通过 SetDomainCertificate 重新上传证书内容和私钥（或在控制台重新选择 SSL 证书服务中的证书）后再操作。",
      en: "Call DescribeDomain for the group and domain to read the `CertificateId` and `CertificateName` currently bound, and retry with those values. If the certificate is really gone, upload the certificate body and private key again with SetDomainCertificate (or pick the certificate again from Certificate Management Service in the console) and then repeat the operation.",
    },
    checklist: [
      {
        title: { "zh-CN": "查询域名当前绑定的证书", en: "Read the domain's current certificate" },
        detail: {
          "zh-CN": "调用 DescribeDomain（传入 GroupId 和 DomainName），或在控制台「分组管理 > 分组详情 > 自定义域名」查看证书 ID 与名称。",
          en: "Call DescribeDomain with GroupId and DomainName, or open API Groups > group details > Custom Domain Names in the console, and note the certificate ID and name.",
        },
      },
      {
        title: { "zh-CN": "核对请求中的证书 ID 与名称", en: "Compare the certificate ID and name in the request" },
        detail: {
          "zh-CN": "将请求中的 CertificateId / CertificateName 与查询结果逐字比对，注意不要把证书服务中的证书 ID 与网关返回的 ID 混用。",
          en: "Compare the CertificateId / CertificateName in the request character by character with the lookup result; do not mix up the ID from Certificate Management Service with the one API Gateway returns.",
        },
      },
      {
        title: { "zh-CN": "确认分组、域名与地域", en: "Check group, domain and region" },
        detail: {
          "zh-CN": "证书绑定在「分组 + 域名」上，确认 GroupId、DomainName 没有写错，且调用的 Endpoint 与分组在同一地域。",
          en: "Certificates are bound per group and domain, so confirm GroupId and DomainName are right and the endpoint is in the same region as the group.",
        },
      },
      {
        title: { "zh-CN": "检查证书服务中的证书状态", en: "Check the certificate in Certificate Management Service" },
        detail: {
          "zh-CN": "若证书来自数字证书管理服务，确认它没有被删除、吊销或过期；过期证书需先续签再重新绑定。",
          en: "If the certificate comes from Certificate Management Service, make sure it has not been deleted, revoked or expired; renew an expired certificate before binding it again.",
        },
      },
      {
        title: { "zh-CN": "重新上传证书", en: "Upload the certificate again" },
        detail: {
          "zh-CN": "证书已不存在时，用 SetDomainCertificate 重新上传 PEM 格式的证书链和私钥，再执行后续操作。",
          en: "If the certificate no longer exists, upload the PEM certificate chain and private key again with SetDomainCertificate, then continue.",
        },
      },
    ],
  },

  DomainNotResolved: {
    title: {
      "zh-CN": "域名未解析到分组二级域名",
      en: "Domain not resolved to the group's domain",
    },
    explanation: {
      "zh-CN":
        "绑定自定义域名（SetDomain）时，网关检查发现该域名还没有通过 CNAME 解析到分组的二级域名，因此拒绝绑定。常见原因是还没在 DNS 服务商处添加 CNAME 记录、记录值填错了、同名主机记录存在 A 记录冲突，或者刚修改完解析、旧记录的 TTL 还没过期。",
      en: "When you bind a custom domain (SetDomain), the gateway checks that the domain is CNAME'd to the group's second-level domain and refuses the binding if it is not. Common reasons are that no CNAME record has been added at the DNS provider yet, the record points to the wrong target, an A record on the same host name conflicts with it, or the change was just made and the old record's TTL has not expired.",
    },
    remediation: {
      "zh-CN":
        "在域名所在的 DNS 服务商（阿里云云解析 DNS 或第三方）为自定义域名添加 CNAME 记录，记录值填写 API 分组详情页显示的二级域名，例如 `xxxx-cn-hangzhou.alicloudapi.com`。用 `dig +short CNAME api.example.com` 确认生效、等旧记录 TTL 过期后，再重新调用 SetDomain 绑定。",
      en: "At the DNS provider hosting the domain (Alibaba Cloud DNS or a third party), add a CNAME record for the custom domain whose value is the second-level domain shown on the API group page, for example `xxxx-cn-hangzhou.alicloudapi.com`. Once `dig +short CNAME api.example.com` shows it and the old record's TTL has expired, call SetDomain again.",
    },
    checklist: [
      {
        title: { "zh-CN": "获取分组的二级域名", en: "Get the group's second-level domain" },
        detail: {
          "zh-CN":
            "在控制台「分组管理 > 分组详情」查看二级域名，或调用 DescribeApiGroup 读取 `SubDomain` 字段，形如 `xxxx-cn-hangzhou.alicloudapi.com`。",
          en: "Find the second-level domain under API Groups > group details in the console, or read the `SubDomain` field from DescribeApiGroup; it looks like `xxxx-cn-hangzhou.alicloudapi.com`.",
        },
      },
      {
        title: { "zh-CN": "在 DNS 服务商处添加 CNAME 记录", en: "Add a CNAME record at the DNS provider" },
        detail: {
          "zh-CN":
            "在购买/托管域名的服务商控制台添加记录：类型选 CNAME，主机记录填子域名（如 `api`），记录值填上一步的二级域名。如果该主机记录已有 A 或 AAAA 记录，需要先删除，否则会冲突。",
          en: "In the console of the provider that hosts the domain, add a record of type CNAME, host set to the subdomain (for example `api`), value set to the second-level domain from the previous step. Delete any existing A or AAAA record on the same host first, since it conflicts with a CNAME.",
        },
      },
      {
        title: { "zh-CN": "避免直接使用根域名", en: "Avoid the bare apex domain" },
        detail: {
          "zh-CN": "根域名（如 `example.com`）通常不能与 MX、NS 等记录共存 CNAME，建议使用 `api.example.com` 这类子域名来绑定。",
          en: "An apex domain such as `example.com` usually cannot hold a CNAME alongside its MX and NS records, so bind a subdomain like `api.example.com` instead.",
        },
      },
      {
        title: { "zh-CN": "验证解析是否生效", en: "Verify the record resolves" },
        detail: {
          "zh-CN":
            "执行 `dig +short CNAME api.example.com` 或 `nslookup -type=CNAME api.example.com`，结果应为分组二级域名；可以再用 `dig @223.5.5.5 +short CNAME api.example.com` 查询公共 DNS，确认不是本地缓存。",
          en: "Run `dig +short CNAME api.example.com` or `nslookup -type=CNAME api.example.com`; the answer must be the group's second-level domain. Also query a public resolver, e.g. `dig @223.5.5.5 +short CNAME api.example.com`, to rule out local caching.",
        },
      },
      {
        title: { "zh-CN": "等待旧记录 TTL 过期", en: "Wait for the old record's TTL" },
        detail: {
          "zh-CN": "如果是修改已有记录，需等旧记录的 TTL（可在 `dig` 输出中看到剩余秒数）过期后，各地递归 DNS 才会返回新值。",
          en: "When you changed an existing record, resolvers keep the old answer until its TTL (the remaining seconds are visible in the `dig` output) runs out.",
        },
      },
      {
        title: { "zh-CN": "重新绑定域名", en: "Bind the domain again" },
        detail: {
          "zh-CN": "解析生效后，重新调用 SetDomain(GroupId + DomainName)或在控制台重新绑定。",
          en: "Once the record resolves, call SetDomain again with GroupId and DomainName, or rebind it in the console.",
        },
      },
    ],
  },

  InvalidICPLicense: {
    title: {
      "zh-CN": "域名未备案或备案未接入阿里云",
      en: "Domain lacks an ICP filing with Alibaba Cloud",
    },
    explanation: {
      "zh-CN":
        "在中国内地地域的分组上绑定自定义域名（SetDomain）时，要求域名已在阿里云完成 ICP 备案；如果域名没有备案，或者备案是在其他服务商处办理、尚未接入阿里云，就会返回该错误。中国香港及海外地域的分组绑定域名不需要 ICP 备案。",
      en: "Binding a custom domain (SetDomain) to a group in a mainland China region requires the domain to have an ICP filing with Alibaba Cloud. If the domain has no filing, or it was filed with another provider and the filing has not been transferred in to Alibaba Cloud, this error is returned. Groups in Hong Kong (China) and regions outside mainland China do not need ICP filing.",
    },
    remediation: {
      "zh-CN":
        "未备案的域名需要在阿里云 ICP 代备案管理系统中办理首次备案；已在其他服务商备案的，需要在阿里云办理「接入备案」。接入备案需要备案服务号，通常需在阿里云有一台带公网 IP、购买时长不少于 3 个月的包年包月 ECS，按官方说明每台此类 ECS 可申请 5 个备案服务号。备案审核通过后再重新绑定域名；如果业务不必部署在内地，也可以改用中国香港或海外地域的分组。",
      en: "A domain without a filing needs a first-time ICP filing through Alibaba Cloud's ICP filing system; a domain already filed with another provider needs an ICP access (接入备案) at Alibaba Cloud. An access requires an ICP service number, which normally means having an Alibaba Cloud subscription ECS instance with a public IP purchased for at least 3 months; per the vendor, each such ECS provides 5 ICP service numbers. Rebind the domain after the filing is approved, or use a group in Hong Kong (China) or an overseas region if the service does not need to be in mainland China.",
    },
    checklist: [
      {
        title: { "zh-CN": "确认分组所在地域", en: "Check the group's region" },
        detail: {
          "zh-CN": "只有中国内地地域（如 cn-hangzhou、cn-beijing、cn-shanghai）的分组需要备案；中国香港（cn-hongkong）及海外地域无需备案。",
          en: "Only groups in mainland China regions (cn-hangzhou, cn-beijing, cn-shanghai, ...) need a filing; Hong Kong (cn-hongkong) and overseas regions do not.",
        },
      },
      {
        title: { "zh-CN": "查询域名备案状态", en: "Check the domain's filing status" },
        detail: {
          "zh-CN":
            "登录阿里云 ICP 代备案管理系统（备案控制台）查看该域名是否已有备案及当前进度，也可在工信部备案查询系统确认备案号和接入商。",
          en: "Sign in to Alibaba Cloud's ICP filing console to see whether the domain has a filing and its progress; the MIIT filing lookup also shows the filing number and the hosting provider it is registered with.",
        },
      },
      {
        title: { "zh-CN": "首次备案或接入备案", en: "File for the first time or transfer the filing in" },
        detail: {
          "zh-CN": "从未备案的域名在阿里云提交首次备案；已在其他服务商备案的，在阿里云提交接入备案，不需要注销原备案。",
          en: "Submit a first-time filing at Alibaba Cloud for a domain that was never filed; for a domain filed elsewhere, submit an ICP access at Alibaba Cloud without cancelling the existing filing.",
        },
      },
      {
        title: { "zh-CN": "准备备案服务号", en: "Obtain an ICP service number" },
        detail: {
          "zh-CN": "在备案控制台申请备案服务号：需要一台带公网 IP、购买时长 ≥ 3 个月的包年包月 ECS，按官方说明每台可申请 5 个备案服务号。",
          en: "Request an ICP service number in the filing console. It needs a subscription ECS instance with a public IP bought for at least 3 months; per the vendor each such ECS gives 5 ICP service numbers.",
        },
      },
      {
        title: { "zh-CN": "备案通过后重新绑定", en: "Rebind after approval" },
        detail: {
          "zh-CN": "备案审核通过后，确认域名已 CNAME 到分组二级域名，再调用 SetDomain 重新绑定。",
          en: "Once the filing is approved, make sure the domain is CNAME'd to the group's second-level domain and call SetDomain again.",
        },
      },
    ],
  },

  "Invalid%s.LengthLimit": {
    title: {
      "zh-CN": "参数 {param} 长度超限",
      en: "Parameter {param} is too long",
    },
    explanation: {
      "zh-CN":
        "参数 {param} 的长度超过了允许的最大值。错误码中的 `%s` 会替换为具体参数名，常见于 CreateApi、ModifyApi、CreateApiGroup、CreateApp 中的名称、描述等文本字段，以及较长的 JSON 配置字段。",
      en: "The value of {param} is longer than allowed. The `%s` in the code is replaced by the concrete parameter name; it is common for names, descriptions and other text fields, or long JSON configuration fields, in CreateApi, ModifyApi, CreateApiGroup and CreateApp.",
    },
    remediation: {
      "zh-CN":
        "查看该接口文档中 {param} 的长度限制，把内容精简到限制以内再提交。注意中文字符、URL 编码后的长度可能与肉眼看到的不同；描述类信息过长时可以只保留摘要，详细说明放到外部文档。",
      en: "Look up the length limit for {param} in the action's API reference and shorten the value to fit. Keep in mind that Chinese characters and URL-encoded content may count differently from what you see; for long descriptions, keep a summary and move the details to external documentation.",
    },
    checklist: [
      {
        title: { "zh-CN": "确认长度上限", en: "Find the length limit" },
        detail: {
          "zh-CN": "在 API 文档或控制台输入框的提示中查找 {param} 的最大长度。",
          en: "Find the maximum length of {param} in the API reference or in the hint next to the console field.",
        },
      },
      {
        title: { "zh-CN": "计算实际长度", en: "Measure the actual length" },
        detail: {
          "zh-CN": "在代码中打印 {param} 的字符数，留意首尾空格、换行及自动拼接的前后缀。",
          en: "Print the character count of {param} in your code, looking out for leading/trailing whitespace, line breaks and automatically added prefixes or suffixes.",
        },
      },
      {
        title: { "zh-CN": "精简后重试", en: "Shorten and retry" },
        detail: {
          "zh-CN": "截短或改写内容后重新提交；自动生成名称的脚本应在生成时就做长度校验。",
          en: "Trim or rewrite the value and resubmit; scripts that generate names should enforce the limit at generation time.",
        },
      },
    ],
  },

  InvalidApiDefault: {
    title: {
      "zh-CN": "流控 API 默认值超过上限",
      en: "Traffic control ApiDefault exceeds the limit",
    },
    explanation: {
      "zh-CN":
        "流控策略或流控插件中的 API 默认流控值（ApiDefault）超过了允许的上限。这个上限是 1 亿（100,000,000），与流控单位（秒、分钟、小时、天）无关，常见于 CreateTrafficControl、ModifyTrafficControl 以及创建或修改流控插件时。",
      en: "The default API limit (ApiDefault) in a traffic-control policy or plugin is above the allowed maximum. The cap is 100,000,000 regardless of the unit (second, minute, hour or day); it typically appears with CreateTrafficControl, ModifyTrafficControl and when creating or modifying a traffic-control plugin.",
    },
    remediation: {
      "zh-CN":
        "把 ApiDefault 调整到 100,000,000 以内。如果需要按天设置很大的总量，可以考虑换用更小的时间单位来表达同样的限流效果；同时保持 AppDefault < UserDefault < ApiDefault 的关系。",
      en: "Set ApiDefault to 100,000,000 or less. If you need a very large daily total, consider expressing the same limit with a shorter unit instead; keep AppDefault < UserDefault < ApiDefault at the same time.",
    },
    checklist: [
      {
        title: { "zh-CN": "检查 ApiDefault 的取值", en: "Check the ApiDefault value" },
        detail: {
          "zh-CN": "确认请求或插件配置中的 `ApiDefault`（插件 YAML 中为 `apiDefault`）不大于 100000000，单位字段不会放宽这个上限。",
          en: "Make sure `ApiDefault` in the request (or `apiDefault` in the plugin YAML) is not above 100000000; the unit field does not raise this cap.",
        },
      },
      {
        title: { "zh-CN": "换用合适的时间单位", en: "Pick a suitable unit" },
        detail: {
          "zh-CN": "例如每天 20 亿次的需求可以改为按分钟或秒来限制，使数值落在上限内。",
          en: "For example, a requirement of 2 billion calls per day can be expressed per minute or per second so the number stays under the cap.",
        },
      },
      {
        title: { "zh-CN": "同步检查其他默认值", en: "Check the other defaults as well" },
        detail: {
          "zh-CN": "修改 ApiDefault 后，确认 UserDefault 和 AppDefault 仍小于它，避免接着触发 InvalidUserDefault / InvalidAppDefault。",
          en: "After changing ApiDefault, confirm UserDefault and AppDefault are still below it so you do not trip InvalidUserDefault / InvalidAppDefault next.",
        },
      },
    ],
  },

  InvalidAppDefault: {
    title: {
      "zh-CN": "流控 APP 默认值不符合规则",
      en: "Traffic control AppDefault is out of order",
    },
    explanation: {
      "zh-CN":
        "流控策略中的 APP 默认流控值（AppDefault）必须小于用户默认值（UserDefault）和 API 默认值（ApiDefault），当前取值违反了这个层级关系。常见于 CreateTrafficControl、ModifyTrafficControl 及流控插件配置中把 AppDefault 设得过大，或只调低了 API/用户流控而忘了同步调整 APP 流控。",
      en: "The per-APP default limit (AppDefault) in a traffic-control policy must be smaller than both the per-user default (UserDefault) and the API default (ApiDefault), and the current value breaks that hierarchy. It typically happens in CreateTrafficControl, ModifyTrafficControl or a traffic-control plugin when AppDefault is set too high, or when the API or user limit was lowered without adjusting the APP limit.",
    },
    remediation: {
      "zh-CN":
        "按 AppDefault < UserDefault < ApiDefault 的顺序重新规划三个值，把 AppDefault 调到 UserDefault 和 ApiDefault 之下后重新提交。例如 ApiDefault=1000、UserDefault=500、AppDefault=100。",
      en: "Plan the three values in the order AppDefault < UserDefault < ApiDefault, lower AppDefault below both UserDefault and ApiDefault, and resubmit. For example ApiDefault=1000, UserDefault=500, AppDefault=100.",
    },
    checklist: [
      {
        title: { "zh-CN": "列出三个默认值", en: "List all three defaults" },
        detail: {
          "zh-CN": "从请求或 DescribeTrafficControls 的结果中取出 ApiDefault、UserDefault、AppDefault 及单位。",
          en: "Take ApiDefault, UserDefault, AppDefault and the unit from the request or from DescribeTrafficControls.",
        },
      },
      {
        title: { "zh-CN": "检查大小关系", en: "Check their order" },
        detail: {
          "zh-CN": "确认 AppDefault 同时小于 UserDefault 和 ApiDefault；修改策略时也要核对已有的特殊流控（特殊 APP）是否合理。",
          en: "Make sure AppDefault is smaller than both UserDefault and ApiDefault; when modifying a policy, also review any existing special (per-APP) limits.",
        },
      },
      {
        title: { "zh-CN": "调整后重新提交", en: "Adjust and resubmit" },
        detail: {
          "zh-CN": "调低 AppDefault（或相应调高另外两个值，但 ApiDefault 不超过 1 亿）后再次调用。",
          en: "Lower AppDefault (or raise the other two, keeping ApiDefault at or below 100,000,000) and call again.",
        },
      },
    ],
  },

  InvalidUserDefault: {
    title: {
      "zh-CN": "流控用户默认值不符合规则",
      en: "Traffic control UserDefault is out of order",
    },
    explanation: {
      "zh-CN":
        "流控策略中的用户默认流控值（UserDefault）必须大于 APP 默认值（AppDefault）且小于 API 默认值（ApiDefault），当前取值不在这个区间内。常见于 CreateTrafficControl、ModifyTrafficControl 或流控插件中调整某一个值后，三者的层级关系被打破。",
      en: "The per-user default limit (UserDefault) in a traffic-control policy must be larger than AppDefault and smaller than ApiDefault, and the current value falls outside that range. It usually shows up in CreateTrafficControl, ModifyTrafficControl or a traffic-control plugin after one of the values was changed and the hierarchy broke.",
    },
    remediation: {
      "zh-CN": "把 UserDefault 调整到 AppDefault 与 ApiDefault 之间，保证 AppDefault < UserDefault < ApiDefault，然后重新提交。",
      en: "Move UserDefault between AppDefault and ApiDefault so that AppDefault < UserDefault < ApiDefault, then resubmit.",
    },
    checklist: [
      {
        title: { "zh-CN": "列出三个默认值", en: "List all three defaults" },
        detail: {
          "zh-CN": "从请求参数或插件配置中取出 ApiDefault、UserDefault、AppDefault，确认使用的是同一个时间单位。",
          en: "Take ApiDefault, UserDefault and AppDefault from the request or plugin configuration and confirm they share the same unit.",
        },
      },
      {
        title: { "zh-CN": "检查 UserDefault 是否落在区间内", en: "Check UserDefault is in range" },
        detail: {
          "zh-CN": "UserDefault 应大于 AppDefault、小于 ApiDefault；若 ApiDefault 被调低，往往需要同步调低 UserDefault。",
          en: "UserDefault must exceed AppDefault and stay below ApiDefault; lowering ApiDefault often means lowering UserDefault too.",
        },
      },
      {
        title: { "zh-CN": "调整后重新提交", en: "Adjust and resubmit" },
        detail: {
          "zh-CN": "修改 UserDefault（必要时一并调整 AppDefault）后重新调用 CreateTrafficControl / ModifyTrafficControl。",
          en: "Change UserDefault (and AppDefault if necessary), then call CreateTrafficControl / ModifyTrafficControl again.",
        },
      },
    ],
  },

  InvalidParamMapping: {
    title: {
      "zh-CN": "前后端参数映射不完整",
      en: "Frontend-backend parameter mapping incomplete",
    },
    explanation: {
      "zh-CN":
        "在参数映射模式下创建或修改 API（CreateApi、ModifyApi）时，要求前端的每一个请求参数都映射到一个后端参数，当前有请求参数没有配置对应的后端参数名称。通常是 RequestParameters 中新增了参数，但 ServiceParameters / ServiceParametersMap 没有同步补上。",
      en: "When an API is created or modified in parameter-mapping mode (CreateApi, ModifyApi), every frontend request parameter must be mapped to a backend parameter, and at least one request parameter has no backend name configured. Usually a parameter was added to RequestParameters without a matching entry in ServiceParameters / ServiceParametersMap.",
    },
    remediation: {
      "zh-CN":
        "为 RequestParameters 中的每个参数都在 ServiceParameters 中定义后端参数，并在 ServiceParametersMap 中建立 `RequestParameterName` → `ServiceParameterName` 的映射。如果不需要网关做参数映射，也可以改用透传模式（RequestMode 为 PASSTHROUGH）。",
      en: "For every parameter in RequestParameters, define a backend parameter in ServiceParameters and add a `RequestParameterName` → `ServiceParameterName` entry to ServiceParametersMap. If you do not need the gateway to map parameters, switch to pass-through mode (RequestMode set to PASSTHROUGH) instead.",
    },
    checklist: [
      {
        title: { "zh-CN": "列出所有前端参数", en: "List all frontend parameters" },
        detail: {
          "zh-CN": "从 RequestParameters 中提取所有 ApiParameterName，包括 Path、Query、Header、Body 各个位置的参数。",
          en: "Collect every ApiParameterName from RequestParameters, covering path, query, header and body parameters.",
        },
      },
      {
        title: { "zh-CN": "逐一核对映射关系", en: "Check each mapping" },
        detail: {
          "zh-CN":
            "确认每个前端参数在 ServiceParametersMap 中都有一条映射，且映射的后端参数在 ServiceParameters 中确实存在，名称大小写一致。",
          en: "Make sure each frontend parameter has an entry in ServiceParametersMap and that the mapped backend parameter really exists in ServiceParameters with matching case.",
        },
      },
      {
        title: { "zh-CN": "确认请求模式", en: "Confirm the request mode" },
        detail: {
          "zh-CN": "检查 RequestConfig 中的 RequestMode:MAPPING 模式必须全映射；若只想透传，可以改为 PASSTHROUGH。",
          en: "Check RequestMode in RequestConfig: MAPPING requires a full mapping; use PASSTHROUGH if you only want to forward parameters.",
        },
      },
    ],
  },

  InvalidOwnerAccount: {
    title: {
      "zh-CN": "APP 所有者账号无效",
      en: "Invalid APP owner account",
    },
    explanation: {
      "zh-CN":
        "授权时填写的 APP 所有者账号无效。把 API 授权给其他阿里云账号下的 APP 时（如 SetApisAuthorities 等授权操作），需要提供对方的阿里云账号，账号写错、格式不对或账号不存在都会导致该错误。",
      en: "The APP owner account given for the authorization is invalid. When you authorize APIs to an APP owned by another Alibaba Cloud account (SetApisAuthorities and similar authorization operations), you must supply that account; a mistyped, badly formatted or non-existent account causes this error.",
    },
    remediation: {
      "zh-CN": "向 APP 所有者确认其阿里云账号（登录邮箱/账号名），核对无误后重新提交授权。注意应填写主账号，而不是 RAM 用户名。",
      en: "Confirm the Alibaba Cloud account (login email or account name) with the APP owner, double-check it and submit the authorization again. Use the main account, not a RAM user name.",
    },
    checklist: [
      {
        title: { "zh-CN": "向对方确认账号", en: "Confirm the account with the owner" },
        detail: {
          "zh-CN": "请 APP 所有者提供主账号的登录账号，最好直接复制而不是手工输入。",
          en: "Ask the APP owner for the main account's login name, ideally copied rather than typed.",
        },
      },
      {
        title: { "zh-CN": "检查格式与多余字符", en: "Check format and stray characters" },
        detail: {
          "zh-CN": "去掉首尾空格，确认没有全角字符，邮箱格式完整。",
          en: "Trim whitespace, make sure there are no full-width characters, and that the email address is complete.",
        },
      },
      {
        title: { "zh-CN": "确认 APP 归属", en: "Confirm the APP's owner" },
        detail: {
          "zh-CN": "确认要授权的 APP 确实属于该账号，且 APP 与 API 在同一地域。",
          en: "Check that the APP really belongs to that account and is in the same region as the API.",
        },
      },
    ],
  },

  ServiceForbidden: {
    title: {
      "zh-CN": "账号被风控限制",
      en: "Account restricted by risk control",
    },
    explanation: {
      "zh-CN":
        "您的 API 网关服务（实际是账号）被风控系统限制，管控操作被拒绝。通常与短时间内异常频繁的请求、账号存在安全风险或违规内容有关，限制期间 CreateApi、DeployApi 等变更类调用都可能失败。",
      en: "Your API Gateway service (in practice, your account) has been restricted by risk control and management operations are being refused. It is usually linked to unusually frequent requests in a short time, a security risk on the account, or content violations; while it lasts, change calls such as CreateApi and DeployApi may all fail.",
    },
    remediation: {
      "zh-CN":
        "先停止高频或批量的自动化调用，稍后再试。查看站内信、邮件和短信中是否有风控或安全通知，按通知处理；若无法自行解除，带上 `RequestId` 提交工单。",
      en: "Stop high-frequency or bulk automated calls first and try again later. Check your Alibaba Cloud messages, email and SMS for risk-control or security notices and follow them; if you cannot lift the restriction yourself, open a ticket with the `RequestId`.",
    },
    checklist: [
      {
        title: { "zh-CN": "暂停高频调用", en: "Pause high-frequency calls" },
        detail: {
          "zh-CN": "停掉循环重试、批量导入等脚本，降低调用频率后再观察。",
          en: "Stop retry loops, bulk imports and similar scripts, then observe with a lower call rate.",
        },
      },
      {
        title: { "zh-CN": "查看风控与安全通知", en: "Read risk-control and security notices" },
        detail: {
          "zh-CN": "检查控制台站内信、账号邮箱和短信，确认限制原因及需要完成的整改。",
          en: "Check console messages, the account email and SMS for the reason and any required remediation.",
        },
      },
      {
        title: { "zh-CN": "提交工单", en: "Open a ticket" },
        detail: {
          "zh-CN": "无法自行解除时提交工单，说明业务场景并附上 `RequestId`。",
          en: "If you cannot resolve it yourself, open a ticket describing your use case and include the `RequestId`.",
        },
      },
    ],
  },

  ServiceUnOpen: {
    title: {
      "zh-CN": "API 网关服务未开通",
      en: "API Gateway service not activated",
    },
    explanation: {
      "zh-CN":
        "当前账号还没有开通 API 网关服务，所有管控接口调用都会被拒绝。常见于新账号首次调用 CreateApiGroup、CreateApi，或者用 RAM 用户调用时所属主账号尚未开通服务。",
      en: "The account has not activated API Gateway yet, so every management call is refused. It is common when a new account first calls CreateApiGroup or CreateApi, or when a RAM user calls on behalf of a main account that has never activated the service.",
    },
    remediation: {
      "zh-CN": "由主账号登录阿里云官网，进入 API 网关产品页或控制台按提示开通服务，开通后再重新调用。",
      en: "Sign in with the main account, go to the API Gateway product page or console and activate the service as prompted, then call again.",
    },
    checklist: [
      {
        title: { "zh-CN": "确认调用账号", en: "Confirm the calling account" },
        detail: {
          "zh-CN": "确认 AccessKey 所属的主账号是否就是预期账号，避免用错了测试账号或其他账号的凭证。",
          en: "Check that the main account behind the AccessKey is the one you expect, not a test or unrelated account.",
        },
      },
      {
        title: { "zh-CN": "开通 API 网关", en: "Activate API Gateway" },
        detail: {
          "zh-CN": "用主账号打开 API 网关控制台，按页面提示完成开通（需完成实名认证）。",
          en: "Open the API Gateway console with the main account and follow the prompt to activate it (real-name verification is required).",
        },
      },
      {
        title: { "zh-CN": "重新调用验证", en: "Call again to verify" },
        detail: {
          "zh-CN": "开通后调用 DescribeApiGroups 等只读接口验证服务已可用。",
          en: "After activation, call a read-only action such as DescribeApiGroups to verify the service is available.",
        },
      },
    ],
  },

  ServiceInDept: {
    title: {
      "zh-CN": "API 网关服务欠费",
      en: "API Gateway service in arrears",
    },
    explanation: {
      "zh-CN":
        "账号存在欠费，API 网关服务因此被停用或受限，管控操作会被拒绝。常见于余额不足导致按量付费账单无法扣款，或存在未结清的账单，此时 CreateApi、DeployApi 等调用都会失败。",
      en: "The account has an overdue balance, so API Gateway has been suspended or restricted and management operations are refused. It typically happens when a pay-as-you-go bill cannot be charged because the balance is too low, or when earlier bills are unpaid; calls such as CreateApi and DeployApi then fail.",
    },
    remediation: {
      "zh-CN":
        "到费用与成本（费用中心）查看欠费金额并充值或结清账单，欠费结清后服务会恢复，再重新调用。建议设置余额预警，避免再次欠费停服。",
      en: "Go to Expenses and Costs (Billing Management), check the overdue amount and top up or settle the bills; the service resumes once the balance is cleared, then call again. Set up a low-balance alert to avoid another suspension.",
    },
    checklist: [
      {
        title: { "zh-CN": "查看欠费情况", en: "Check the overdue balance" },
        detail: {
          "zh-CN": "在费用中心查看账户余额、欠费金额和未结清账单。",
          en: "In Billing Management, check the account balance, the overdue amount and any unpaid bills.",
        },
      },
      {
        title: { "zh-CN": "充值或结清账单", en: "Top up or settle bills" },
        detail: {
          "zh-CN": "充值足够金额或支付未结账单；涉及企业付款时联系财务尽快处理。",
          en: "Add enough funds or pay the outstanding bills; if company payment is involved, ask finance to handle it promptly.",
        },
      },
      {
        title: { "zh-CN": "确认服务恢复并设置预警", en: "Confirm recovery and set alerts" },
        detail: {
          "zh-CN": "结清后调用 DescribeApiGroups 确认服务恢复，并在费用中心配置余额预警。",
          en: "After settling, call DescribeApiGroups to confirm the service is back, and configure a balance alert in Billing Management.",
        },
      },
    ],
  },

  EqualSignature: {
    title: {
      "zh-CN": "新的后端签名密钥与原密钥相同",
      en: "New backend signature key equals the old one",
    },
    explanation: {
      "zh-CN":
        "修改后端签名密钥（ModifySignature）时，新提交的 SignatureKey 和 SignatureSecret 与原来完全一样，服务端认为没有变化而拒绝。通常是脚本把原值原样提交，或者本意是轮换密钥却没有生成新值。",
      en: "When modifying a backend signature key (ModifySignature), the submitted SignatureKey and SignatureSecret are identical to the existing ones, so the service refuses the no-op change. Usually a script resubmitted the old values, or a key rotation forgot to generate new ones.",
    },
    remediation: {
      "zh-CN":
        "生成新的 Key 和 Secret 后再提交，例如用 `openssl rand -hex 16` 生成随机值。如果只是想修改签名名称而不换密钥，确认是否真的需要调用该接口。轮换密钥时记得同步更新后端服务的校验配置。",
      en: "Generate a new Key and Secret before submitting, for example with `openssl rand -hex 16`. If you only meant to rename the signature without changing the key, check whether the call is needed at all. When rotating, remember to update the backend's verification settings too.",
    },
    checklist: [
      {
        title: { "zh-CN": "确认当前密钥", en: "Check the current key" },
        detail: {
          "zh-CN": "用 DescribeSignatures 查看现有的 SignatureKey，与本次要提交的值对比。",
          en: "Look up the existing SignatureKey with DescribeSignatures and compare it with the value you are submitting.",
        },
      },
      {
        title: { "zh-CN": "生成新的 Key 和 Secret", en: "Generate a new Key and Secret" },
        detail: {
          "zh-CN": "用 `openssl rand -hex 16` 等方式生成新值，并满足文档中的长度与字符要求。",
          en: "Create new values with `openssl rand -hex 16` or similar, meeting the documented length and character rules.",
        },
      },
      {
        title: { "zh-CN": "同步后端配置", en: "Update the backend" },
        detail: {
          "zh-CN": "提交成功后，在后端服务中更新用于验签的 Key/Secret，避免验签失败。",
          en: "After the change succeeds, update the Key/Secret your backend uses to verify signatures so verification keeps working.",
        },
      },
    ],
  },

  CertificateNotMatch: {
    title: {
      "zh-CN": "证书中的域名与绑定域名不匹配",
      en: "Certificate does not cover the domain",
    },
    explanation: {
      "zh-CN":
        "上传域名证书（SetDomainCertificate）时，证书的 CN 和 SAN 中都不包含要绑定的自定义域名。常见原因有：上传了其他域名的证书、通配符证书覆盖不到多级子域名或根域名、证书链第一张不是服务器证书而是中间证书。",
      en: "When uploading a domain certificate (SetDomainCertificate), neither the certificate's CN nor its SAN entries include the custom domain being bound. Common causes are a certificate issued for another domain, a wildcard certificate that does not cover a deeper subdomain or the apex domain, or a chain whose first certificate is an intermediate rather than the server certificate.",
    },
    remediation: {
      "zh-CN":
        "用 `openssl x509 -noout -subject -ext subjectAltName -in cert.pem` 查看证书覆盖的域名，确认其中包含该自定义域名。注意通配符只匹配一级：`*.example.com` 能覆盖 `api.example.com`，但覆盖不了 `example.com` 和 `a.api.example.com`。不匹配时需为该域名重新签发或更换证书。",
      en: "Run `openssl x509 -noout -subject -ext subjectAltName -in cert.pem` to see which names the certificate covers and make sure the custom domain is among them. Wildcards match exactly one label: `*.example.com` covers `api.example.com` but not `example.com` or `a.api.example.com`. If it does not match, issue or obtain a certificate for that domain.",
    },
    checklist: [
      {
        title: { "zh-CN": "查看证书覆盖的域名", en: "List the names in the certificate" },
        detail: {
          "zh-CN":
            "执行 `openssl x509 -noout -subject -ext subjectAltName -in cert.pem`（OpenSSL 1.1.1 以上），检查 CN 与 DNS 条目；旧版本可用 `openssl x509 -noout -text -in cert.pem` 查找 Subject Alternative Name。",
          en: "Run `openssl x509 -noout -subject -ext subjectAltName -in cert.pem` (OpenSSL 1.1.1+) and check the CN and DNS entries; on older versions use `openssl x509 -noout -text -in cert.pem` and look for Subject Alternative Name.",
        },
      },
      {
        title: { "zh-CN": "核对通配符规则", en: "Check wildcard rules" },
        detail: {
          "zh-CN": "`*.example.com` 只匹配一级子域名，不匹配根域名和多级子域名；根域名需要证书中单独列出 `example.com`。",
          en: "`*.example.com` matches only one label below example.com; it matches neither the apex nor deeper subdomains, so the apex must be listed separately as `example.com`.",
        },
      },
      {
        title: { "zh-CN": "确认证书链顺序", en: "Check the chain order" },
        detail: {
          "zh-CN": "PEM 文件中第一张必须是服务器（叶子）证书，后面依次是中间证书；若第一张是中间证书，网关会拿它去比对域名。",
          en: "The first certificate in the PEM file must be the server (leaf) certificate, followed by the intermediates; if an intermediate comes first, the gateway compares the domain against it.",
        },
      },
      {
        title: { "zh-CN": "确认绑定的域名", en: "Confirm the domain being bound" },
        detail: {
          "zh-CN": "核对请求中的 DomainName 是否与证书签发的域名一致，注意 `www` 前缀等细微差别。",
          en: "Make sure the DomainName in the request is the one the certificate was issued for, watching for differences such as a `www` prefix.",
        },
      },
      {
        title: { "zh-CN": "必要时重新签发证书", en: "Reissue the certificate if needed" },
        detail: {
          "zh-CN": "证书确实不包含该域名时，为其申请新证书（可在数字证书管理服务中申请），再重新上传。",
          en: "If the certificate really does not include the domain, get a new one (for example through Certificate Management Service) and upload it again.",
        },
      },
    ],
  },

  CertificateKeyNotMatch: {
    title: {
      "zh-CN": "证书与私钥不匹配",
      en: "Certificate and private key do not match",
    },
    explanation: {
      "zh-CN":
        "上传证书（SetDomainCertificate）时，私钥与证书中的公钥不是一对。常见原因是证书重新签发后仍在用旧私钥、多个证书的文件拿混了，或者证书链中第一张放的是中间证书而不是服务器证书。",
      en: "When uploading a certificate (SetDomainCertificate), the private key does not belong to the public key in the certificate. Typical causes are an old private key used with a reissued certificate, files mixed up between several certificates, or a chain whose first certificate is an intermediate instead of the server certificate.",
    },
    remediation: {
      "zh-CN":
        "分别从证书和私钥导出公钥并比对哈希：`openssl x509 -noout -pubkey -in cert.pem | openssl sha256` 与 `openssl pkey -in key.pem -pubout | openssl sha256`，两者必须一致。不一致时找到与证书配对的私钥；如果私钥已丢失，只能用新的私钥重新签发证书。",
      en: "Extract the public key from both files and compare the hashes: `openssl x509 -noout -pubkey -in cert.pem | openssl sha256` versus `openssl pkey -in key.pem -pubout | openssl sha256`; they must be identical. If they differ, find the key that belongs to the certificate; if it is lost, the certificate has to be reissued with a new key.",
    },
    checklist: [
      {
        title: { "zh-CN": "比对公钥哈希", en: "Compare public-key hashes" },
        detail: {
          "zh-CN":
            "执行 `openssl x509 -noout -pubkey -in cert.pem | openssl sha256` 和 `openssl pkey -in key.pem -pubout | openssl sha256`，输出应完全相同。",
          en: "Run `openssl x509 -noout -pubkey -in cert.pem | openssl sha256` and `openssl pkey -in key.pem -pubout | openssl sha256`; the outputs must be identical.",
        },
      },
      {
        title: { "zh-CN": "RSA 证书可比对 modulus", en: "For RSA, compare the modulus" },
        detail: {
          "zh-CN":
            "也可以用 `openssl x509 -noout -modulus -in cert.pem | openssl md5` 与 `openssl rsa -noout -modulus -in key.pem | openssl md5` 比对。",
          en: "Alternatively compare `openssl x509 -noout -modulus -in cert.pem | openssl md5` with `openssl rsa -noout -modulus -in key.pem | openssl md5`.",
        },
      },
      {
        title: { "zh-CN": "检查证书链第一张", en: "Check the first certificate in the chain" },
        detail: {
          "zh-CN": "确认 PEM 文件中第一张是服务器证书、后面才是中间证书；顺序反了会导致比对的是中间证书的公钥。",
          en: "Make sure the PEM file starts with the server certificate followed by the intermediates; if reversed, the intermediate's public key is compared instead.",
        },
      },
      {
        title: { "zh-CN": "找回配对私钥或重新签发", en: "Find the matching key or reissue" },
        detail: {
          "zh-CN": "在生成 CSR 的机器或证书服务的下载包中找到对应私钥；找不到时用新私钥重新签发证书后上传。",
          en: "Look for the key on the machine that generated the CSR or in the certificate service's download package; if it cannot be found, reissue the certificate with a new key and upload that.",
        },
      },
    ],
  },

  PrivateKeyEncrypted: {
    title: {
      "zh-CN": "私钥带有密码保护",
      en: "Private key is encrypted",
    },
    explanation: {
      "zh-CN":
        "上传证书（SetDomainCertificate）时提供的私钥是加密的（受口令保护），网关只接受未加密的私钥。这类私钥的 PEM 头通常是 `-----BEGIN ENCRYPTED PRIVATE KEY-----`，或者在 `BEGIN RSA PRIVATE KEY` 下方带有 `Proc-Type: 4,ENCRYPTED` 行。",
      en: "The private key supplied to SetDomainCertificate is encrypted (passphrase-protected), and the gateway only accepts unencrypted keys. Such keys usually start with `-----BEGIN ENCRYPTED PRIVATE KEY-----`, or have a `Proc-Type: 4,ENCRYPTED` line under `BEGIN RSA PRIVATE KEY`.",
    },
    remediation: {
      "zh-CN":
        "用口令解密后再上传：`openssl pkey -in enc.key -out plain.key`（会提示输入口令）。上传后妥善处理明文私钥文件，例如 `chmod 600 plain.key`，用完及时删除，不要提交到代码仓库。",
      en: "Decrypt the key with its passphrase and upload the result: `openssl pkey -in enc.key -out plain.key` (you will be prompted for the passphrase). Handle the plain key carefully afterwards, e.g. `chmod 600 plain.key`, delete it when done and never commit it to a repository.",
    },
    checklist: [
      {
        title: { "zh-CN": "确认私钥是否加密", en: "Check whether the key is encrypted" },
        detail: {
          "zh-CN": "执行 `head -3 key.pem`，若出现 `ENCRYPTED PRIVATE KEY` 或 `Proc-Type: 4,ENCRYPTED`，说明私钥受口令保护。",
          en: "Run `head -3 key.pem`; `ENCRYPTED PRIVATE KEY` or `Proc-Type: 4,ENCRYPTED` means the key is passphrase-protected.",
        },
      },
      {
        title: { "zh-CN": "解密私钥", en: "Decrypt the key" },
        detail: {
          "zh-CN":
            "执行 `openssl pkey -in enc.key -out plain.key` 并输入口令；旧格式 RSA 私钥也可用 `openssl rsa -in enc.key -out plain.key`。",
          en: "Run `openssl pkey -in enc.key -out plain.key` and enter the passphrase; for legacy RSA keys `openssl rsa -in enc.key -out plain.key` also works.",
        },
      },
      {
        title: { "zh-CN": "验证解密结果", en: "Verify the result" },
        detail: {
          "zh-CN": "执行 `openssl pkey -in plain.key -noout`，不再提示口令且无报错即可；再与证书比对公钥确认配对。",
          en: "Run `openssl pkey -in plain.key -noout`; it should not ask for a passphrase or print errors. Then compare the public key with the certificate to confirm they pair.",
        },
      },
      {
        title: { "zh-CN": "上传并清理明文私钥", en: "Upload and clean up" },
        detail: {
          "zh-CN": "用明文私钥重新调用 SetDomainCertificate，完成后删除或妥善保管 plain.key。",
          en: "Call SetDomainCertificate again with the plain key, then delete plain.key or store it securely.",
        },
      },
    ],
  },

  CertificateSecretKeyError: {
    title: {
      "zh-CN": "证书私钥无效",
      en: "Invalid certificate private key",
    },
    explanation: {
      "zh-CN":
        "上传证书（SetDomainCertificate）时，私钥内容无法被正确解析。常见原因有：粘贴了证书而不是私钥、内容被截断或缺少 BEGIN/END 行、混入了多余字符或错误换行，以及私钥不是 PEM 格式（例如 PFX/JKS 或 DER 二进制）。",
      en: "When uploading a certificate (SetDomainCertificate), the private key content could not be parsed. Common causes are pasting the certificate instead of the key, truncated content or missing BEGIN/END lines, stray characters or broken line endings, and a key that is not PEM (for example PFX/JKS or binary DER).",
    },
    remediation: {
      "zh-CN":
        "先用 `openssl pkey -in key.pem -noout` 验证私钥能否被解析。非 PEM 格式需要先转换，例如从 PFX 中导出：`openssl pkcs12 -in cert.pfx -nocerts -nodes -out key.pem`。确认私钥完整包含 BEGIN/END 行、没有多余空格后重新上传。",
      en: "Check that the key parses with `openssl pkey -in key.pem -noout`. Convert non-PEM keys first, for example extract one from a PFX file with `openssl pkcs12 -in cert.pfx -nocerts -nodes -out key.pem`. Make sure the key includes its BEGIN/END lines without extra whitespace, then upload it again.",
    },
    checklist: [
      {
        title: { "zh-CN": "验证私钥可被解析", en: "Verify the key parses" },
        detail: {
          "zh-CN": "执行 `openssl pkey -in key.pem -noout`，有报错说明内容或格式有问题。",
          en: "Run `openssl pkey -in key.pem -noout`; any error means the content or format is wrong.",
        },
      },
      {
        title: { "zh-CN": "确认粘贴的是私钥", en: "Make sure it is the key" },
        detail: {
          "zh-CN":
            "私钥以 `-----BEGIN PRIVATE KEY-----`、`-----BEGIN RSA PRIVATE KEY-----` 或 `-----BEGIN EC PRIVATE KEY-----` 开头；以 `BEGIN CERTIFICATE` 开头的是证书，不能放在私钥字段。",
          en: "A key starts with `-----BEGIN PRIVATE KEY-----`, `-----BEGIN RSA PRIVATE KEY-----` or `-----BEGIN EC PRIVATE KEY-----`; content starting with `BEGIN CERTIFICATE` is a certificate and does not belong in the key field.",
        },
      },
      {
        title: { "zh-CN": "转换为 PEM 格式", en: "Convert to PEM" },
        detail: {
          "zh-CN":
            "PFX:`openssl pkcs12 -in cert.pfx -nocerts -nodes -out key.pem`；DER:`openssl pkey -inform DER -in key.der -out key.pem`。JKS 需先用 keytool 导出为 PKCS#12。",
          en: "PFX: `openssl pkcs12 -in cert.pfx -nocerts -nodes -out key.pem`; DER: `openssl pkey -inform DER -in key.der -out key.pem`. Export JKS to PKCS#12 with keytool first.",
        },
      },
      {
        title: { "zh-CN": "检查内容完整性与换行", en: "Check completeness and line endings" },
        detail: {
          "zh-CN": "确认 BEGIN/END 行齐全、中间没有空行或多余空格；在 Windows 编辑过的文件可用 `dos2unix key.pem` 统一换行。",
          en: "Make sure the BEGIN/END lines are present with no blank lines or extra spaces in between; files edited on Windows can be normalised with `dos2unix key.pem`.",
        },
      },
      {
        title: { "zh-CN": "必要时转换私钥格式", en: "Try the traditional key format if needed" },
        detail: {
          "zh-CN":
            "若 PKCS#8 格式仍被拒绝，可转换为传统 RSA 格式后再试：`openssl rsa -in key.pem -traditional -out key_rsa.pem`（OpenSSL 3.x）。",
          en: "If a PKCS#8 key is still rejected, try the traditional RSA format: `openssl rsa -in key.pem -traditional -out key_rsa.pem` (OpenSSL 3.x).",
        },
      },
    ],
  },

  InvalidApiServiceAddress: {
    title: {
      "zh-CN": "API 后端服务地址无效",
      en: "Invalid API backend service address",
    },
    explanation: {
      "zh-CN":
        "创建或修改 API（CreateApi、ModifyApi）时，ServiceConfig 中配置的后端服务地址（ServiceAddress）不符合要求。常见原因包括缺少 `http://` 或 `https://` 协议头、把路径写进了地址、端口或主机名格式错误，或者填写了网关不允许直接访问的内网地址。",
      en: "The backend address (ServiceAddress) in ServiceConfig is not acceptable when creating or modifying an API (CreateApi, ModifyApi). Typical causes are a missing `http://` or `https://` scheme, a path included in the address, a malformed port or host name, or a private address the gateway is not allowed to reach directly.",
    },
    remediation: {
      "zh-CN":
        "按 `http(s)://host[:port]` 的格式填写 ServiceAddress，后端路径放到 ServicePath 中。如果后端在 VPC 内，不要直接填内网 IP，应先创建 VPC 授权（SetVpcAccess），再在 ServiceConfig 中启用 VPC 通道。",
      en: "Write ServiceAddress as `http(s)://host[:port]` and put the backend path in ServicePath. For a backend inside a VPC, do not enter the private IP directly; create a VPC access (SetVpcAccess) first and enable the VPC channel in ServiceConfig.",
    },
    checklist: [
      {
        title: { "zh-CN": "检查地址格式", en: "Check the address format" },
        detail: {
          "zh-CN": "确认 ServiceAddress 形如 `http://backend.example.com:8080`，包含协议头，不含路径、查询串或结尾斜杠。",
          en: "Make sure ServiceAddress looks like `http://backend.example.com:8080`: scheme included, no path, query string or trailing slash.",
        },
      },
      {
        title: { "zh-CN": "路径放入 ServicePath", en: "Move the path to ServicePath" },
        detail: {
          "zh-CN": "后端路径（如 `/v1/users/[userId]`）应配置在 ServicePath 中，而不是拼在地址后面。",
          en: "The backend path (for example `/v1/users/[userId]`) belongs in ServicePath, not appended to the address.",
        },
      },
      {
        title: { "zh-CN": "内网后端使用 VPC 通道", en: "Use a VPC channel for private backends" },
        detail: {
          "zh-CN": "后端为 VPC 内的 ECS 或 SLB 时，先用 SetVpcAccess 创建授权，再在 API 后端配置中选择 VPC 类型。",
          en: "For an ECS or SLB backend inside a VPC, create a VPC access with SetVpcAccess and select the VPC backend type in the API's backend configuration.",
        },
      },
      {
        title: { "zh-CN": "确认域名可解析", en: "Confirm the host resolves" },
        detail: {
          "zh-CN": "用 `dig +short backend.example.com` 确认后端域名能解析到公网地址。",
          en: "Use `dig +short backend.example.com` to check that the backend host name resolves to a public address.",
        },
      },
    ],
  },

  // ---------------------------------------------------------------------------
  // OpenAPI-wide common errors
  // ---------------------------------------------------------------------------
  "InvalidApi.NotFound": {
    title: {
      "zh-CN": "接口不存在",
      en: "API action not found",
    },
    explanation: {
      "zh-CN":
        "服务端找不到请求的接口（Action），返回 HTTP 404。通常是 Action 名称拼写或大小写错误、Version 不对，或者请求发到了错误的产品 Endpoint。API 网关管控接口的版本为 `2016-07-14`，Endpoint 形如 `apigateway.cn-hangzhou.aliyuncs.com`。",
      en: "The service cannot find the requested action and returns HTTP 404. Usually the Action name is misspelled or has the wrong case, the Version is wrong, or the request went to another product's endpoint. API Gateway's management API uses version `2016-07-14` and endpoints like `apigateway.cn-hangzhou.aliyuncs.com`.",
    },
    remediation: {
      "zh-CN":
        "对照 API 文档核对 Action 名称（区分大小写，例如 `DescribeApiGroups` 而非 `describeApiGroups`）、Version 和 Endpoint，同时确认 HTTP 方法与请求 URL 正确。优先使用官方 SDK，可以避免手工拼写错误。",
      en: "Check the Action name (case-sensitive, e.g. `DescribeApiGroups`, not `describeApiGroups`), the Version and the endpoint against the API reference, and make sure the HTTP method and URL are right. Prefer the official SDK to avoid hand-typed mistakes.",
    },
    checklist: [
      {
        title: { "zh-CN": "核对 Action 名称", en: "Check the Action name" },
        detail: {
          "zh-CN": "逐字对照文档，注意大小写以及 Api/API 这类容易写错的地方。",
          en: "Compare it character by character with the reference, paying attention to case and easily confused spellings such as Api vs API.",
        },
      },
      {
        title: { "zh-CN": "核对 Version", en: "Check the Version" },
        detail: {
          "zh-CN": "API 网关管控接口的 Version 应为 `2016-07-14`。",
          en: "The API Gateway management API version must be `2016-07-14`.",
        },
      },
      {
        title: { "zh-CN": "核对 Endpoint 与方法", en: "Check the endpoint and method" },
        detail: {
          "zh-CN": "确认请求发往 `apigateway.<region>.aliyuncs.com`，而不是其他产品的域名，HTTP 方法为 GET 或 POST。",
          en: "Make sure the request goes to `apigateway.<region>.aliyuncs.com` rather than another product's domain, using GET or POST.",
        },
      },
    ],
  },

  "InvalidAccessKeyId.NotFound": {
    title: {
      "zh-CN": "AccessKeyId 不存在",
      en: "AccessKeyId not found",
    },
    explanation: {
      "zh-CN":
        "请求中的 AccessKeyId 在阿里云找不到，返回 HTTP 404。常见原因是 AccessKey 已被删除、复制时多了空格或少了字符、环境变量或配置文件读错了，或者用了其他云/其他环境的凭证。任何管控接口调用都会因此失败。",
      en: "The AccessKeyId in the request does not exist at Alibaba Cloud, so the service returns HTTP 404. Common causes are a deleted AccessKey, extra spaces or missing characters from copy-paste, the wrong environment variable or config file being read, or credentials from another cloud or environment. Every management call fails while this persists.",
    },
    remediation: {
      "zh-CN":
        "在 RAM 控制台确认该 AccessKeyId 是否仍然存在，并检查程序实际读取到的凭证来源（环境变量、配置文件、凭证链）。如果 AccessKey 已被删除，为对应 RAM 用户新建 AccessKey 并更新配置。",
      en: "Check in the RAM console whether the AccessKeyId still exists, and find out which credential source the program actually used (environment variables, config file, credential chain). If the key was deleted, create a new AccessKey for the RAM user and update the configuration.",
    },
    checklist: [
      {
        title: { "zh-CN": "确认程序实际使用的凭证", en: "Find the credentials actually used" },
        detail: {
          "zh-CN":
            "打印（脱敏后）SDK 使用的 AccessKeyId，检查 `ALIBABA_CLOUD_ACCESS_KEY_ID` 等环境变量和 `~/.aliyun/config.json` 是否与预期一致。",
          en: "Print the (masked) AccessKeyId used by the SDK and check the `ALIBABA_CLOUD_ACCESS_KEY_ID` environment variable and `~/.aliyun/config.json` against what you expect.",
        },
      },
      {
        title: { "zh-CN": "在 RAM 控制台核对", en: "Check in the RAM console" },
        detail: {
          "zh-CN": "在「身份管理 > 用户 > 认证管理」中确认该 AccessKeyId 存在；主账号 AccessKey 在 AccessKey 管理页面查看。",
          en: "Under Identities > Users > Authentication in the RAM console, confirm the AccessKeyId exists; main-account keys are listed on the AccessKey management page.",
        },
      },
      {
        title: { "zh-CN": "排查空格与截断", en: "Look for whitespace or truncation" },
        detail: {
          "zh-CN": "检查 AccessKeyId 首尾是否有空格、换行，或复制时被截断。",
          en: "Check the AccessKeyId for leading/trailing spaces, newlines or truncation from copy-paste.",
        },
      },
      {
        title: { "zh-CN": "必要时新建 AccessKey", en: "Create a new AccessKey if needed" },
        detail: {
          "zh-CN": "AccessKey 已删除时，为 RAM 用户新建 AccessKey，更新配置或密钥管理系统后重新部署。",
          en: "If the key is gone, create a new AccessKey for the RAM user, update the configuration or secret store, and redeploy.",
        },
      },
    ],
  },

  "InvalidAccessKeyId.Inactive": {
    title: {
      "zh-CN": "AccessKey 已被禁用",
      en: "AccessKey is disabled",
    },
    explanation: {
      "zh-CN":
        "请求使用的 AccessKey 存在，但处于禁用状态，因此所有调用都会被拒绝。通常是管理员在轮换密钥时禁用了旧 AccessKey、安全事件处理中停用了密钥，或者 RAM 用户本身被限制。",
      en: "The AccessKey exists but is disabled, so every call made with it is rejected. Usually an administrator disabled the old key during rotation, the key was deactivated while handling a security event, or the RAM user itself was restricted.",
    },
    remediation: {
      "zh-CN":
        "在 RAM 控制台查看该 AccessKey 的状态。如果是有意禁用的（例如密钥轮换），把应用切换到新的 AccessKey；确认安全后才重新启用旧密钥。如果怀疑泄露，不要重新启用，应新建密钥并删除旧密钥。",
      en: "Check the AccessKey's status in the RAM console. If it was disabled on purpose (for example during rotation), switch the application to the new key; re-enable the old one only if that is confirmed safe. If a leak is suspected, do not re-enable it: create a new key and delete the old one.",
    },
    checklist: [
      {
        title: { "zh-CN": "查看 AccessKey 状态", en: "Check the key's status" },
        detail: {
          "zh-CN": "在 RAM 控制台「身份管理 > 用户 > 认证管理」中查看该 AccessKey 是否为禁用状态。",
          en: "Under Identities > Users > Authentication in the RAM console, see whether the AccessKey is marked disabled.",
        },
      },
      {
        title: { "zh-CN": "了解禁用原因", en: "Find out why it was disabled" },
        detail: {
          "zh-CN": "向管理员确认是否在做密钥轮换或安全处置，也可通过操作审计（ActionTrail）查询谁在何时禁用了它。",
          en: "Ask the administrator whether a rotation or security response is under way, or look up in ActionTrail who disabled it and when.",
        },
      },
      {
        title: { "zh-CN": "切换到可用凭证", en: "Switch to valid credentials" },
        detail: {
          "zh-CN": "更新应用使用的新 AccessKey，或在确认安全后重新启用原密钥；更推荐改用 RAM 角色和 STS 临时凭证。",
          en: "Point the application at the new AccessKey, or re-enable the old one once it is confirmed safe; moving to RAM roles with STS credentials is even better.",
        },
      },
    ],
  },

  "InvalidTimeStamp.Format": {
    title: {
      "zh-CN": "时间戳格式错误",
      en: "Malformed timestamp",
    },
    explanation: {
      "zh-CN":
        "请求中的时间参数格式不符合要求，可能是 Timestamp 参数，也可能是 Date 请求头。Timestamp 要求为 ISO 8601 格式的 UTC 时间 `yyyy-MM-ddTHH:mm:ssZ`，例如 `2024-05-01T08:00:00Z`；常见错误是用了本地时间、带了毫秒或时区偏移、使用 Unix 时间戳数字，或者没有做 URL 编码。",
      en: "A time value in the request is not in the expected format; it may be the Timestamp parameter or the Date header. Timestamp must be a UTC time in ISO 8601 form `yyyy-MM-ddTHH:mm:ssZ`, e.g. `2024-05-01T08:00:00Z`; common mistakes are local time, milliseconds or a zone offset, a numeric Unix timestamp, or a value that was not URL-encoded.",
    },
    remediation: {
      "zh-CN":
        "用 UTC 时间按 `yyyy-MM-ddTHH:mm:ssZ` 格式生成 Timestamp（如 `date -u +%Y-%m-%dT%H:%M:%SZ`），并在签名和发送时按规则做百分号编码。使用官方 SDK 时不要手动覆盖时间参数。",
      en: "Generate Timestamp in UTC as `yyyy-MM-ddTHH:mm:ssZ` (for example `date -u +%Y-%m-%dT%H:%M:%SZ`) and percent-encode it when signing and sending. With the official SDK, do not override the time parameters by hand.",
    },
    checklist: [
      {
        title: { "zh-CN": "检查 Timestamp 的实际取值", en: "Inspect the actual Timestamp" },
        detail: {
          "zh-CN": "打印请求中的 Timestamp，确认形如 `2024-05-01T08:00:00Z`:以 Z 结尾、没有毫秒、没有 `+08:00`。",
          en: "Print the Timestamp sent and check it looks like `2024-05-01T08:00:00Z`: ending in Z, no milliseconds, no `+08:00`.",
        },
      },
      {
        title: { "zh-CN": "确认使用 UTC 时间", en: "Make sure it is UTC" },
        detail: {
          "zh-CN":
            '生成时显式指定 UTC 时区，例如 Java 用 `SimpleDateFormat` 时设置 `TimeZone.getTimeZone("UTC")`，Python 用 `datetime.now(timezone.utc)`。',
          en: 'Set the UTC zone explicitly when formatting, for example `TimeZone.getTimeZone("UTC")` with Java\'s `SimpleDateFormat` or `datetime.now(timezone.utc)` in Python.',
        },
      },
      {
        title: { "zh-CN": "检查 Date 请求头", en: "Check the Date header" },
        detail: {
          "zh-CN": "若请求带 Date 头，应为 RFC 1123 格式的 GMT 时间，例如 `Wed, 01 May 2024 08:00:00 GMT`。",
          en: "If the request carries a Date header, it must be an RFC 1123 GMT time such as `Wed, 01 May 2024 08:00:00 GMT`.",
        },
      },
      {
        title: { "zh-CN": "检查 URL 编码", en: "Check URL encoding" },
        detail: {
          "zh-CN": "冒号需编码为 `%3A`，确认签名用的字符串与实际发送的值编码方式一致。",
          en: "Colons must be encoded as `%3A`; make sure the value used for signing and the value sent are encoded the same way.",
        },
      },
    ],
  },

  "InvalidTimeStamp.Expired": {
    title: {
      "zh-CN": "时间戳已过期（时钟偏差过大）",
      en: "Timestamp expired (clock skew too large)",
    },
    explanation: {
      "zh-CN":
        "请求中的时间与阿里云服务器时间相差超过 15 分钟，服务端认为请求已过期。最常见的原因是调用方机器时钟不准（未开启 NTP、虚拟机挂起恢复后时间漂移、容器宿主机时钟偏差），也可能是把本地时间当成 UTC，或者请求签名后被缓存、延迟很久才发送。",
      en: "The time in the request differs from Alibaba Cloud's server time by more than 15 minutes, so the request is treated as expired. The usual cause is an inaccurate client clock (NTP not running, drift after a VM suspend/resume, a skewed container host), but it can also be local time sent as UTC, or a signed request that was cached and sent much later.",
    },
    remediation: {
      "zh-CN":
        "用 NTP/chrony 校准调用方机器的时钟（阿里云 ECS 可使用 `ntp.aliyun.com`），确认 Timestamp 使用 UTC 时间 `yyyy-MM-ddTHH:mm:ssZ`，并且每次请求都在发送前重新生成时间戳和签名。容器内时间取自宿主机，需要在宿主机上修正。",
      en: "Synchronise the client's clock with NTP/chrony (`ntp.aliyun.com` works well on Alibaba Cloud), make sure Timestamp is UTC in `yyyy-MM-ddTHH:mm:ssZ`, and generate a fresh timestamp and signature right before each request. Containers take their time from the host, so fix the clock on the host.",
    },
    checklist: [
      {
        title: { "zh-CN": "比对本机与标准时间", en: "Compare the local clock with real time" },
        detail: {
          "zh-CN": "执行 `date -u` 与可信时间源对比，或看响应头中的 `Date` 与本机 UTC 时间差多少。",
          en: "Run `date -u` and compare it with a trusted time source, or compare the `Date` response header with the local UTC time.",
        },
      },
      {
        title: { "zh-CN": "检查时间同步服务", en: "Check time synchronisation" },
        detail: {
          "zh-CN":
            "执行 `chronyc tracking` 查看 System time 偏移，`timedatectl` 确认 NTP 已启用；未同步时执行 `chronyc makestep` 立即校准。Windows 可用 `w32tm /query /status`。",
          en: "Run `chronyc tracking` to see the System time offset and `timedatectl` to confirm NTP is enabled; if unsynchronised, run `chronyc makestep` to correct it at once. On Windows use `w32tm /query /status`.",
        },
      },
      {
        title: { "zh-CN": "排查容器与虚拟机", en: "Check containers and VMs" },
        detail: {
          "zh-CN": "容器共享宿主机时钟，需在宿主机修正；虚拟机挂起恢复或快照回滚后容易出现较大偏差，恢复后应立即同步时间。",
          en: "Containers share the host clock, so fix it on the host; VMs resumed from suspension or restored from snapshots often drift badly and should resync right away.",
        },
      },
      {
        title: { "zh-CN": "确认 Timestamp 为 UTC", en: "Confirm Timestamp is UTC" },
        detail: {
          "zh-CN": "若本机时间准确但仍报错，检查是否把北京时间按 `Z` 结尾发送，这会造成整整 8 小时的偏差。",
          en: "If the clock is right but the error persists, check whether Beijing time is being sent with a `Z` suffix, which produces an exact 8-hour offset.",
        },
      },
      {
        title: { "zh-CN": "每次请求重新签名", en: "Sign every request afresh" },
        detail: {
          "zh-CN": "不要缓存已签名的 URL 或在长时间排队后再发送，重试时也要重新生成时间戳和签名。",
          en: "Do not cache signed URLs or send them after long queueing; regenerate the timestamp and signature on every retry too.",
        },
      },
    ],
  },

  SignatureNonceUsed: {
    title: {
      "zh-CN": "SignatureNonce 已被使用",
      en: "SignatureNonce already used",
    },
    explanation: {
      "zh-CN":
        "请求中的 SignatureNonce（防重放随机数）已经被之前的请求用过，服务端按防重放规则拒绝了这次请求。常见原因是把 Nonce 写成了固定值、用时间戳（秒级）当 Nonce 导致并发冲突，或者重试时原样重发了上一次签好名的请求。",
      en: "The SignatureNonce (the anti-replay random value) was already used by an earlier request, so replay protection rejected this one. Typical causes are a hard-coded nonce, a second-resolution timestamp used as the nonce so concurrent calls collide, or a retry that resent the previously signed request unchanged.",
    },
    remediation: {
      "zh-CN":
        "每个请求都生成一个新的唯一随机值作为 SignatureNonce，推荐使用 UUID，并在重试时重新生成 Nonce 和签名，而不是重发旧请求。使用官方 SDK 时这些会自动处理，检查是否有自定义代码覆盖了它。",
      en: "Generate a new unique value for SignatureNonce on every request (a UUID is a good choice) and regenerate the nonce and signature when retrying instead of resending the old request. The official SDK handles this automatically; check whether custom code overrides it.",
    },
    checklist: [
      {
        title: { "zh-CN": "检查 Nonce 生成方式", en: "Check how the nonce is generated" },
        detail: {
          "zh-CN": "确认使用 UUID 等真正随机的值，而不是固定字符串、自增计数或秒级时间戳。",
          en: "Make sure it is truly random, such as a UUID, rather than a fixed string, a counter or a second-resolution timestamp.",
        },
      },
      {
        title: { "zh-CN": "检查重试逻辑", en: "Check the retry logic" },
        detail: {
          "zh-CN": "重试时应重新生成 Nonce、Timestamp 并重新签名；HTTP 客户端或代理层的自动重发也要排查。",
          en: "Retries must regenerate the nonce and timestamp and re-sign; also check for automatic resends by the HTTP client or a proxy.",
        },
      },
      {
        title: { "zh-CN": "排查多实例共用", en: "Check for shared values across instances" },
        detail: {
          "zh-CN": "多进程或多实例部署时，确认随机数生成器没有用相同种子初始化。",
          en: "In multi-process or multi-instance deployments, make sure the random generators are not seeded identically.",
        },
      },
    ],
  },

  "InvalidParameter.Format": {
    title: {
      "zh-CN": "返回格式参数无效",
      en: "Unsupported response format",
    },
    explanation: {
      "zh-CN":
        "公共参数 Format（指定返回数据的格式）取值不被支持。管控 OpenAPI 只支持 `JSON` 和 `XML` 两种返回格式，传入其他值（如 `YAML`、`text`）或拼写错误时会返回该错误。",
      en: "The common parameter Format, which selects the response format, has an unsupported value. The management OpenAPI supports only `JSON` and `XML`; any other value (such as `YAML` or `text`) or a misspelling triggers this error.",
    },
    remediation: {
      "zh-CN": "把 Format 设为 `JSON` 或 `XML`，或者干脆不传（默认返回 XML，官方 SDK 通常会自动设为 JSON）。",
      en: "Set Format to `JSON` or `XML`, or omit it (the default is XML, and the official SDKs usually set JSON for you).",
    },
    checklist: [
      {
        title: { "zh-CN": "检查 Format 参数", en: "Check the Format parameter" },
        detail: {
          "zh-CN": "在请求 URL 或参数中找到 `Format`，确认取值为 `JSON` 或 `XML`。",
          en: "Find `Format` in the request URL or parameters and make sure it is `JSON` or `XML`.",
        },
      },
      {
        title: { "zh-CN": "确认没有被其他代码覆盖", en: "Make sure nothing overrides it" },
        detail: {
          "zh-CN": "检查自定义封装、拦截器或代理是否改写了 Format。",
          en: "Check whether custom wrappers, interceptors or proxies rewrite Format.",
        },
      },
    ],
  },

  UnsupportedHTTPMethod: {
    title: {
      "zh-CN": "不支持的 HTTP 请求方法",
      en: "Unsupported HTTP method",
    },
    explanation: {
      "zh-CN":
        "请求使用的 HTTP 方法不被该接口支持。管控 OpenAPI（RPC 风格）只接受 GET 和 POST，用 PUT、DELETE 等方法调用会触发该错误。注意：该错误返回的 Message 与 SignatureDoesNotMatch 完全相同（都是 `Specified signature is not matched with our calculation.`），只能通过错误码区分，不要只根据 Message 判断为签名问题。",
      en: "The HTTP method used is not supported for this action. The management OpenAPI (RPC style) accepts only GET and POST, so PUT, DELETE or other methods trigger this error. Note that the API returns exactly the same Message as for SignatureDoesNotMatch (`Specified signature is not matched with our calculation.`), so only the code tells them apart; do not diagnose a signature problem from the Message alone.",
    },
    remediation: {
      "zh-CN":
        "改用 GET 或 POST 发起请求，并确认签名字符串 StringToSign 开头使用的方法与实际发送的方法一致。使用 POST 时，参数以 `application/x-www-form-urlencoded` 放在 body 中。",
      en: "Send the request with GET or POST, and make sure the method at the start of StringToSign is the same as the one actually sent. With POST, put the parameters in the body as `application/x-www-form-urlencoded`.",
    },
    checklist: [
      {
        title: { "zh-CN": "确认错误码而不是 Message", en: "Go by the code, not the Message" },
        detail: {
          "zh-CN": "该错误与 SignatureDoesNotMatch 的 Message 相同，先确认返回的 Code 确实是 UnsupportedHTTPMethod。",
          en: "The Message is identical to SignatureDoesNotMatch, so first confirm the returned Code really is UnsupportedHTTPMethod.",
        },
      },
      {
        title: { "zh-CN": "检查实际发送的方法", en: "Check the method actually sent" },
        detail: {
          "zh-CN": "通过 SDK 调试日志、`curl -v` 或抓包查看请求行，确认是 GET 或 POST，注意代理或网关是否改写了方法。",
          en: "Look at the request line in SDK debug logs, `curl -v` output or a packet capture, confirm GET or POST, and check whether a proxy rewrote the method.",
        },
      },
      {
        title: { "zh-CN": "统一签名与请求的方法", en: "Align the signing and request methods" },
        detail: {
          "zh-CN": "StringToSign 的第一段必须是实际使用的方法（如 `POST&%2F&...`）。",
          en: "The first segment of StringToSign must be the method really used (for example `POST&%2F&...`).",
        },
      },
    ],
  },

  InvalidSignatureMethod: {
    title: {
      "zh-CN": "签名方法不支持",
      en: "Unsupported signature method",
    },
    explanation: {
      "zh-CN":
        "公共参数 SignatureMethod 指定的签名算法不被支持。RPC 风格的 V1 签名使用 `HMAC-SHA1`，填写 `HmacSHA256`、`HMAC-SHA256` 或大小写不一致的值都会报错。",
      en: "The algorithm named in the common parameter SignatureMethod is not supported. RPC-style V1 signing uses `HMAC-SHA1`; values such as `HmacSHA256`, `HMAC-SHA256` or different capitalisation cause this error.",
    },
    remediation: {
      "zh-CN": "把 SignatureMethod 设为 `HMAC-SHA1`（SignatureVersion 为 `1.0`），或者交给官方 SDK 使用默认值，不要手工指定。",
      en: "Set SignatureMethod to `HMAC-SHA1` (with SignatureVersion `1.0`), or leave it to the official SDK's default instead of setting it by hand.",
    },
    checklist: [
      {
        title: { "zh-CN": "检查 SignatureMethod 取值", en: "Check SignatureMethod" },
        detail: {
          "zh-CN": "确认请求中为 `HMAC-SHA1`，注意大小写和连字符。",
          en: "Make sure the request carries `HMAC-SHA1`, with that exact case and hyphen.",
        },
      },
      {
        title: { "zh-CN": "核对签名计算算法", en: "Check the algorithm used to sign" },
        detail: {
          "zh-CN": "参数写的是 HMAC-SHA1，计算签名时也必须用 HMAC-SHA1，否则会接着触发 SignatureDoesNotMatch。",
          en: "If the parameter says HMAC-SHA1, the signature must also be computed with HMAC-SHA1, otherwise SignatureDoesNotMatch follows.",
        },
      },
      {
        title: { "zh-CN": "优先使用官方 SDK", en: "Prefer the official SDK" },
        detail: {
          "zh-CN": "自行实现签名容易出错，建议改用阿里云官方 SDK 或 CLI。",
          en: "Hand-rolled signing is error-prone; switch to the official Alibaba Cloud SDK or CLI where possible.",
        },
      },
    ],
  },

  SignatureDoesNotMatch: {
    title: {
      "zh-CN": "签名校验不通过",
      en: "Signature does not match",
    },
    explanation: {
      "zh-CN":
        "服务端按相同规则计算出的签名与请求中的 Signature 不一致。常见原因有：AccessKey Secret 错误或与 AccessKeyId 不配对、参数未按规范做百分号编码、参数未按字典序排序、签名用的 HTTP 方法与实际不一致、签名后参数又被修改，以及自行实现签名时的细节错误。注意 UnsupportedHTTPMethod 会返回与本错误完全相同的 Message，需以错误码为准。",
      en: "The signature the service computed with the same rules differs from the Signature in the request. Common causes are a wrong AccessKey secret or one that does not belong to the AccessKeyId, parameters not percent-encoded per the spec, parameters not sorted, a signing HTTP method different from the one sent, parameters changed after signing, and mistakes in hand-written signing code. Note that UnsupportedHTTPMethod returns exactly the same Message, so rely on the code.",
    },
    remediation: {
      "zh-CN":
        "错误信息中通常会带上服务端计算用的 StringToSign（`server string to sign is: ...`），把它与本地生成的 StringToSign 逐字符比对，即可定位差异。再核对 AccessKey Secret（V1 签名的 HMAC 密钥为 `AccessKeySecret&`）、编码、排序与 HTTP 方法。最省事的办法是改用最新版官方 SDK。",
      en: "The error message usually includes the server's StringToSign (`server string to sign is: ...`); compare it character by character with the one you built locally to find the difference. Then check the AccessKey secret (the V1 HMAC key is `AccessKeySecret&`), encoding, sorting and HTTP method. The easiest fix is usually switching to a current official SDK.",
    },
    checklist: [
      {
        title: { "zh-CN": "比对 StringToSign", en: "Compare StringToSign" },
        detail: {
          "zh-CN": "从错误 Message 中取出服务端的 StringToSign，与本地打印的 StringToSign 逐字符比对，差异处就是问题所在。",
          en: "Take the server's StringToSign from the error Message and compare it character by character with the one you print locally; the difference points to the bug.",
        },
      },
      {
        title: { "zh-CN": "核对 AccessKey Secret", en: "Check the AccessKey secret" },
        detail: {
          "zh-CN": "确认 Secret 与 AccessKeyId 配对、没有首尾空格或换行；V1 签名的 HMAC 密钥是 Secret 后面加一个 `&`。",
          en: "Make sure the secret belongs to the AccessKeyId and has no leading/trailing spaces or newlines; for V1 the HMAC key is the secret followed by `&`.",
        },
      },
      {
        title: { "zh-CN": "检查百分号编码", en: "Check percent-encoding" },
        detail: {
          "zh-CN":
            "按 RFC 3986 编码并使用大写十六进制：空格编码为 `%20`（不是 `+`），`*` 编码为 `%2A`，`~` 不编码；JSON 等复杂参数尤其要注意。",
          en: "Encode per RFC 3986 with upper-case hex: space becomes `%20` (not `+`), `*` becomes `%2A`, `~` stays as is; take special care with JSON and other complex values.",
        },
      },
      {
        title: { "zh-CN": "检查参数排序与组成", en: "Check parameter sorting and set" },
        detail: {
          "zh-CN":
            "除 Signature 外的所有参数按参数名字典序（区分大小写）排序；确认签名时和实际发送的参数完全一致，签名后没有再增删改参数。",
          en: "Sort all parameters except Signature by name in byte order (case-sensitive), and make sure the parameters signed are exactly those sent, with nothing added, removed or changed after signing.",
        },
      },
      {
        title: { "zh-CN": "检查 HTTP 方法与请求发送", en: "Check the HTTP method and sending" },
        detail: {
          "zh-CN": "StringToSign 开头的方法必须与实际发送的 GET/POST 一致；同时留意代理或 HTTP 库是否对 URL 做了二次编码。",
          en: "The method at the start of StringToSign must match the GET/POST actually sent; also watch for proxies or HTTP libraries that re-encode the URL.",
        },
      },
      {
        title: { "zh-CN": "升级 SDK 并校准时钟", en: "Update the SDK and check the clock" },
        detail: {
          "zh-CN": "升级到最新的官方 SDK 或 CLI 重试；同时用 `chronyc tracking` 确认本机时间准确，避免时间参数异常干扰排查。",
          en: "Retry with the latest official SDK or CLI, and confirm the local clock is accurate with `chronyc tracking` so time parameters do not muddy the investigation.",
        },
      },
    ],
  },

  "Throttling.User": {
    title: {
      "zh-CN": "账号调用频率超限",
      en: "Account request rate exceeded",
    },
    explanation: {
      "zh-CN":
        "当前账号对管控 OpenAPI 的调用频率超过了用户级流控阈值，请求被拒绝。用户级流控按账号统计，同一账号下所有 AccessKey、RAM 用户和应用的调用会合并计算，常见于批量创建/发布 API、高频轮询 Describe 接口或多个系统共用一个账号的场景。",
      en: "The account's call rate to the management OpenAPI exceeded the user-level flow-control threshold and the request was rejected. User-level limits are counted per account, so calls from all AccessKeys, RAM users and applications under the account add up; it is common with bulk API creation or deployment, frequent polling of Describe calls, or several systems sharing one account.",
    },
    remediation: {
      "zh-CN":
        "降低调用频率并加入带随机抖动的指数退避重试；减少并发，把批量任务分散到更长的时间段执行。能缓存的查询结果尽量缓存，用分页和更大的 PageSize 减少调用次数，并梳理同账号下其他系统的调用量。",
      en: "Lower the call rate and retry with exponential backoff plus jitter; reduce concurrency and spread batch jobs over a longer period. Cache query results where you can, use paging with a larger PageSize to cut the number of calls, and review what other systems under the same account are calling.",
    },
    checklist: [
      {
        title: { "zh-CN": "加入指数退避重试", en: "Add exponential backoff" },
        detail: {
          "zh-CN": "遇到该错误时按 1s、2s、4s…递增等待并加入随机抖动，设置最大重试次数，避免所有客户端同时重试。",
          en: "On this error, wait 1s, 2s, 4s and so on with random jitter, cap the number of retries, and avoid all clients retrying in lockstep.",
        },
      },
      {
        title: { "zh-CN": "降低并发", en: "Reduce concurrency" },
        detail: {
          "zh-CN": "限制同时进行的请求数，或在客户端使用令牌桶控制每秒请求数。",
          en: "Limit the number of in-flight requests, or use a client-side token bucket to cap requests per second.",
        },
      },
      {
        title: { "zh-CN": "分散批量任务", en: "Spread batch jobs" },
        detail: {
          "zh-CN": "批量创建、发布 API 的任务分批执行，错开定时任务的启动时间，不要集中在整点。",
          en: "Run bulk creation or deployment in batches and stagger scheduled jobs instead of starting them all on the hour.",
        },
      },
      {
        title: { "zh-CN": "减少不必要的调用", en: "Cut unnecessary calls" },
        detail: {
          "zh-CN": "缓存 DescribeApiGroups、DescribeApis 等查询结果，增大 PageSize，避免高频轮询。",
          en: "Cache results of DescribeApiGroups, DescribeApis and similar queries, raise PageSize, and avoid tight polling loops.",
        },
      },
      {
        title: { "zh-CN": "排查同账号的其他调用方", en: "Check other callers in the account" },
        detail: {
          "zh-CN":
            "用操作审计（ActionTrail）统计同账号下各 AccessKey 的调用量，找出占用配额的系统；确需更高频率时查看配额说明或提交工单咨询。",
          en: "Use ActionTrail to see call volumes per AccessKey in the account and find which system consumes the budget; if you really need a higher rate, check the quota documentation or ask via a ticket.",
        },
      },
    ],
  },

  "Throttling.API": {
    title: {
      "zh-CN": "接口调用频率超限",
      en: "API action rate exceeded",
    },
    explanation: {
      "zh-CN":
        "对某个具体管控接口（Action）的调用频率超过了该接口的流控阈值，请求被拒绝。它针对的是单个接口，常见于循环调用同一个接口，例如批量执行 DeployApi、CreateApi 或高频轮询 DescribeDeployedApis。",
      en: "Calls to one specific management action exceeded that action's flow-control threshold and the request was rejected. It applies per action and is common when the same action is called in a loop, for example bulk DeployApi or CreateApi runs, or tight polling of DescribeDeployedApis.",
    },
    remediation: {
      "zh-CN":
        "针对触发流控的接口降低调用频率，加入带随机抖动的指数退避重试，并限制该接口的并发数。批量操作分批、错峰执行；轮询类调用拉长间隔或改为按需查询。",
      en: "Lower the call rate for the throttled action, retry with exponential backoff and jitter, and cap that action's concurrency. Run bulk operations in batches at different times, and lengthen polling intervals or query only on demand.",
    },
    checklist: [
      {
        title: { "zh-CN": "确认触发流控的接口", en: "Identify the throttled action" },
        detail: {
          "zh-CN": "从日志中统计报错请求的 Action，找出调用最密集的接口。",
          en: "Count the Actions of the failing requests in your logs to find the most heavily called one.",
        },
      },
      {
        title: { "zh-CN": "加入指数退避重试", en: "Add exponential backoff" },
        detail: {
          "zh-CN": "按 1s、2s、4s…递增等待并加随机抖动，设置重试上限，避免重试本身进一步加剧流控。",
          en: "Wait 1s, 2s, 4s and so on with random jitter and a retry cap, so retries do not make the throttling worse.",
        },
      },
      {
        title: { "zh-CN": "限制该接口的并发", en: "Limit concurrency for that action" },
        detail: {
          "zh-CN": "为该接口单独设置客户端限速（如令牌桶），批量任务改为串行或小批量执行。",
          en: "Give that action its own client-side rate limit (for example a token bucket) and run bulk work serially or in small batches.",
        },
      },
      {
        title: { "zh-CN": "减少轮询与重复调用", en: "Reduce polling and repeated calls" },
        detail: {
          "zh-CN": "拉长轮询间隔、缓存结果，错开定时任务；确有更高需求时查看配额说明或提交工单咨询。",
          en: "Lengthen polling intervals, cache results and stagger scheduled jobs; if you need a higher rate, check the quota documentation or ask via a ticket.",
        },
      },
    ],
  },

  MissingSecurityToken: {
    title: {
      "zh-CN": "缺少 SecurityToken",
      en: "SecurityToken missing",
    },
    explanation: {
      "zh-CN":
        "请求缺少 SecurityToken 参数。通常是使用了 STS 临时凭证（AccessKeyId 以 `STS.` 开头）却没有同时传入 SecurityToken；也可能是凭证配置混乱，例如把 STS 的 AccessKey 当成长期 AccessKey 来用，导致服务端无法确认调用身份。",
      en: "The request is missing the SecurityToken parameter. Usually STS temporary credentials (an AccessKeyId starting with `STS.`) were used without also sending the SecurityToken; it can also come from muddled credential configuration, such as treating an STS key as a long-term AccessKey, so the service cannot verify the caller.",
    },
    remediation: {
      "zh-CN":
        "使用 STS 临时凭证时，必须同时配置 AccessKeyId、AccessKeySecret 和 SecurityToken 三项，并在过期前刷新。若本意是使用长期凭证，请检查是否传入了有效的 RAM 用户 AccessKeyId，而不是 STS 的临时 AccessKeyId。",
      en: "With STS temporary credentials you must supply the AccessKeyId, AccessKeySecret and SecurityToken together and refresh them before they expire. If you meant to use long-term credentials, check that a valid RAM user AccessKeyId is passed rather than a temporary STS one.",
    },
    checklist: [
      {
        title: { "zh-CN": "判断凭证类型", en: "Identify the credential type" },
        detail: {
          "zh-CN": "AccessKeyId 以 `STS.` 开头的是临时凭证，必须携带 SecurityToken；长期 AccessKey 不需要。",
          en: "An AccessKeyId starting with `STS.` is a temporary credential and needs a SecurityToken; long-term AccessKeys do not.",
        },
      },
      {
        title: { "zh-CN": "检查 SecurityToken 配置", en: "Check the SecurityToken configuration" },
        detail: {
          "zh-CN": "确认 SDK 使用的是 STS 凭证类型并设置了 SecurityToken，例如环境变量 `ALIBABA_CLOUD_SECURITY_TOKEN` 已正确传入。",
          en: "Make sure the SDK is configured for STS credentials with the SecurityToken set, for example that the `ALIBABA_CLOUD_SECURITY_TOKEN` environment variable is passed through.",
        },
      },
      {
        title: { "zh-CN": "检查凭证刷新", en: "Check credential refresh" },
        detail: {
          "zh-CN": "STS 凭证有有效期，确认刷新时三项一起更新，而不是只更新了 AccessKey。",
          en: "STS credentials expire; make sure all three values are replaced together on refresh, not just the AccessKey.",
        },
      },
    ],
  },
};
