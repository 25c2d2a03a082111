// Every regular expression literal written in src/ (the rule tables' patterns are collected by
// rule-patterns.ts): found with TypeScript's parser, so a pattern in a comment or a string is not one.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import type { RulePattern } from "./rule-patterns.js";

const ROOT = join(import.meta.dirname, "../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(path) : entry.name.endsWith(".ts") ? [path] : [];
  });
}

/** Each literal with where it is (`src/<file>:<line>`), its source and its flags (`g` and `y` dropped: they do not change what it matches). */
export function sourcePatterns(): RulePattern[] {
  const found: RulePattern[] = [];
  for (const path of sourceFiles(join(ROOT, "src")).sort()) {
    const file = ts.createSourceFile(path, readFileSync(path, "utf8"), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText(file);
        const end = text.lastIndexOf("/");
        found.push({ where: `${relative(ROOT, path)}:${file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1}`, source: text.slice(1, end), flags: text.slice(end + 1).replace(/[gy]/g, "") });
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return found;
}
