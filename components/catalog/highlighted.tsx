import { highlightParts } from "@/domain/catalog/highlight";

/** The text with each occurrence of a search term marked, so a result shows why it matched. */
export function Highlighted({ text, terms }: { text: string; terms: readonly string[] }) {
  if (!terms.length) return text;
  return highlightParts(text, terms).map((part, index) =>
    part.match ? (
      <mark key={index} className="rounded-sm bg-amber-100 px-0.5 text-inherit">
        {part.text}
      </mark>
    ) : (
      part.text
    ),
  );
}
