// Everyday English uses of a word that is also a method's name: "attention" in "has received increasing
// attention" or "pay attention to" is interest, not the attention mechanism. Such a match is not a mention.
import type { Mention } from './mentions.js';

/** Words that come before "attention" when it means interest. */
const INTEREST_BEFORE =
  /\b(?:(?:receiv|gain|attract|draw|pay|paid|garner|captur|deserv|got|get|com)\w*|drawn|much|more|less|little|increas\w*|grow\w*|considerable|significant|substantial|special|particular|great|greater|wide|widespread|renewed|recent|public|research|scant|careful|close|closer|same|surging|tremendous|enormous|lot of|deal of|focus of|center of|centre of|devote\w*|worth(?:y)? of)\s+(?:(?:\w+ly|the|a|an|some|much|more|of|from|and)\s+){0,3}$/i;
/** Words that follow "attention" when it means interest: "attention from the community", "attention in recent years". */
const INTEREST_AFTER =
  /^\s+(?:from (?:the )?(?:research|community|researchers|practitioners|academia|industry)|in recent (?:years|times))\b/i;

/** Whether a match of the bare word "attention" means interest rather than the mechanism. */
export function isIdiomaticMention(text: string, m: Mention): boolean {
  if (m.text.toLowerCase() !== 'attention') return false;
  return INTEREST_BEFORE.test(text.slice(Math.max(0, m.start - 60), m.start)) || INTEREST_AFTER.test(text.slice(m.end, m.end + 40));
}
