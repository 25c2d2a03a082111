// One parsed JSON record -> a clean-task, or the reason it is rejected. Shared by
// the JSON-array and JSONL readers, so both reject the same things the same way.
import type { InputFile } from "./inputs.js";
import type { ReadItem, ReadOptions, RecordPosition } from "./formats.js";

/** Record fields that may carry a content type; `html` in one sends the record down the HTML route. */
export const CONTENT_TYPE_FIELDS = ["content_type", "contentType", "content-type", "mime_type", "mimeType", "mime"] as const;

/** "a number", "null", "an array"... for messages. */
export function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  const type = typeof value;
  return type === "object" ? "an object" : `a ${type}`;
}

function positionText(at: RecordPosition): string {
  return "line" in at ? String(at.line) : String(at.record);
}

export function contentTypeOf(record: Record<string, unknown>): string | undefined {
  for (const field of CONTENT_TYPE_FIELDS) {
    const value = record[field];
    if (typeof value === "string") return value;
  }
  return undefined;
}

export function recordToItem(value: unknown, at: RecordPosition, file: InputFile, options: ReadOptions): ReadItem {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return { reject: { ...at, reason: `record is ${describeValue(value)}, not an object` } };
  }
  const record = value as Record<string, unknown>;
  const { textField, idField } = options;
  if (!Object.hasOwn(record, textField)) return { reject: { ...at, reason: `no "${textField}" field` } };
  const text = record[textField];
  if (typeof text !== "string") {
    return { reject: { ...at, reason: `"${textField}" field is ${describeValue(text)}, not a string` } };
  }
  const rawId = record[idField];
  let id: string;
  if (rawId === undefined || rawId === null || rawId === "") id = `${file.relative}#${positionText(at)}`;
  else if (typeof rawId === "string" || typeof rawId === "number") id = String(rawId);
  else return { reject: { ...at, reason: `"${idField}" field is ${describeValue(rawId)}, not a string or number` } };
  const fields: Record<string, unknown> = {};
  for (const key of Object.keys(record)) if (key !== textField && key !== idField) fields[key] = record[key];
  const contentType = contentTypeOf(record);
  const html = options.html ?? (textField.toLowerCase() === "html" || /html/i.test(contentType ?? ""));
  return {
    task: {
      id,
      source: `${file.display}#${positionText(at)}`,
      route: html ? "html" : "text",
      content: text,
      contentType: html ? contentType : undefined,
      url: typeof record.url === "string" ? record.url : undefined,
      fields,
      at,
    },
  };
}
