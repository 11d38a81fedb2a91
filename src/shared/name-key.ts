// The normalised name key that ingest stores on every entity (`nameKey`, `aliasKeys`) and that search
// matches against: letters and digits, lower-cased, without accents or separators, so that
// "Mixture-of-Experts" and "mixture of experts" share "mixtureofexperts".

export function nameKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}
