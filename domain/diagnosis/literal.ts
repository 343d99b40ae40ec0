/**
 * Tolerant readers for the value notations SDKs print: JSON, Python reprs (single quotes, u'' prefixes,
 * True/None), JavaScript object dumps (unquoted keys) and Go's `map[k:v ...]`. Used only on small, already
 * delimited slices (an AccessDeniedDetail value), with depth and size limits; failure returns undefined.
 */
const MAX_LITERAL = 32_768;
const MAX_DEPTH = 16;

/** Decodes JSON and Python escapes; unknown escapes keep the escaped character. */
export function unescapeString(raw: string): string {
  if (!raw.includes("\\")) return raw;
  let out = "";
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (c !== "\\" || i + 1 >= raw.length) {
      out += c;
      continue;
    }
    const n = raw[++i]!;
    switch (n) {
      case "n":
        out += "\n";
        break;
      case "t":
        out += "\t";
        break;
      case "r":
        out += "\r";
        break;
      case "b":
        out += "\b";
        break;
      case "f":
        out += "\f";
        break;
      case "u": {
        const hex = raw.slice(i + 1, i + 5);
        if (/^[0-9a-fA-F]{4}$/.test(hex)) {
          out += String.fromCharCode(parseInt(hex, 16));
          i += 4;
        } else out += "u";
        break;
      }
      case "x": {
        const hex = raw.slice(i + 1, i + 3);
        if (/^[0-9a-fA-F]{2}$/.test(hex)) {
          out += String.fromCharCode(parseInt(hex, 16));
          i += 2;
        } else out += "x";
        break;
      }
      default:
        out += n;
    }
  }
  return out;
}

class LooseParser {
  private i = 0;
  constructor(private readonly s: string) {}

  parse(): unknown {
    const value = this.value(0);
    this.ws();
    return this.i >= this.s.length || /^[\s,;.]*$/.test(this.s.slice(this.i, this.i + 4)) ? value : undefined;
  }

  private ws(): void {
    while (this.i < this.s.length && /\s/.test(this.s[this.i]!)) this.i++;
  }

  private value(depth: number): unknown {
    if (depth > MAX_DEPTH) throw new Error("too deep");
    this.ws();
    const c = this.s[this.i];
    if (c === undefined) throw new Error("end");
    if (c === "{") return this.object(depth);
    if (c === "[") return this.array(depth);
    if (/["'`]/.test(c) || (/[ubrUBR]/.test(c) && /["']/.test(this.s[this.i + 1] ?? ""))) return this.string();
    const word = /^[^\s,:{}[\]]+/.exec(this.s.slice(this.i, this.i + 256))?.[0];
    if (!word) throw new Error("unexpected");
    this.i += word.length;
    if (/^(?:true|True)$/.test(word)) return true;
    if (/^(?:false|False)$/.test(word)) return false;
    if (/^(?:null|None|nil|undefined)$/.test(word)) return null;
    if (/^-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?$/.test(word)) return Number(word);
    return word;
  }

  private string(): string {
    if (/[ubrUBR]/.test(this.s[this.i]!)) this.i++;
    const quote = this.s[this.i]!;
    const start = ++this.i;
    while (this.i < this.s.length && this.s[this.i] !== quote) {
      if (this.s[this.i] === "\\") this.i++;
      this.i++;
    }
    if (this.i >= this.s.length) throw new Error("unterminated");
    return unescapeString(this.s.slice(start, this.i++));
  }

  private key(): string {
    this.ws();
    const c = this.s[this.i];
    if (c !== undefined && (/["'`]/.test(c) || (/[ubrUBR]/.test(c) && /["']/.test(this.s[this.i + 1] ?? "")))) return this.string();
    const word = /^[A-Za-z_$][\w$.-]*/.exec(this.s.slice(this.i, this.i + 256))?.[0];
    if (!word) throw new Error("key");
    this.i += word.length;
    return word;
  }

  private object(depth: number): Record<string, unknown> {
    this.i++;
    const out: Record<string, unknown> = {};
    for (;;) {
      this.ws();
      if (this.s[this.i] === "}") {
        this.i++;
        return out;
      }
      const key = this.key();
      this.ws();
      if (this.s[this.i] !== ":" && this.s[this.i] !== "=") throw new Error("colon");
      this.i++;
      out[key] = this.value(depth + 1);
      this.ws();
      if (this.s[this.i] === ",") this.i++;
      else if (this.s[this.i] !== "}") throw new Error("comma");
    }
  }

  private array(depth: number): unknown[] {
    this.i++;
    const out: unknown[] = [];
    for (;;) {
      this.ws();
      if (this.s[this.i] === "]") {
        this.i++;
        return out;
      }
      out.push(this.value(depth + 1));
      this.ws();
      if (this.s[this.i] === ",") this.i++;
      else if (this.s[this.i] !== "]") throw new Error("comma");
    }
  }
}

/** JSON first; then Python/JS object notation; then Go map syntax. */
export function parseLooseLiteral(text: string): unknown {
  const trimmed = text.trim();
  if (!trimmed || trimmed.length > MAX_LITERAL) return undefined;
  try {
    return JSON.parse(trimmed);
  } catch {
    // not JSON; try the looser notations below
  }
  if (trimmed.startsWith("map[")) return parseGoMap(trimmed);
  try {
    return new LooseParser(trimmed).parse();
  } catch {
    return undefined;
  }
}

/**
 * Go's `%s` of a map: `map[AuthAction:ram:ListUsers UserId:%!s(float64=123)]`. Keys have no spaces; values may
 * contain `:` and spaces, so a space-separated chunk without `Key:` belongs to the previous value.
 */
export function parseGoMap(text: string, depth = 0): Record<string, unknown> | undefined {
  if (!text.startsWith("map[") || depth > MAX_DEPTH || text.length > MAX_LITERAL) return undefined;
  const close = matchingBracket(text, 3);
  if (close === -1) return undefined;
  const body = text.slice(4, close);
  const chunks: string[] = [];
  let level = 0;
  let current = "";
  for (const ch of body) {
    if (ch === "[") level++;
    if (ch === "]") level--;
    if (ch === " " && level === 0) {
      chunks.push(current);
      current = "";
    } else current += ch;
  }
  if (current) chunks.push(current);
  const out: Record<string, unknown> = {};
  let lastKey: string | undefined;
  for (const chunk of chunks) {
    const m = /^([A-Za-z_][\w.-]*):([\s\S]*)$/.exec(chunk);
    if (m) {
      lastKey = m[1]!;
      out[lastKey] = m[2]!;
    } else if (lastKey !== undefined) out[lastKey] = `${String(out[lastKey])} ${chunk}`;
  }
  for (const [key, value] of Object.entries(out)) out[key] = goValue(String(value), depth);
  return out;
}

function goValue(raw: string, depth: number): unknown {
  const number = /^%!s\((?:float64|int|int64)=(-?[\d.e+]+)\)$/.exec(raw);
  if (number) return Number(number[1]);
  const boolean = /^%!s\(bool=(true|false)\)$/.exec(raw);
  if (boolean) return boolean[1] === "true";
  if (raw.startsWith("map[")) return parseGoMap(raw, depth + 1) ?? raw;
  if (raw.startsWith("[") && raw.endsWith("]")) {
    const inner = raw.slice(1, -1).trim();
    return inner ? inner.split(" ") : [];
  }
  if (raw === "<nil>") return null;
  return raw;
}

function matchingBracket(text: string, open: number): number {
  let level = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === "[") level++;
    else if (text[i] === "]" && --level === 0) return i;
  }
  return -1;
}
