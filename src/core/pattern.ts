// A rule table's regular expression, kept as its source and flags and built into a RegExp the
// first time it runs. The rule files' 263 regular expressions cost 27-35 ms of every start as
// literals (checked as they are parsed, then made as they are evaluated) and 4 ms as strings
// (fresh processes, fastest of 10), while a document reaches few of the tables' rules: a rule
// runs only on lines that hold its literals, found from its source (src/match/gates.ts).

/** A regular expression built on first use; `source` and `flags` are those of the RegExp. */
export class Pattern {
  #regex: RegExp | undefined;

  constructor(
    readonly source: string,
    readonly flags = "",
  ) {}

  /** A pattern over a RegExp already built (a user's, checked when the pipeline loads). */
  static of(regex: RegExp): Pattern {
    const pattern = new Pattern(regex.source, regex.flags);
    pattern.#regex = regex;
    return pattern;
  }

  get regex(): RegExp {
    return (this.#regex ??= new RegExp(this.source, this.flags));
  }

  test(text: string): boolean {
    return this.regex.test(text);
  }

  exec(text: string): RegExpExecArray | null {
    return this.regex.exec(text);
  }

  toString(): string {
    return `/${this.source}/${this.flags}`;
  }
}

/**
 * A pattern written as a regular expression literal inside a tagged template, re`/\bword\b/iu`:
 * the text is taken raw, so it reads and escapes exactly as the literal would.
 */
export function re(strings: TemplateStringsArray, ...values: unknown[]): Pattern {
  const literal = String.raw({ raw: strings.raw }, ...values);
  const end = literal.lastIndexOf("/");
  if (!literal.startsWith("/") || end < 1) throw new SyntaxError(`re: not a regular expression literal: ${literal}`);
  return new Pattern(literal.slice(1, end), literal.slice(end + 1));
}
