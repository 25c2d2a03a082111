export * from "./document.js";
export * from "./lines.js";
export * from "./apply.js";
export * from "./stage.js";
