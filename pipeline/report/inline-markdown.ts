import { escapeXml } from './svg/escape.ts';

/**
 * Text written for the card (Markdown) as HTML: escaped, with `code` spans and **bold**
 * rendered, so the report shows the words and not the Markdown source.
 */
export function inlineMarkdown(text: string): string {
  return escapeXml(text)
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>');
}
