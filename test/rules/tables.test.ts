// One tester for every rule table, as textlint's tester runs a rule's `valid` and `invalid`
// cases: each table goes through the real stage that uses it. Invalid lines are the table's
// own examples, each removed whole under its own rule id; valid lines are prose that uses the
// table's words and must stay. A new table is one more entry in TABLES.
import { describe, expect, it } from "vitest";
import { COUNTER_RULES, FURNITURE_RULES } from "../../src/rules/boilerplate.js";
import { CAPTION_RULES } from "../../src/rules/captions.js";
import { SOURCE_CREDIT_RULES } from "../../src/rules/credits.js";
import { COMMENT_RULES } from "../../src/rules/comments.js";
import { PROMO_TABLE } from "../../src/rules/promos.js";
import { RELATED_RULES } from "../../src/rules/related.js";
import { TAG_LINE_RULES } from "../../src/rules/tags.js";
import { WIDGET_RULES } from "../../src/rules/widgets.js";
import { runStages } from "../helpers.js";

interface TableCase {
  /** The stage that runs the table. */
  stage: string;
  rules: ReadonlyArray<{ rule: string; lang: string; example: string }>;
  /** Lines that use the table's words in prose: the stage keeps them. */
  valid: readonly string[];
}

const TABLES: Record<string, TableCase> = {
  widgets: {
    stage: "widgets",
    rules: WIDGET_RULES,
    valid: ["She said she would share the print edition with readers by email next week.", "Follow the money, the senator told the committee on Tuesday."],
  },
  related: {
    stage: "related",
    rules: RELATED_RULES,
    valid: ["Officials said they had read more than a thousand letters from residents.", "See also the ministry's reply, which came two days later."],
  },
  comments: {
    stage: "comments",
    rules: COMMENT_RULES,
    valid: ["Leaving a comment on the bill was not an option for the government, the minister said.", "Readers wrote hundreds of comments under the first report."],
  },
  captions: {
    stage: "captions",
    rules: CAPTION_RULES,
    valid: ["The photo, the agency said, had not been altered in any way.", "A photographer for the agency was detained for two hours."],
  },
  credits: {
    stage: "captions",
    rules: SOURCE_CREDIT_RULES,
    valid: ["The source of the leak, officials said, was a junior clerk in the ministry."],
  },
  tags: {
    stage: "tags",
    rules: TAG_LINE_RULES,
    valid: ["Tags on the luggage showed the bags had been loaded in Frankfurt."],
  },
  promos: {
    stage: "promos",
    rules: PROMO_TABLE,
    valid: ["Subscribers to the newsletter were told on Monday that the paper would close.", "The copyright dispute between the two publishers went to court in 2019."],
  },
  "boilerplate furniture and counters": {
    stage: "boilerplate-phrases",
    rules: [...COUNTER_RULES, ...FURNITURE_RULES],
    valid: ["Regulators said the site's use of cookies to follow readers broke the law, and fined the publisher.", "Twelve comments were read out in parliament."],
  },
};

describe.each(Object.entries(TABLES))("%s table", (_name, { stage, rules, valid }) => {
  it.each(rules.map((r) => [r.rule, r.lang, r.example] as const))("invalid: %s (%s) removes %j", (rule, _lang, example) => {
    const result = runStages(`${example}\n`, [stage]);
    expect(result.removals.map((r) => [r.rule, r.text])).toEqual([[rule, example]]);
  });

  it.each(valid.map((line) => [line]))("valid: keeps %j", (line) => {
    expect(runStages(`${line}\n`, [stage]).removals).toEqual([]);
  });
});
