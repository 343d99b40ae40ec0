import { Fragment, type ReactNode } from "react";
import type { LocalizedValue } from "@/domain/catalog/localized";

/**
 * The guides' small Markdown subset: paragraphs, "- " and "1. " lists, `code` and **bold**, plus the
 * `{param}` placeholder of templated codes. Everything becomes React text nodes, never HTML, so nothing an
 * editor types can inject markup or script; anything else is shown literally.
 */
const INLINE = /(`[^`\n]+`|\*\*[^*\n]+\*\*|\{param\})/g;

function inline(text: string, paramPlaceholder: string): ReactNode[] {
  return text.split(INLINE).map((part, index) => {
    if (index % 2 === 0) return part;
    if (part === "{param}") {
      return (
        <var key={index} className="font-mono text-[0.9em] not-italic text-slate-600">
          {paramPlaceholder}
        </var>
      );
    }
    if (part.startsWith("`")) {
      return (
        <code key={index} className="rounded bg-slate-100 px-1 py-0.5 font-mono text-[0.9em] text-slate-800">
          {part.slice(1, -1)}
        </code>
      );
    }
    return <strong key={index}>{part.slice(2, -2)}</strong>;
  });
}

function lines(text: string, paramPlaceholder: string): ReactNode {
  return text.split("\n").map((line, index) => (
    <Fragment key={index}>
      {index > 0 ? <br /> : null}
      {inline(line, paramPlaceholder)}
    </Fragment>
  ));
}

/** A block whose every line starts with the marker is a list of that kind. */
const LISTS = [
  { marker: /^\s*[-*]\s+/, Tag: "ul", style: "list-disc" },
  { marker: /^\s*\d+[.)]\s+/, Tag: "ol", style: "list-decimal" },
] as const;

export function Markdown({ text, paramPlaceholder, className = "" }: { text: string; paramPlaceholder: string; className?: string }) {
  const blocks = text
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter(Boolean);
  return (
    <div className={`space-y-2 leading-relaxed ${className}`}>
      {blocks.map((block, index) => {
        const blockLines = block.split("\n");
        const list = LISTS.find(({ marker }) => blockLines.every((line) => marker.test(line)));
        if (list) {
          const { Tag, marker, style } = list;
          return (
            <Tag key={index} className={`${style} space-y-1 pl-5`}>
              {blockLines.map((line, i) => (
                <li key={i}>{inline(line.replace(marker, ""), paramPlaceholder)}</li>
              ))}
            </Tag>
          );
        }
        return <p key={index}>{lines(block, paramPlaceholder)}</p>;
      })}
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
