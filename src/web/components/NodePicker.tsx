// A node picker for saved-query parameters: type a name, choose from /api/search's suggestions;
// the field holds the node's id while showing its name. A typed name that was not picked is
// resolved on submit (see resolvePick).
import { useEffect, useId, useRef, useState } from 'react';
import { api, type SearchHit } from '../api/client.js';
import { moveActive, normalizeQuery, shouldSearch } from '../core/search/index.js';
import { SuggestionItem } from './SuggestionItem.js';

export interface Pick {
  /** What the field shows. */
  text: string;
  /** The chosen node's id, or null when the text was typed and not picked. */
  id: string | null;
}

/** Turns a field into a node id: the picked id, an id typed as such, or the best search hit for a name. */
export async function resolvePick(pick: Pick): Promise<{ id: string } | { error: string }> {
  if (pick.id) return { id: pick.id };
  const text = normalizeQuery(pick.text);
  if (/^[a-z]+:\S+$/.test(text)) return { id: text };
  if (!shouldSearch(text)) return { error: 'type a name and pick a node from the suggestions' };
  const hits = (await api.search(text, 10)).results;
  const exact = hits.find((h) => h.node.name.toLowerCase() === text.toLowerCase() || h.matched?.toLowerCase() === text.toLowerCase());
  const hit = exact ?? hits[0];
  return hit ? { id: hit.node.id } : { error: `no node named “${text}”; pick one from the suggestions` };
}

export function NodePicker({
  label,
  value,
  onChange,
  invalid,
  describedBy,
}: {
  label: string;
  value: Pick;
  onChange: (p: Pick) => void;
  invalid: boolean;
  describedBy?: string;
}) {
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const listId = useId();
  const seq = useRef(0);

  useEffect(() => {
    if (value.id || !shouldSearch(value.text)) {
      setHits([]);
      return;
    }
    const mine = ++seq.current;
    const timer = setTimeout(() => {
      api
        .search(normalizeQuery(value.text), 8)
        .then(({ results }) => {
          if (mine !== seq.current) return;
          setHits(results);
          setActive(results.length ? 0 : -1);
        })
        .catch(() => mine === seq.current && setHits([]));
    }, 120);
    return () => clearTimeout(timer);
  }, [value.text, value.id]);

  const choose = (hit: SearchHit) => {
    setOpen(false);
    onChange({ text: hit.node.name, id: hit.node.id });
  };

  return (
    <div className="picker">
      <input
        role="combobox"
        aria-label={label}
        aria-expanded={open && hits.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-invalid={invalid}
        aria-describedby={describedBy}
        placeholder="Type a name…"
        value={value.text}
        onChange={(e) => {
          onChange({ text: e.target.value, id: null });
          setOpen(true);
        }}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => moveActive(a, e.key === 'ArrowDown' ? 1 : -1, hits.length));
          } else if (e.key === 'Enter' && open && hits.length > 0) {
            e.preventDefault();
            choose(hits[active] ?? hits[0]!);
          } else if (e.key === 'Escape') setOpen(false);
        }}
      />
      {value.id && <span className="muted small"> {value.id}</span>}
      {open && hits.length > 0 && (
        <ul className="suggestions" id={listId} role="listbox" aria-label={`Suggestions for ${label}`}>
          {hits.map((hit, i) => (
            <SuggestionItem key={hit.node.id} hit={hit} active={i === active} onChoose={choose} />
          ))}
        </ul>
      )}
    </div>
  );
}
