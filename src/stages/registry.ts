// Every stage a pipeline file can `use`, with the schema of its options.
import type * as z from "../core/schema.js";
import type { Stage } from "../core/stage.js";

export interface StageDefinition {
  /** What the stage finds, for `chaff stages` and the README. */
  description: string;
  /** Validates the `options` object of the pipeline file. */
  options: z.ZodMiniType;
  create(options: any): Stage;
}

const registry = new Map<string, StageDefinition>();

export function registerStage(use: string, definition: StageDefinition): void {
  if (registry.has(use)) throw new Error(`stage "${use}" is registered twice`);
  registry.set(use, definition);
}

export function stageDefinition(use: string): StageDefinition | undefined {
  return registry.get(use);
}

export function stageNames(): string[] {
  return [...registry.keys()].sort();
}
