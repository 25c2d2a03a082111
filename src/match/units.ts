// Reading a line's UTF-16 units in the stages' hot loops.

/**
 * `text.charCodeAt(i)` for a line's content, or a string made from it. Contents come as seven
 * kinds of V8 string (sliced, sequential and cons; one- and two-byte; internalized: src/core/lines.ts
 * slices, trims and collapses them), so in a loop over many lines `text.charCodeAt` and `text.length`
 * see more kinds than their inline caches keep: each read is then a megamorphic property load, and
 * each unit a call that is not inlined (~10-20 ns a unit). String.prototype's own function, called by
 * name, is inlined whatever the string's kind (~3 ns). Loops take `text.length` once, before them.
 */
export function unitAt(text: string, i: number): number {
  return String.prototype.charCodeAt.call(text, i);
}
