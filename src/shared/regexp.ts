// Text spliced into a regular expression, matched as written.

/** `text` with every character a RegExp gives a meaning to escaped. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
