// What crosses between the main thread and a pool worker besides small objects: the texts, as
// UTF-8 bytes in one buffer per message that the message moves instead of copying. V8's
// serializer copies strings (mostly two-byte in a web corpus) at several times the cost of
// encoding them, on both threads, and the main thread writes the outcomes' bytes as they are.
import type { CleanOutcome, CleanTask, WrittenOutcome } from "./task.js";

/** Whether a string is well-formed UTF-16 (no lone surrogate): only then do its UTF-8 bytes decode back to it. */
const isWellFormed = (text: string): boolean => (text as string & { isWellFormed(): boolean }).isWellFormed();

/** A task as sent to a worker: a text content as its UTF-8 bytes (`textAsBytes`), which the worker decodes. */
export type SentTask = CleanTask & { textAsBytes?: true };

/**
 * The tasks with each text content as UTF-8 bytes, views of one buffer that the message moves:
 * V8's serializer copies strings (mostly two-byte here) at several times the cost, on both
 * threads. A text that is not well-formed UTF-16 (a lone surrogate, which JSON may hold) stays
 * text: its bytes would not decode back to it.
 */
export function asSent(tasks: readonly CleanTask[]): { tasks: SentTask[]; transferList: ArrayBuffer[] } {
  let size = 0;
  const sendable = tasks.map((t) => typeof t.content === "string" && isWellFormed(t.content));
  tasks.forEach((t, i) => (size += sendable[i] ? Buffer.byteLength(t.content as string, "utf8") : 0));
  if (size === 0) return { tasks: [...tasks], transferList: [] };
  const bytes = Buffer.allocUnsafeSlow(size);
  let at = 0;
  const sent = tasks.map((t, i): SentTask => {
    if (!sendable[i]) return t;
    const start = at;
    at += bytes.write(t.content as string, at, "utf8");
    return { ...t, content: bytes.subarray(start, at), textAsBytes: true };
  });
  return { tasks: sent, transferList: [bytes.buffer] };
}

/** The task a worker cleans: `asSent`'s bytes decoded back to the text they were. */
export function asReceived(task: SentTask): CleanTask {
  if (!task.textAsBytes) return task;
  const { textAsBytes: _, content, ...rest } = task;
  const bytes = content as Uint8Array;
  return { ...rest, content: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8") };
}


/**
 * The outcomes with their body and audit as UTF-8 bytes, views of one buffer that the message
 * moves instead of copying: text (mostly two-byte strings, the audit a rope of lines) cost V8's
 * serializer most of what cleaning the floor's documents costs, and the main thread then had
 * to encode it again to write it. 150 messages of 8 news records: 27-92 ms to post as text or
 * copied bytes, 5 ms moved; in the whole run the worker's `postMessage` went from 12% of its
 * CPU to under 1% (see README, "Speed of the text route").
 */
export function asBytes(outcomes: CleanOutcome[]): { bytes: Buffer; outcomes: WrittenOutcome[] } {
  let size = 0;
  for (const o of outcomes) size += Buffer.byteLength(o.body, "utf8") + Buffer.byteLength(o.audit, "utf8");
  const bytes = Buffer.allocUnsafeSlow(size);
  let at = 0;
  const view = (text: string) => {
    const start = at;
    at += bytes.write(text, at, "utf8");
    return bytes.subarray(start, at);
  };
  return { bytes, outcomes: outcomes.map((o) => ({ ...o, body: view(o.body), audit: view(o.audit) })) };
}
