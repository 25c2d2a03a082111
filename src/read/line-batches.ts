// Lines of a UTF-8 stream, handed out a chunk's worth at a time. node:readline emits one
// event per line, which costs more than the corpus passes' own work on a line; splitting
// each decoded chunk at once is several times cheaper. A line ends at "\n" (a "\r"
// before it is dropped); the last line needs no "\n".
import { StringDecoder } from "node:string_decoder";
import type { Readable } from "node:stream";

export async function* lineBatches(input: Readable): AsyncGenerator<string[]> {
  const decoder = new StringDecoder("utf8");
  let rest = "";
  for await (const chunk of input) {
    const decoded = typeof chunk === "string" ? chunk : decoder.write(chunk as Buffer);
    // A chunk inside a long line is only appended: splitting the whole line again at every chunk would be quadratic.
    if (!decoded.includes("\n")) {
      rest += decoded;
      continue;
    }
    const text = rest + decoded;
    const lines = text.split("\n");
    rest = lines.pop()!;
    if (lines.length) yield text.includes("\r") ? lines.map(withoutCarriageReturn) : lines;
  }
  rest += decoder.end();
  if (rest) yield [withoutCarriageReturn(rest)];
}

function withoutCarriageReturn(line: string): string {
  return line.endsWith("\r") ? line.slice(0, -1) : line;
}
