// src/match/table-facts.ts is generated from the rule tables: it must be what they give now.
import { describe, expect, it } from "vitest";
import { TABLE_FACTS } from "../../src/match/table-facts.js";
import { collectTableFacts } from "../../scripts/table-facts.js";

describe("the generated facts of the built-in rules", () => {
  it("are those of the tables as they are (after a table changes, run `npm run facts`)", () => {
    expect(TABLE_FACTS).toEqual(collectTableFacts());
  });
});
