// Icon ligatures: icon fonts such as Material Icons draw a glyph for a word written in the
// page ("share", "mail_outline", "keyboard_arrow_right"); a scraper reads the word.

/** Ligature names that hold an underscore and are common on news pages; leading or trailing one of these is cut from a line. */
export const KNOWN_LIGATURES: readonly string[] = [
  "arrow_forward", "arrow_back", "arrow_forward_ios", "arrow_back_ios", "arrow_right_alt", "arrow_drop_down", "arrow_drop_up",
  "arrow_upward", "arrow_downward", "chevron_right", "chevron_left", "navigate_next", "navigate_before", "keyboard_arrow_right",
  "keyboard_arrow_left", "keyboard_arrow_down", "keyboard_arrow_up", "expand_more", "expand_less", "more_vert", "more_horiz",
  "open_in_new", "play_arrow", "play_circle_outline", "play_circle_filled", "pause_circle_outline", "volume_up", "volume_off",
  "mail_outline", "bookmark_border", "favorite_border", "thumb_up", "thumb_down", "chat_bubble_outline", "chat_bubble",
  "access_time", "schedule_send", "photo_camera", "photo_library", "zoom_in", "zoom_out", "fullscreen_exit", "content_copy",
  "print_outline", "share_outline", "account_circle", "person_outline", "notifications_none", "format_quote", "local_offer",
];

/** Single-word ligatures: a line made only of these and of underscore ligatures is an icon string. */
export const LIGATURE_WORDS: readonly string[] = [
  "share", "print", "close", "menu", "search", "bookmark", "favorite", "mail", "email", "home", "send", "link", "info",
  "help", "settings", "person", "comment", "forum", "chat", "schedule", "today", "event", "place", "room", "visibility",
  "fullscreen", "pause", "replay", "refresh", "download", "upload", "launch", "flag", "star", "add", "remove", "check",
  "clear", "done", "edit", "delete", "language", "public", "photo", "image", "videocam", "headset", "facebook", "twitter",
];

export const LIGATURE_RULE = {
  rule: "icons/ligatures",
  /** An underscore ligature name: lower-case words joined by "_". */
  snakeCase: /^[a-z]+(?:_[a-z0-9]+)+$/,
  /** A line of ligatures has at most this many tokens. */
  maxTokens: 8,
  reason: "icon ligature names (Material Icons and the like) read as text",
  example: "share print mail_outline bookmark_border",
  examplePrefix: "arrow_forward Read more",
} as const;
