import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

/**
 * Staff write portal content in Markdown; tenants get HTML rendered from it once, when it is saved.
 * Two layers: markdown-it with `html: false` escapes any HTML staff type (it never reaches the page
 * as markup) and refuses javascript:/vbscript:/data: links; sanitize-html then keeps only the tags and
 * attributes Markdown itself produces, so a renderer bug or plugin can't widen what gets through.
 * Links open in a new tab without the opener.
 */
const md = new MarkdownIt({ html: false, linkify: true, breaks: true, typographer: false });

const ALLOWED_TAGS = [
  'p',
  'br',
  'strong',
  'em',
  's',
  'a',
  'ul',
  'ol',
  'li',
  'h2',
  'h3',
  'h4',
  'blockquote',
  'code',
  'pre',
  'hr',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
];

export function renderMarkdown(source: string): string {
  // A heading level 1 belongs to the page: staff's "# Title" becomes a level-2 heading.
  const html = md.render(source).replace(/<(\/?)h1>/g, '<$1h2>');
  return sanitizeHtml(html, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: { a: ['href', 'target', 'rel'], ol: ['start'], th: ['style'], td: ['style'] },
    allowedStyles: { '*': { 'text-align': [/^(left|right|center)$/] } },
    allowedSchemes: ['https', 'http', 'mailto', 'tel'],
    allowProtocolRelative: false,
    transformTags: { a: sanitizeHtml.simpleTransform('a', { target: '_blank', rel: 'noopener noreferrer' }) },
  });
}

/** Plain text for e-mails, SMS and previews: the rendered HTML without its tags. */
export function markdownToText(source: string): string {
  return sanitizeHtml(renderMarkdown(source).replace(/<\/(p|li|h2|h3|h4|tr|blockquote)>|<br\s*\/?>/g, '$&\n'), {
    allowedTags: [],
    allowedAttributes: {},
  })
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
