// Saved queries from cypher/: a list with descriptions, a form for the chosen query's parameters,
// replace-or-add, and inline errors. Results are drawn and shown in the table below the graph.
import { useEffect, useState } from 'react';
import { api, type SavedQuery, type SavedQueryParam } from '../api/client.js';
import { runQuery } from '../actions.js';
import type { ResultMode } from '../core/query/index.js';
import { ResultModeToggle } from './ResultModeToggle.js';
import { useApp } from '../core/store.js';

function initialValue(p: SavedQueryParam): string {
  if (p.default === undefined || p.default === null) return '';
  return typeof p.default === 'object' ? JSON.stringify(p.default) : String(p.default);
}

export function coerce(p: SavedQueryParam, raw: string): unknown {
  const t = p.type.toLowerCase();
  if (t.startsWith('int') || t === 'integer' || t === 'number' || t === 'float') return raw === '' ? null : Number(raw);
  if (t.startsWith('bool')) return raw === 'true';
  if (t.startsWith('list') || t.endsWith('[]')) return raw.split(',').map((s) => s.trim()).filter(Boolean);
  return raw;
}

export function QueriesPanel() {
  const [queries, setQueries] = useState<SavedQuery[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [values, setValues] = useState<Record<string, string>>({});
  const [mode, setMode] = useState<ResultMode>('replace');
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const current = useApp((s) => s.query);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    api
      .queries()
      .then((q) => {
        setQueries(q);
        setLoadError(null);
      })
      .catch((err: Error) => setLoadError(`Cannot load the saved queries: ${err.message}`));
  }, [attempt]);

  useEffect(() => {
    if (current?.kind === 'saved' && queries && !chosen) choose(current.name, current.params);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [queries]);

  const choose = (name: string, params?: Record<string, unknown>) => {
    const q = queries?.find((x) => x.name === name);
    setChosen(name);
    setError(null);
    if (!q) return;
    const v: Record<string, string> = {};
    for (const p of q.params) v[p.name] = params && params[p.name] !== undefined ? String(params[p.name]) : initialValue(p);
    setValues(v);
  };

  const query = queries?.find((q) => q.name === chosen);

  const run = async () => {
    if (!query) return;
    const params: Record<string, unknown> = {};
    for (const p of query.params) params[p.name] = coerce(p, values[p.name] ?? '');
    setRunning(true);
    const outcome = await runQuery({ kind: 'saved', name: query.name, params }, mode);
    setRunning(false);
    setError(outcome.error ?? null);
  };

  if (loadError)
    return (
      <div className="panel-body">
        <p className="inline-error" role="alert">
          {loadError}
        </p>
        <button type="button" onClick={() => setAttempt((a) => a + 1)}>
          Retry
        </button>
      </div>
    );
  if (!queries) return <div className="panel-body muted">Loading saved queries…</div>;
  if (queries.length === 0) return <div className="panel-body muted">No saved queries found in cypher/.</div>;

  return (
    <div className="panel-body queries">
      <ul className="query-list" aria-label="Saved queries">
        {queries.map((q) => (
          <li key={q.name}>
            <button type="button" className={q.name === chosen ? 'query active' : 'query'} aria-pressed={q.name === chosen} onClick={() => choose(q.name)}>
              <strong>{q.title}</strong>
              <span className="muted small">{q.description}</span>
            </button>
          </li>
        ))}
      </ul>
      {query && (
        <form
          className="query-form"
          aria-label={`Parameters of ${query.title}`}
          onSubmit={(e) => {
            e.preventDefault();
            void run();
          }}
        >
          <h3>{query.title}</h3>
          <p className="muted small">{query.description}</p>
          {query.params.map((p) => (
            <label key={p.name} className="field">
              <span>
                {p.name} <span className="muted small">({p.type})</span>
              </span>
              <input
                name={p.name}
                aria-label={`Parameter ${p.name}`}
                value={values[p.name] ?? ''}
                onChange={(e) => setValues({ ...values, [p.name]: e.target.value })}
              />
            </label>
          ))}
          <ResultModeToggle name="mode" mode={mode} onChange={setMode} />
          <button type="submit" disabled={running}>
            {running ? 'Running…' : 'Run query'}
          </button>
          {error && (
            <p className="inline-error" role="alert">
              {error}
            </p>
          )}
        </form>
      )}
    </div>
  );
}
