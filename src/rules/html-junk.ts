// Markup that says "this is not the article": class, id, role and aria-label words that
// sites use for share bars, related links, newsletter boxes, comments, author bios, ads.
// They are matched on the words of the attribute (split on spaces, -, _, camelCase),
// so `related-posts`, `relatedPosts` and `related_posts` all read "related posts".
//
// A match does not delete anything by itself: the extractor marks the blocks inside the
// element and the `html-blocks` stage reports them, so every removal is in the audit.

export interface MarkupRule {
  rule: string;
  /** Matched against the words of class and id, joined by single spaces, lower case. */
  words: RegExp;
  reason: string;
  /** A class or id string this rule catches. */
  example: string;
}

export interface RoleRule {
  rule: string;
  /** ARIA role values (exact, lower case). */
  roles: readonly string[];
  reason: string;
  example: string;
}

/** Word boundaries inside the joined attribute words. */
const w = (alternatives: string) => new RegExp(`(?:^| )(?:${alternatives})(?: |$)`);

export const MARKUP_RULES: readonly MarkupRule[] = [
  { rule: "html/share", words: w("share|shares|sharing|sharebar|share ?tools|share ?buttons|social(?: (?:share|links|media|buttons|icons|bar|tools))?|addthis|sharethis|shareaholic|print ?button"), reason: "share or social widget in the markup", example: "article-share-bar" },
  { rule: "html/related", words: w("related(?: \\w+)?|relatedposts|more ?stories|more ?articles|more ?from|more ?on|recommended|recommendations|recirc|recirculation|read ?more|read ?next|also ?read|you ?may ?like|most ?popular|most ?read|popular ?posts|trending|outbrain|taboola|further ?reading|see ?also|next ?article|up ?next|teasers?|story ?list|article ?list|headlines"), reason: "related-articles list in the markup", example: "relatedArticles" },
  { rule: "html/newsletter", words: w("newsletter|newsletters|subscribe|subscription|subscriptions|signup|sign ?up|optin|opt ?in|email ?capture|inline ?signup|membership ?prompt|donate|donation"), reason: "newsletter or subscription box in the markup", example: "newsletter-signup-inline" },
  { rule: "html/comments", words: w("comment|comments|commentlist|comment ?list|disqus|discussion|respond|replies|reactions"), reason: "comment section in the markup", example: "comments-area" },
  { rule: "html/author-bio", words: w("author ?bio|author ?info|author ?box|author ?card|about ?(?:the )?author|bio|biography|contributor ?bio|author ?details|byline ?bio"), reason: "author biography in the markup", example: "author-bio" },
  { rule: "html/byline", words: w("byline|by ?line|author ?name|article ?author|post ?author|dateline|timestamp|publish(?:ed)? ?date|post ?date|article ?date|date ?published|meta ?data|article ?meta|post ?meta|entry ?meta"), reason: "byline or date line in the markup", example: "article-byline" },
  { rule: "html/ad", words: w("ad|ads|adv|advert|adverts|advertisement|advertising|adslot|ad ?slot|ad ?unit|ad ?container|ad ?wrapper|dfp|gpt ?ad|sponsor|sponsored|promo|promoted|promotion|native ?ad|paid ?content|partner ?content|commercial"), reason: "advertisement or promotion in the markup", example: "ad-container" },
  { rule: "html/nav", words: w("nav|navbar|navigation|breadcrumb|breadcrumbs|menu|pagination|pager|skip ?link|skip ?to ?content|toolbar|tab ?bar|site ?header|site ?footer|masthead"), reason: "navigation in the markup", example: "breadcrumbs" },
  { rule: "html/cookie", words: w("cookie|cookies|cookie ?banner|consent|gdpr|privacy ?banner"), reason: "cookie or consent notice in the markup", example: "cookie-consent-banner" },
  { rule: "html/tags", words: w("tags|tag ?list|tag ?cloud|post ?tags|article ?tags|topics|topic ?list|keywords|categories"), reason: "tag list in the markup", example: "article-tags" },
  { rule: "html/screen-reader", words: w("sr ?only|visually ?hidden|screen ?reader(?: text| only)?|offscreen|off ?screen|a11y ?hidden|assistive ?text|hidden ?text|visuallyhidden"), reason: "text for screen readers only (labels like 'Image caption')", example: "visually-hidden" },
  { rule: "html/standfirst", words: w("dek|standfirst|strapline|sub ?headline|subheadline|sub ?title|subtitle|article ?subtitle|kicker|lede ?summary|article ?summary|story ?summary|summary ?text|tease|teaser ?text"), reason: "standfirst or summary above the story (repeats it)", example: "article-dek" },
  { rule: "caption/credit", words: w("credit|credits|photo ?credit|image ?credit|img ?credit|copyright|media ?credit|picture ?credit|source ?credit"), reason: "photo credit in the markup", example: "image-credit" },
];

export const ROLE_RULES: readonly RoleRule[] = [
  { rule: "html/nav", roles: ["navigation", "menu", "menubar", "toolbar", "tablist", "search", "banner", "contentinfo"], reason: "navigation landmark", example: '<div role="navigation">' },
  { rule: "html/related", roles: ["complementary"], reason: "complementary landmark (sidebars, related links)", example: '<div role="complementary">' },
  { rule: "html/cookie", roles: ["dialog", "alertdialog"], reason: "dialog (cookie notices, sign-up prompts)", example: '<div role="dialog">' },
];

/** aria-label words: labelled regions are usually widgets ("Share this article", "Related stories"). */
export const ARIA_LABEL_RULES: readonly MarkupRule[] = [
  { rule: "html/share", words: w("share(?: \\w+)*|social(?: \\w+)*"), reason: "share widget (aria-label)", example: "Share this article" },
  { rule: "html/related", words: w("related(?: \\w+)*|more (?:stories|articles|news)|recommended(?: \\w+)*|read more|you may also like"), reason: "related-articles region (aria-label)", example: "Related stories" },
  { rule: "html/newsletter", words: w("newsletter(?: \\w+)*|subscribe(?: \\w+)*|sign up(?: \\w+)*"), reason: "newsletter region (aria-label)", example: "Newsletter sign-up" },
  { rule: "html/nav", words: w("breadcrumbs?|navigation|menu|main menu|site navigation"), reason: "navigation region (aria-label)", example: "Breadcrumb" },
];

/** Elements whose tag name alone says they are not article text (when inside the article). */
export const ELEMENT_RULES: ReadonlyArray<{ rule: string; tags: readonly string[]; reason: string; example: string }> = [
  { rule: "html/nav", tags: ["NAV"], reason: "<nav> element", example: "<nav><a>Home</a></nav>" },
  { rule: "html/related", tags: ["ASIDE"], reason: "<aside> element (sidebars, pull-outs, related links)", example: "<aside>Related</aside>" },
  { rule: "html/nav", tags: ["FORM", "BUTTON", "SELECT", "TEXTAREA", "LABEL"], reason: "form controls", example: "<button>Subscribe</button>" },
];

/**
 * Class tokens that CSS frameworks define as `display:none` (Bootstrap's `hidden`, `d-none`, `hide`;
 * Tailwind's `hidden`; Bulma's `is-hidden`): the text is not on the screen, whatever the language.
 * Matched on whole class tokens (`hidden-xs`, hidden on phones only, is not one). An element that a
 * responsive token shows again at some width (`hidden md:block`, `d-none d-lg-flex`,
 * `visible-md`) is visible on a desktop, so it is not flagged; nor is hidden prose (`spareProseChars`).
 */
export const HIDDEN_CLASS_RULE = {
  rule: "html/hidden",
  tokens: new Set(["hidden", "hide", "d-none", "is-hidden", "invisible", "display-none", "u-hidden"]),
  shownAt: /(?:^|\s)(?:[a-z0-9-]+:(?:block|inline|inline-block|flex|inline-flex|grid|table|contents|visible)|d-[a-z]+-(?:block|inline|inline-block|flex|inline-flex|grid|table)|visible-[a-z]+(?:-[a-z]+)?)(?=\s|$)/,
  /**
   * An element with a paragraph and at least this many characters of text is spared: a tab or
   * accordion panel, or the rest of a story behind a "read more" button, shown by a click and
   * part of the page's content.
   */
  spareProseChars: 300,
  reason: "hidden by its class (display:none in CSS frameworks): not on the screen",
  example: '<a class="hidden" href="#story_continues_1">Continue reading the main story</a>',
  spared: '<div class="tab-panel hidden"><p>The upper is made of waxed leather that is stitched by hand…</p></div>',
} as const;

/**
 * A box the page's markup calls a sidebar (class or id words) is site furniture like <aside>: a
 * landmark for the block classifier, and `html/related` inside the article. Not when the words
 * say it is a layout wrapper (`content-sidebar-wrap`, `has-sidebar`, `layout-sidebar-right`) or it
 * holds one of `wrapperTags` (the page's main heading or content root: a wrapper around both columns).
 */
export const SIDEBAR_RULE = {
  rule: "html/related",
  words: /(?:^| )sidebars?(?: |$)/,
  layoutWords: /(?:^| )(?:content|main|body|page|layout|has|with|no|wrap|site|template)(?: |$)/,
  wrapperTags: ["h1", "article", "main"] as readonly string[],
  reason: "sidebar in the markup",
  example: "<div id='sidebar-wrapper'><div id='Profile1'><h2>About Me</h2><p>Prior to founding the blog, I held…</p></div></div>",
} as const;

/**
 * Share endpoints: a link to one of these shares the page, whatever its text or language
 * ("WhatsApp", "Compartilhar", an icon). A block whose text is mostly such links is a share row.
 * Pinterest's host has at most three labels after "pinterest." (pinterest.co.uk, pinterest.com.au): an
 * unbounded `[a-z.]+` there rescanned the whole href for each subdomain tried before it (quadratic).
 */
export const SHARE_LINK_RULE = {
  rule: "html/share",
  href: /^(?:whatsapp:|sms:|viber:|tg:\/\/msg|mailto:\?)|^(?:https?:)?\/\/(?:[\w-]+\.)*(?:facebook\.com\/(?:sharer|share\.php|dialog\/(?:share|feed|send))|(?:twitter|x)\.com\/(?:intent\/|share\b|home\?status)|linkedin\.com\/(?:shareArticle|sharing|cws\/share)|pinterest\.[a-z]+(?:\.[a-z]+){0,2}\/pin\/create|reddit\.com\/submit|t(?:elegram)?\.me\/share|vk\.com\/share|connect\.ok\.ru\/offer|(?:api\.)?whatsapp\.com\/send|wa\.me\/\?|tumblr\.com\/(?:share|widgets\/share)|getpocket\.com\/(?:save|edit)|share\.flipboard\.com|flipboard\.com\/bookmarklet|news\.ycombinator\.com\/submitlink|plus\.google\.com\/share|addtoany\.com\/(?:share|add_to)|xing\.com\/(?:spi\/)?shares?|digg\.com\/submit|bsky\.app\/intent|threads\.net\/intent|line\.me\/R\/msg|social-plugins\.line\.me)/i,
  /** Smallest share of the block's characters inside share links. */
  minShareLinkDensity: 0.5,
  /** Most words per share link: "Facebook", "Share on X". A whole linked sentence is a "Click to tweet" quote of the story, kept. */
  maxWordsPerShareLink: 3,
  reason: "a row of links that share the page (Facebook sharer, WhatsApp send, mailto:?subject=...)",
  example: '<p><a href="https://www.facebook.com/sharer/sharer.php?u=x">Facebook</a> <a href="whatsapp://send?text=x">WhatsApp</a> Pin</p>',
} as const;

/**
 * Links to tag and category pages: `rel="tag"` (the microformat most CMSs emit) or a tag or
 * category path. A block whose text is mostly such links is a tag line ("Filed under: Politics, Brexit").
 */
export const TAG_LINK_RULE = {
  rule: "html/tags",
  rel: /(?:^|\s)tag(?:\s|$)/i,
  href: /\/(?:tags?|category|categories|topics?|taxonomy\/term|etiquetas?|tema|themen?|schlagw(?:ort|oerter)|stichw(?:ort|oerter)|rubriques?|mots?-cles?|teg|tegi|tags?-\w+)\/[^/?#]/i,
  /** Smallest share of the block's characters inside tag links. */
  minTagLinkDensity: 0.5,
  reason: "a line of links to tag or category pages",
  example: '<p><a href="/category/politics" rel="category tag">Politics</a>, <a href="/tag/brexit" rel="tag">Brexit</a></p>',
} as const;

/**
 * A heading that says "related articles" ("You may also like", "Lesen Sie auch"; the labels of
 * src/rules/related.ts, in every language there) opens a section of teasers: the heading and
 * the teaser cards after it (lists, and elements holding links) are marked up to the first
 * sibling that is plain text (a paragraph with few links: the story going on).
 */
export const RELATED_SECTION_RULE = {
  rule: "html/related-section",
  /** Longest heading text read as a label. */
  maxHeadingChars: 80,
  /** A paragraph, heading or list after the label is a teaser when at least this share of it is link text. */
  minTeaserLinkDensity: 0.5,
  /** Any other element is a teaser card when it holds a link, at most this many characters and at most `maxTeaserParagraphs` paragraphs (a story's body holds more). */
  maxTeaserCardChars: 1000,
  maxTeaserParagraphs: 1,
  /** The marks are dropped when they would leave less article text than this (characters, spaces aside). */
  minArticleCharsLeft: 200,
  reason: "teasers under a related-articles heading",
  example: '<h3>You may also like</h3><article><a href="/other">Other story</a><p>Its teaser…</p></article>',
} as const;

/**
 * A heading that opens the readers' comments ("3 Comments", "Leave a Reply", "Kommentare (12)";
 * the comment-section headings of src/rules/comments.ts) marks itself and everything after it
 * in its container. Like related sections, it is exempt from the share guards and dropped when it
 * would leave less than RELATED_SECTION_RULE.minArticleCharsLeft of article.
 */
export const COMMENT_SECTION_RULE = {
  rule: "html/comments",
  reason: "the readers' comments, from their heading on",
  example: "<h3>3 Comments</h3><div><p>Peter M. wrote:</p><p>A disgrace for our town.</p></div>",
} as const;

/**
 * Guards against a site that puts a junk word on the article itself
 * (`<div class="article has-comments">`, `<p class="share-quote">`).
 */
export const MARKUP_LIMITS = {
  /** A marked element holding more than this share of the article's text is not junk. */
  maxShareOfArticle: 0.4,
  /** A rule whose marks would together take more than this share of the article is ignored for the page. */
  maxRuleShareOfArticle: 0.5,
  example: "a <div class='story-share-enabled'> wrapping the whole story is kept",
} as const;

/**
 * A block that is (nearly) all link text is a link to elsewhere: a related headline, a
 * tag, a "Read more" or a navigation item. Headings too: a linked headline is a teaser.
 */
export const LINK_BLOCK_RULE = {
  rule: "html/link-block",
  /** Smallest share of the block's characters inside links. */
  minLinkDensity: 0.8,
  /**
   * Kinds it applies to. Not paragraphs: a linked paragraph inside the story is usually
   * the story's own call to action or reference ("Get it on Amazon for $39").
   */
  kinds: ["list-item", "heading", "text", "caption"] as readonly string[],
  reason: "a block made of link text (related headline, navigation, tag)",
  example: '<li><a href="/other-story">Other story headline</a></li>',
} as const;
