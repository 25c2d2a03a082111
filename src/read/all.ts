// Registers every built-in input format. Importing a reader file registers it.
import "./json-array.js";
import "./jsonl.js";
import "./warc.js";
import "./html-files.js";
