// Search with autocomplete from /api/search: an accessible combobox; choosing a suggestion selects
// the node and moves the camera to it. `/` anywhere focuses it.
import { forwardRef, useEffect, useId, useRef, useState } from 'react';
import { api, type SearchHit } from '../api/client.js';
import { selectNode } from '../actions.js';
import { moveActive, normalizeQuery, shouldSearch } from '../core/search/index.js';
import { SuggestionItem } from './SuggestionItem.js';
import { useRuntime } from '../runtime/context.js';

export const SearchBox = forwardRef<HTMLInputElement>(function SearchBox(_props, ref) {
  const rt = useRuntime();
  const [text, setText] = useState('');
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState<string>('');
  const listId = useId();
  const seq = useRef(0);
  // After a pick the list stays closed until the user types again (the picked name is not a query).
  const picked = useRef(false);

  useEffect(() => {
    const q = normalizeQuery(text);
    if (!shouldSearch(q)) {
      setHits([]);
      setStatus('');
      return;
    }
    const mine = ++seq.current;
    const timer = setTimeout(() => {
      api
        .search(q, 10)
        .then(({ results }) => {
          if (mine !== seq.current) return;
          setHits(results);
          setActive(results.length ? 0 : -1);
          setStatus(results.length ? `${results.length} suggestions` : `No matches for “${q}”`);
          if (!picked.current) setOpen(true);
        })
        .catch((err: Error) => {
          if (mine !== seq.current) return;
          setHits([]);
          setStatus(`Search failed: ${err.message}`);
          if (!picked.current) setOpen(true);
        });
    }, 120);
    return () => clearTimeout(timer);
  }, [text]);

  const choose = (hit: SearchHit) => {
    picked.current = true;
    setOpen(false);
    setText(hit.node.name);
    void selectNode(rt, hit.node.id, { focus: true });
  };

  return (
    <div className="search">
      <input
        ref={ref}
        type="search"
        role="combobox"
        aria-label="Search methods, papers, datasets (press / to focus)"
        aria-expanded={open && (hits.length > 0 || Boolean(status))}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && active >= 0 ? `${listId}-${active}` : undefined}
        placeholder="Search…  ( / )"
        value={text}
        onChange={(e) => {
          picked.current = false;
          setText(e.target.value);
          setOpen(true);
        }}
        onFocus={() => {
          if (!picked.current) setOpen(true);
        }}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => moveActive(a, e.key === 'ArrowDown' ? 1 : -1, hits.length));
          } else if (e.key === 'Enter') {
            const hit = hits[active] ?? hits[0];
            if (hit) choose(hit);
          } else if (e.key === 'Escape') {
            setOpen(false);
            (e.target as HTMLInputElement).blur();
          }
        }}
      />
      {open && (hits.length > 0 || status) && (
        <ul className="suggestions" id={listId} role="listbox" aria-label="Search suggestions">
          {hits.map((hit, i) => (
            <SuggestionItem key={hit.node.id} id={`${listId}-${i}`} hit={hit} active={i === active} onChoose={choose} />
          ))}
          {hits.length === 0 && status && (
            <li className="empty" role="option" aria-selected={false} aria-disabled="true">
              {status}
            </li>
          )}
        </ul>
      )}
    </div>
  );
});
