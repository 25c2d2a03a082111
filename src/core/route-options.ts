// Pipeline-side switches of the HTML route.
import type { Pipeline } from "./stage.js";

/** The rule id of comment sections on the HTML route (markup, or a comment-section heading). */
export const COMMENTS_RULE = "html/comments";

/** The rule of a block the extraction left out (the audit's record of it). */
export const LEFT_OUT_RULE = "extraction/left-out";

/** The meta key (not enumerable) under which the left-out flags travel to the `html-blocks` stage. */
export const LEFT_OUT_META_KEY = "extractionLeftOut";

/**
 * The pipeline with readers' comments kept: the `html-blocks` stage no longer reports
 * `html/comments` flags (they stay in `meta.markup`, so the metadata still says which
 * lines are comments), and `boilerplate-lines` (web-text) keeps the comment thread of a
 * plain-text page. Other stages are untouched.
 */
export function withKeepComments(pipeline: Pipeline, keepComments: boolean): Pipeline {
  if (!keepComments) return pipeline;
  return {
    ...pipeline,
    stages: pipeline.stages.map((stage) => {
      if (stage.name === "html-blocks") return { name: stage.name, detect: (ctx) => stage.detect(ctx).filter((d) => d.rule !== COMMENTS_RULE) };
      // web-text's classifier keeps the comment thread itself: it reads the switch while it runs.
      if (stage.name === "boilerplate-lines") return { name: stage.name, detect: (ctx) => withRouteOptions({ keepComments: true }, () => stage.detect(ctx)) };
      return stage;
    }),
  };
}

/** Runs `work` with some switches set, then restores them (synchronous work only). */
function withRouteOptions<T>(options: HtmlRouteOptions, work: () => T): T {
  const before = routeOptions;
  routeOptions = { ...before, ...options };
  try {
    return work();
  } finally {
    routeOptions = before;
  }
}

/** Switches of the HTML route a run sets once per thread (CLI flags; pool workers get them in workerData). */
export interface HtmlRouteOptions {
  /** Readers' comments stay in the text (`--keep-comments`); the `html-blocks` stage option does the same per pipeline. */
  keepComments?: boolean;
  /** Record every visible block extraction leaves out (default true; `--no-extraction-records` for very large runs). */
  recordLeftOut?: boolean;
}

let routeOptions: HtmlRouteOptions = {};

export function setHtmlRouteOptions(options: HtmlRouteOptions | undefined): void {
  routeOptions = { ...(options ?? {}) };
}

export function htmlRouteOptions(): Readonly<HtmlRouteOptions> {
  return routeOptions;
}
