// BUILDS_ON from names as evidence: a modifier plus a known name as head noun is a variant of it ("Latent
// Diffusion Models" -> Diffusion Model, "TinyGPT" -> GPT, "Attention with Linear Biases" -> Attention); a
// versioned name is a version ("EchoNetV2" -> EchoNet); never when the known name is only a modifier
// ("Transformer Pruning", "GRUMixer").
import { compactForm, matchKey } from '../keys.js';
import type { Contribution } from '../types.js';
import type { BuildsOnLink, LineageContext } from './types.js';

/** Smoothed precision of head-noun name links (19/21), measured by `npm run eval`. */
export const NAME_HEAD_PRECISION = 0.87;
/** Smoothed precision of versioned-name links (none on the eval sets yet: 0.5), measured by `npm run eval`. */
export const NAME_VERSION_PRECISION = 0.5;

const VERSION = /^(.*?[\p{L}])[\s-]?(?:v|V|\s)?(\d+(?:\.\d+)*)$/u;

/** Known entities whose name is the head of `name` (ends it, or ends before "with/of/for ..."). */
export function headEntities(name: string, selfId: string, ctx: LineageContext): string[] {
  const out = new Set<string>();
  const head = name.replace(/\s+(?:with|of|for|via|in)\s.*$/i, '');
  for (const m of ctx.matcher.find(head, { skip: new Set([selfId]) })) {
    if (m.start === 0 && m.end === head.length && head === name) continue;
    if (m.end === head.length || /^[s]?$/.test(head.slice(m.end))) out.add(m.id);
  }
  // One token ending in a known name with its own capitals: "QLoRA" -> LoRA, "TinyGPT" -> GPT. The known
  // name must be recognisable from the texts (this one names it, or a paper of the corpus proposes it):
  // a fragment resolved from the vocabulary alone is often an unrelated acronym ("SimCLR" is not CLR).
  if (!/\s/.test(name)) {
    const compact = compactForm(name);
    for (let i = 1; i < compact.length - 2; i += 1) {
      const tail = compact.slice(i);
      if (!/^\p{Lu}/u.test(tail)) continue;
      const id = ctx.resolveName(tail);
      if (id && id !== selfId && (ctx.isContribution(id) || namedInText(id, ctx))) {
        out.add(id);
        break;
      }
    }
  }
  return [...out];
}

function namedInText(id: string, ctx: LineageContext): boolean {
  return ctx.sentences.some((s) => s.mentions.some((m) => m.id === id));
}

function versionBase(name: string, selfId: string, ctx: LineageContext): string | undefined {
  const m = VERSION.exec(name.trim());
  if (!m || m[1]!.length < 3) return undefined;
  const id = ctx.resolveName(m[1]!.trim());
  return id && id !== selfId ? id : undefined;
}

export function nameLinks(ctx: LineageContext): BuildsOnLink[] {
  const out: BuildsOnLink[] = [];
  const link = (c: Contribution, target: string, extractor: string, confidence: number) =>
    out.push({ source: c.id, target, kind: 'variant', sentence: c.sentence, evidence: c.evidence, confidence, extractor });
  for (const c of ctx.contributions) {
    if (c.kind === 'Dataset') continue;
    const names = [c.name, ...c.aliases].filter((n, i, all) => all.findIndex((x) => matchKey(x) === matchKey(n)) === i);
    for (const name of names) {
      for (const target of headEntities(name, c.id, ctx)) link(c, target, 'name-head', NAME_HEAD_PRECISION);
      const base = versionBase(name, c.id, ctx);
      if (base) link(c, base, 'name-version', NAME_VERSION_PRECISION);
    }
  }
  return out;
}
