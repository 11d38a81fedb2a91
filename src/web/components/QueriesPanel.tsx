// Saved queries from cypher/: a list with descriptions, a form for the chosen query's parameters
// (node pickers for node ids, typed fields checked before running, errors under each field),
// replace-or-add, and inline errors. Results are drawn and shown in the table below the graph.
import { useEffect, useState } from 'react';
import { api, type SavedQueryDescription, type SavedQueryParam } from '../api/client.js';
import { runQuery } from '../actions.js';
import type { ResultMode } from '../core/query/index.js';
import { checkParam, isNodeParam, type ParamSpec } from '../core/query/params.js';
import { ResultModeToggle } from './ResultModeToggle.js';
import { NodePicker, resolvePick, type Pick } from './NodePicker.js';
import { useApp, useRuntime } from '../runtime/context.js';

function initialValue(p: SavedQueryParam): string {
  return typeof p.default === 'object' ? JSON.stringify(p.default) : String(p.default);
}

/** A node parameter starts as its id; its name replaces it once known. */
function initialPick(p: SavedQueryParam, given: unknown): Pick {
  const raw = given !== undefined ? String(given) : initialValue(p);
  return { text: raw, id: /^[a-z]+:\S+$/.test(raw) ? raw : null };
}

export function QueriesPanel() {
  const rt = useRuntime();
  const [queries, setQueries] = useState<SavedQueryDescription[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [values, setValues] = useState<Record<string, string>>({});
  const [picks, setPicks] = useState<Record<string, Pick>>({});
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [mode, setMode] = useState<ResultMode>('replace');
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const current = useApp((s) => s.query);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    api
      .queries()
      .then(({ queries }) => {
        setQueries(queries);
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
    const nodes: Record<string, Pick> = {};
    for (const p of q.params) {
      if (isNodeParam(p)) nodes[p.name] = initialPick(p, params?.[p.name]);
      else v[p.name] = params && params[p.name] !== undefined ? String(params[p.name]) : initialValue(p);
    }
    setValues(v);
    setPicks(nodes);
    setFieldErrors({});
    // Show names instead of the ids the defaults and links carry.
    for (const [name, pick] of Object.entries(nodes)) {
      if (!pick.id) continue;
      api
        .node(pick.id)
        .then((d) => setPicks((cur) => (cur[name]?.id === pick.id ? { ...cur, [name]: { text: d.node.name, id: pick.id } } : cur)))
        .catch(() => undefined);
    }
  };

  const query = queries?.find((q) => q.name === chosen);

  const run = async () => {
    if (!query) return;
    const params: Record<string, unknown> = {};
    const errors: Record<string, string> = {};
    for (const p of query.params as ParamSpec[]) {
      if (isNodeParam(p)) {
        const pick = picks[p.name] ?? { text: '', id: null };
        if (pick.text.trim() === '' && !pick.id) {
          const checked = checkParam(p, '');
          if (checked.ok) params[p.name] = '';
          else errors[p.name] = checked.error;
          continue;
        }
        const resolved = await resolvePick(pick).catch((err: Error) => ({ error: `cannot look the name up: ${err.message}` }));
        if ('id' in resolved) params[p.name] = resolved.id;
        else errors[p.name] = `${p.name}: ${resolved.error}`;
        continue;
      }
      const checked = checkParam(p, values[p.name] ?? '');
      if (checked.ok) params[p.name] = checked.value;
      else errors[p.name] = checked.error;
    }
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0) return;
    setRunning(true);
    const outcome = await runQuery(rt, { kind: 'saved', name: query.name, params }, mode);
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
            <button
              type="button"
              className={q.name === chosen ? 'query active' : 'query'}
              aria-pressed={q.name === chosen}
              onClick={() => choose(q.name)}
            >
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
          {(query.params as ParamSpec[]).map((p) => {
            const errorId = `param-error-${p.name}`;
            const err = fieldErrors[p.name];
            const integer = p.type === 'int';
            return (
              <div key={p.name} className="field">
                <span>
                  {p.name} <span className="muted small">{p.description ?? `(${p.type})`}</span>
                </span>
                {isNodeParam(p) ? (
                  <NodePicker
                    label={`Parameter ${p.name}`}
                    value={picks[p.name] ?? { text: '', id: null }}
                    onChange={(pick) => setPicks({ ...picks, [p.name]: pick })}
                    invalid={Boolean(err)}
                    describedBy={err ? errorId : undefined}
                  />
                ) : (
                  <input
                    name={p.name}
                    aria-label={`Parameter ${p.name}`}
                    inputMode={integer ? 'numeric' : undefined}
                    aria-invalid={Boolean(err)}
                    aria-describedby={err ? errorId : undefined}
                    value={values[p.name] ?? ''}
                    onChange={(e) => setValues({ ...values, [p.name]: e.target.value })}
                  />
                )}
                {err && (
                  <p className="field-error" id={errorId} role="alert">
                    {err}
                  </p>
                )}
              </div>
            );
          })}
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
