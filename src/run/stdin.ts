// `chaff clean -`: stdin to stdout, through the same cleanTask as every file of a run
// (on the main thread: --timeout does not apply, --max-document-mb does).
import type { Pipeline } from "../core/stage.js";
import { tooLarge } from "../read/formats.js";
import { decodeText } from "../read/text.js";
import { writeFileAtomic } from "../write/atomic.js";
import { cleanTask } from "./task.js";


/**
 * Cleans stdin as one text document, of at most `maxBytes`; the audit, when asked for, says
 * its source and output are `-`. Returns the exit status.
 */
export async function cleanStdin(pipeline: Pipeline, auditPath: string | undefined, maxBytes: number, onError: (reason: string) => void): Promise<number> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) {
      onError(tooLarge(undefined, maxBytes));
      return 1;
    }
    chunks.push(chunk as Buffer);
  }
  let raw: string;
  try {
    raw = decodeText(Buffer.concat(chunks));
  } catch (error) {
    onError((error as Error).message);
    return 1;
  }
  const outcome = await cleanTask({ id: "stdin", source: "-", output: "-", route: "text", content: raw, shape: "text" }, { text: pipeline, html: pipeline }, () => {
    throw new Error("stdin is cleaned as text");
  });
  process.stdout.write(outcome.body);
  if (auditPath) await writeFileAtomic(auditPath, outcome.audit);
  return 0;
}
