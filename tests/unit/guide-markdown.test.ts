import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, test } from "vitest";
import { Markdown } from "@/components/catalog/markdown";

const html = (text: string) => renderToStaticMarkup(createElement(Markdown, { text, paramPlaceholder: "<parameter>" }));

describe("guide Markdown", () => {
  test("renders headings, nested lists, tables and code blocks", () => {
    const out = html("## Check DNS\n\n- outer\n  - inner\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n```\ndig +short api.example.com\n```");
    expect(out).toContain("<h2>Check DNS</h2>");
    expect(out).toMatch(/<ul[^>]*>\s*<li>outer\s*<ul[^>]*>\s*<li>inner<\/li>/);
    expect(out).toMatch(/<table[^>]*>.*<td>1<\/td>/s);
    expect(out).toMatch(/<pre[^>]*><code[^>]*>dig \+short api.example.com/);
  });

  test("keeps http, https and mailto links, marking external ones noopener noreferrer", () => {
    const out = html("[docs](https://help.aliyun.com/x) [mail](mailto:ops@example.com) [entry](/errors/Foo)");
    expect(out).toContain('href="https://help.aliyun.com/x"');
    expect(out).toMatch(/href="https:\/\/help.aliyun.com\/x"[^>]*rel="noopener noreferrer"/);
    expect(out).toContain('href="mailto:ops@example.com"');
    expect(out).toMatch(/href="\/errors\/Foo"(?![^>]*noopener)/);
  });

  test("drops javascript:, data: and other links, and shows raw HTML as text", () => {
    const out = html(
      "[x](javascript:alert(1)) [y](data:text/html,hi) [z](ftp://h/f) <script>alert(1)</script> <img src=x onerror=alert(1)>",
    );
    expect(out).not.toMatch(/javascript:|data:text|ftp:|<script|<img/);
    expect(out).toContain("&lt;script&gt;");
  });

  test("shows the {param} placeholder of templated codes, also inside bold text", () => {
    expect(html("Missing **{param}** here")).toContain("<strong><var");
    expect(html("Missing {param}")).toContain("&lt;parameter&gt;</var>");
  });
});
