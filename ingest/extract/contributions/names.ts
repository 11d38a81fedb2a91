// What a written name looks like: capitalized or CamelCase tokens ("SeqBoat", "wav2vec 2.0", "Mask R-CNN"),
// the leading name of a phrase, and the descriptor text that follows a name ("a novel architecture").
import { OBJECT_CUT } from '../patterns.js';

/** Words after a name that belong to it ("Max-W regularization", "HyperCuboid search space"). */
export const NAME_HEADS =
  /^(?:regularization|search space|loss|distillation|fine-tuning|tuning|initialization|normalization|pooling|attention|decomposition)\b/i;

const NAME_STOP = new Set(
  'The A An Our This These That Its Their In On For To Of With And Or But We I It As At By From Two Three Four Five Several Many Some Each First Second Finally However Moreover Furthermore Code Experimental Experiments Extensive Results'.split(
    ' ',
  ),
);

export function isNameToken(token: string): boolean {
  const t = token.replace(/^[("'‘“]+|[)"'’”,.;:!?]+$/g, '');
  if (t === '' || NAME_STOP.has(t)) return false;
  if (/^[\p{Lu}\d]/u.test(t) && /\p{L}/u.test(t)) return true;
  // "wav2vec", "sLSTM", "mLSTM": inner capitals or letters mixed with digits.
  return /\p{Ll}\p{Lu}/u.test(t) || (/\d/.test(t) && /\p{L}/u.test(t) && /^\p{L}+\d+\p{L}*$/u.test(t));
}

/** A version number that continues a name: "2.0", "v2", "3". */
const VERSION = /^(?:v?\d+(?:\.\d+)*|V\d+)[,.;:!?)]*$/;

export function isStrongName(name: string): boolean {
  // One token with internal capitals or digits ("SeqBoat", "m2mKD", "L2MU") or several capitalized words.
  const words = name.split(/\s+/);
  if (words.length > 1) return true;
  return /\p{Ll}\p{Lu}|\p{Lu}\p{Lu}|\d|-/u.test(name) || /^\p{Lu}\p{Ll}+$/u.test(name);
}

/** A run of capitalized / CamelCase tokens at the start of `text`, plus a trailing head like "regularization". */
export function leadingName(text: string): string | undefined {
  const trimmed = text.replace(/^\s*(?:the|a|an|our)\s+/i, '').replace(/^['"‘“]/, '');
  const tokens = trimmed.split(/\s+/);
  const taken: string[] = [];
  for (let i = 0; i < tokens.length && taken.length < 6; i += 1) {
    const tok = tokens[i]!;
    // A parenthesis after a name holds its acronym or a label ("Attention with Linear Biases (ALiBi)"), not more of it.
    if (taken.length > 0 && tok.startsWith('(')) break;
    if (isNameToken(tok) || (taken.length > 0 && VERSION.test(tok))) {
      taken.push(tok);
      if (/[,;:.!?)"'’”]$/.test(tok) && !/^\d+\.\d/.test(tok)) break;
      continue;
    }
    const next = tokens[i + 1] ?? '';
    if (
      (tok === 'of' || tok === 'for' || tok === 'and' || tok === 'with') &&
      taken.length > 0 &&
      isNameToken(next) &&
      /^\p{Lu}/u.test(next)
    ) {
      taken.push(tok);
      continue;
    }
    break;
  }
  while (taken.length && ['of', 'for', 'and', 'with'].includes(taken[taken.length - 1]!)) taken.pop();
  if (taken.length === 0) return undefined;
  let name = taken
    .join(' ')
    .replace(/[,;:!?)"'’”]+$/g, '')
    .replace(/\.$/, '');
  const rest = trimmed.slice(taken.join(' ').length).replace(/^[,;:.!?)"'’”]*/, '');
  if (!/[,;:.!?)]$/.test(taken[taken.length - 1]!)) {
    const head = NAME_HEADS.exec(rest.trimStart());
    if (head) name = `${name} ${head[0]}`;
  }
  if (name.length > 80 || !/\p{L}/u.test(name)) return undefined;
  return name;
}

/** The descriptor after a name: "(X), a novel neural architecture that ..." (or "X: a ...") -> "novel neural architecture". */
export function descriptorAfter(text: string): string {
  const m = /^\s*\)?\s*[,:]?\s*(?:(?:is|as)\s+)?(?:(?:an|a|the)\s+)?/i.exec(text);
  const rest = text.slice(m ? m[0].length : 0);
  const cut = OBJECT_CUT.exec(rest);
  return (cut ? rest.slice(0, cut.index) : rest).split(/\s+and\s+(?=\p{Lu})/u)[0]!.slice(0, 120);
}
