// One parsed JSON record -> a clean-task, or the reason it is rejected. Shared by
// the JSON-array and JSONL readers, so both reject the same things the same way.
import type { InputFile } from "./inputs.js";
import type { ReadItem, ReadOptions, RecordPosition } from "./formats.js";

/** Record fields that may carry a content type; `html` in one sends the record down the HTML route. */
const CONTENT_TYPE_FIELDS = ["content_type", "contentType", "content-type", "mime_type", "mimeType", "mime"] as const;

/** "a number", "null", "an array"... for messages. */
function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  const type = typeof value;
  return type === "object" ? "an object" : `a ${type}`;
}

function positionText(at: RecordPosition): string {
  return "line" in at ? String(at.line) : String(at.record);
}

function contentTypeOf(record: Record<string, unknown>): string | undefined {
  for (const field of CONTENT_TYPE_FIELDS) {
    const value = record[field];
    if (typeof value === "string") return value;
  }
  return undefined;
}

/**
 * `exactId` gives the id field's number as written, when the reader can tell: JSON.parse
 * turns 12345678901234567890 into 12345678901234567000, and an id must keep its digits.
 */
export function recordToItem(value: unknown, at: RecordPosition, file: InputFile, options: ReadOptions, exactId?: () => string | undefined): ReadItem {
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
  if (rawId === undefined || rawId === "") id = `${file.relative}#${positionText(at)}`;
  else if (typeof rawId === "string") id = rawId;
  else if (typeof rawId === "number") id = (Number.isSafeInteger(rawId) ? undefined : exactId?.()) ?? String(rawId);
  else return { reject: { ...at, reason: `"${idField}" field is ${describeValue(rawId)}, not a string or number` } };
  // fromEntries defines each field as its own property: a field named `__proto__` stays a field.
  const fields: Record<string, unknown> = Object.fromEntries(Object.keys(record).filter((key) => key !== textField && key !== idField).map((key) => [key, record[key]]));
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
