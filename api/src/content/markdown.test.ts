import { describe, expect, it } from 'vitest';
import { markdownToText, renderMarkdown } from './markdown';

describe('renderMarkdown', () => {
  it('renders the Markdown staff write', () => {
    const html = renderMarkdown('# Vatten\n\n**Avstängt** 9–12.\n\n- trapphus A\n- trapphus B\n\n[Läs mer](https://example.se/x)');
    expect(html).toContain('<h2>Vatten</h2>');
    expect(html).toContain('<strong>Avstängt</strong>');
    expect(html).toContain('<li>trapphus A</li>');
    expect(html).toContain('<a href="https://example.se/x" target="_blank" rel="noopener noreferrer">Läs mer</a>');
  });

  it('never lets HTML, scripts or script links through', () => {
    const html = renderMarkdown(
      '<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[x](javascript:alert(1)) [y](data:text/html,hi) <a href="javascript:alert(1)">z</a>\n\n<iframe src="https://evil.example"></iframe>',
    );
    expect(html).not.toMatch(/<(script|img|iframe)\b/i);
    expect(html).not.toMatch(/<a [^>]*href="(javascript|data):/i);
    expect(html).not.toMatch(/<[^>]* on\w+=/i);
    // What staff typed is shown as text, not dropped silently.
    expect(html).toContain('&lt;script&gt;');
  });

  it('gives plain text for e-mail and SMS', () => {
    expect(markdownToText('**Hot water** off & back at 12 <b>')).toBe('Hot water off & back at 12 <b>');
  });
});
