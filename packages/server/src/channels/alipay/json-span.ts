/**
 * A small JSON scanner that finds where each top-level member's value sits in the raw response text.
 * Alipay signs the `*_response` value exactly as it sent it (escapes such as `\/`, key order, spacing), so the
 * verifier must cut that span out of the body instead of re-serialising a parsed object.
 * @see https://opendocs.alipay.com/common/02mse7 (同步响应验签: the signed content is the raw response value)
 */

/** Start (inclusive) and end (exclusive) of a member's value in the scanned text. */
export interface JsonSpan {
  start: number;
  end: number;
}

const MAX_DEPTH = 64;

class JsonScanError extends Error {}

function fail(message: string, at: number): never {
  throw new JsonScanError(`${message} at offset ${at}`);
}

class Scanner {
  pos = 0;
  constructor(private readonly text: string) {}

  skipSpace(): void {
    while (this.pos < this.text.length && ' \t\n\r'.includes(this.text[this.pos] as string)) this.pos++;
  }

  expect(char: string): void {
    this.skipSpace();
    if (this.text[this.pos] !== char) fail(`expected '${char}'`, this.pos);
    this.pos++;
  }

  /** Scan a string token and return its decoded value. */
  string(): string {
    this.skipSpace();
    const start = this.pos;
    if (this.text[this.pos] !== '"') fail('expected a string', this.pos);
    this.pos++;
    while (this.pos < this.text.length) {
      const char = this.text[this.pos] as string;
      if (char === '"') {
        this.pos++;
        return JSON.parse(this.text.slice(start, this.pos)) as string;
      }
      if (char === '\\') this.pos++;
      else if (char < ' ') fail('control character in string', this.pos);
      this.pos++;
    }
    return fail('unterminated string', start);
  }

  /** Scan any value; returns its span. */
  value(depth: number): JsonSpan {
    if (depth > MAX_DEPTH) fail('nesting too deep', this.pos);
    this.skipSpace();
    const start = this.pos;
    const char = this.text[this.pos];
    if (char === '{') this.members(depth + 1, () => undefined);
    else if (char === '[') this.elements(depth + 1);
    else if (char === '"') this.string();
    else this.literal();
    return { start, end: this.pos };
  }

  /** Scan an object; `onMember` sees each key and its value span. */
  members(depth: number, onMember: (key: string, span: JsonSpan) => void): void {
    this.expect('{');
    this.skipSpace();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return;
    }
    for (;;) {
      const key = this.string();
      this.expect(':');
      onMember(key, this.value(depth));
      this.skipSpace();
      const next = this.text[this.pos++];
      if (next === '}') return;
      if (next !== ',') fail("expected ',' or '}'", this.pos - 1);
    }
  }

  elements(depth: number): void {
    this.expect('[');
    this.skipSpace();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return;
    }
    for (;;) {
      this.value(depth);
      this.skipSpace();
      const next = this.text[this.pos++];
      if (next === ']') return;
      if (next !== ',') fail("expected ',' or ']'", this.pos - 1);
    }
  }

  literal(): void {
    const match = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(this.text.slice(this.pos, this.pos + 400));
    if (!match) fail('expected a JSON value', this.pos);
    this.pos += match[0].length;
  }
}

/**
 * Validate `text` as one JSON object and return the raw span of each top-level member's value.
 * Returns null when the text is not a JSON object or repeats a top-level key (an ambiguous, untrustworthy reply).
 */
export function scanTopLevel(text: string): Map<string, JsonSpan> | null {
  const scanner = new Scanner(text);
  const spans = new Map<string, JsonSpan>();
  let duplicate = false;
  try {
    scanner.members(1, (key, span) => {
      if (spans.has(key)) duplicate = true;
      spans.set(key, span);
    });
    scanner.skipSpace();
    if (scanner.pos !== text.length) return null;
  } catch (error) {
    if (error instanceof JsonScanError || error instanceof SyntaxError) return null; // SyntaxError: a bad escape
    throw error;
  }
  return duplicate ? null : spans;
}
