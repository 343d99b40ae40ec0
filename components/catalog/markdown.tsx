import type { Element, ElementContent, Root } from "hast";
import type { Nodes as MdastNode, Root as MdastRoot } from "mdast";
import ReactMarkdown, { type Components } from "react-markdown";
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import remarkGfm from "remark-gfm";
import type { LocalizedValue } from "@/domain/catalog/localized";

/** Links may only go to web pages, mail addresses, or within the app (a relative path); never `javascript:` or `data:`. */
const LINK_PROTOCOLS = ["http", "https", "mailto"];

/** GitHub's safe subset of HTML as the sanitiser's allow-list, narrowed to the link protocols above and without images. */
const schema = {
  ...defaultSchema,
  tagNames: (defaultSchema.tagNames ?? []).filter((tag) => tag !== "img"),
  protocols: { ...defaultSchema.protocols, href: LINK_PROTOCOLS },
};

function safeUrl(url: string): string {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  return scheme === undefined || LINK_PROTOCOLS.includes(scheme) ? url : "";
}

const PARAM = "{param}";

/** Turns each `{param}` (the parameter of a templated code) in text into a `<var>` showing the placeholder. */
function rehypeParamPlaceholder(placeholder: string) {
  const split = (node: ElementContent): ElementContent[] => {
    if (node.type === "text" && node.value.includes(PARAM)) {
      return node.value
        .split(PARAM)
        .flatMap((text, index): ElementContent[] => [
          ...(index > 0
            ? [{ type: "element", tagName: "var", properties: {}, children: [{ type: "text", value: placeholder }] } as Element]
            : []),
          ...(text ? [{ type: "text", value: text } as const] : []),
        ]);
    }
    if (node.type === "element") node.children = node.children.flatMap(split);
    return [node];
  };
  return () => (tree: Root) => {
    tree.children = tree.children.flatMap((child): Root["children"] => (child.type === "doctype" ? [child] : split(child)));
  };
}

/** Raw HTML an editor types (`<region>`, `<b>`) stays visible as the text it is, rather than vanishing. */
function remarkHtmlAsText() {
  const visit = (node: MdastNode) => {
    if (node.type === "html") (node as MdastNode & { type: string }).type = "text";
    if ("children" in node) node.children.forEach(visit);
  };
  return (tree: MdastRoot) => visit(tree);
}

const isExternal = (href: string | undefined) => !!href && /^https?:/i.test(href);

const components: Components = {
  a: ({ node: _node, href, children, ...rest }) => (
    <a
      href={href}
      {...rest}
      {...(isExternal(href) ? { rel: "noopener noreferrer", target: "_blank" } : {})}
      className="text-blue-800 underline"
    >
      {children}
    </a>
  ),
  code: ({ node: _node, className, children, ...rest }) => (
    <code className={`rounded bg-slate-100 px-1 py-0.5 font-mono text-[0.9em] text-slate-800 ${className ?? ""}`} {...rest}>
      {children}
    </code>
  ),
  pre: ({ node: _node, children }) => <pre className="overflow-x-auto rounded bg-slate-100 p-3 text-sm [&>code]:p-0">{children}</pre>,
  var: ({ children }) => <var className="font-mono text-[0.9em] not-italic text-slate-600">{children}</var>,
  table: ({ node: _node, children }) => (
    <div className="overflow-x-auto">
      <table className="border-collapse text-sm [&_td]:border [&_td]:border-slate-300 [&_td]:px-2 [&_td]:py-1 [&_th]:border [&_th]:border-slate-300 [&_th]:px-2 [&_th]:py-1">
        {children}
      </table>
    </div>
  ),
};

/**
 * A guide text as Markdown (GitHub's flavour: headings, nested lists, tables, code blocks, links), plus the
 * `{param}` placeholder of templated codes. Raw HTML is shown as text and the result is sanitised, so nothing an
 * editor types can inject markup or script.
 */
export function Markdown({ text, paramPlaceholder, className = "" }: { text: string; paramPlaceholder: string; className?: string }) {
  return (
    <div
      className={`space-y-2 leading-relaxed [&_h1]:text-lg [&_h1]:font-semibold [&_h2]:font-semibold [&_h3]:font-medium [&_ol]:list-decimal [&_ol]:pl-5 [&_ul]:list-disc [&_ul]:pl-5 ${className}`}
    >
      <ReactMarkdown
        remarkPlugins={[remarkGfm, remarkHtmlAsText]}
        rehypePlugins={[[rehypeSanitize, schema], rehypeParamPlaceholder(paramPlaceholder)]}
        urlTransform={safeUrl}
        components={components}
      >
        {text}
      </ReactMarkdown>
    </div>
  );
}

/**
 * A guide text in the reader's language, or the other language marked with its `lang` so screen readers switch
 * voice; `emptyText` says so when there is none in either.
 */
export function LocalizedMarkdown({
  value,
  paramPlaceholder,
  emptyText,
}: {
  value: LocalizedValue | null;
  paramPlaceholder: string;
  emptyText?: string;
}) {
  if (!value) return emptyText ? <p className="text-slate-600 italic">{emptyText}</p> : null;
  return (
    <div lang={value.fellBack ? value.lang : undefined}>
      <Markdown text={value.text} paramPlaceholder={paramPlaceholder} />
    </div>
  );
}
