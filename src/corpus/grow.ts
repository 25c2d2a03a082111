// Typed arrays grow by doubling, as arrays do, but without the per-element cost of a JS array.

/** A typed array of twice the length holding `numbers` at its start. */
export function grown<T extends Float64Array | Uint32Array | Int32Array>(numbers: T): T {
  const bigger = new (numbers.constructor as new (length: number) => T)(numbers.length * 2);
  bigger.set(numbers);
  return bigger;
}
