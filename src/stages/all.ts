// Registers every built-in stage. Importing a stage file registers it.
import "./icons.js";
import "./widgets.js";
import "./related.js";
import "./comments.js";
import "./tags.js";
import "./captions.js";
import "./timestamps.js";
import "./duplicates.js";
import "./boilerplate-phrases.js";
import "./boilerplate-lines.js";
