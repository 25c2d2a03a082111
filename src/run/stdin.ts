// `chaff clean -`: stdin to stdout, through the same cleanTask as every file of a run.
import type { Pipeline } from "../core/stage.js";
import { decodeText } from "../read/text.js";
import { writeFileAtomic } from "../write/atomic.js";
import { cleanTask } from "./task.js";


/** Cleans stdin as one text document; the audit, when asked for, says its source and output are `-`. Returns the exit status. */
export async function cleanStdin(pipeline: Pipeline, auditPath: string | undefined, onError: (reason: string) => void): Promise<number> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
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
