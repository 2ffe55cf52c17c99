import { Typography } from '@mantine/core';

/**
 * Content staff wrote (notices, posts, help articles), as the HTML the API rendered from their
 * Markdown and sanitised when it was saved (api/src/content/markdown.ts): only Markdown's own tags,
 * no scripts, no event attributes, links to a new tab. Nothing else may be passed here.
 */
export function RichText({ html }: { html: string }) {
  return (
    <Typography className="rich-text">
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised on the server when saved */}
      <div dangerouslySetInnerHTML={{ __html: html }} />
    </Typography>
  );
}
