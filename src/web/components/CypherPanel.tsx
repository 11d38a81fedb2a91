// The ad-hoc Cypher editor (CodeMirror with Cypher highlighting and completion, loaded lazily with
// this panel): read-only queries, result drawn and tabled, errors shown inline under the editor.
import { useState } from 'react';
import { CypherEditor } from '@neo4j-cypher/react-codemirror';
import '@neo4j-cypher/codemirror/css/cypher-codemirror.css';
import { runQuery } from '../actions.js';
import type { ResultMode } from '../core/query/index.js';
import { ResultModeToggle } from './ResultModeToggle.js';
import { NODE_LABELS, RELATIONSHIP_TYPES } from '../../shared/graph.js';
import { useApp, useRuntime } from '../runtime/context.js';

const EXAMPLE = 'MATCH p = (m:Method)-[:BUILDS_ON*1..2]->(b)\nRETURN p LIMIT 25';

const schema = {
  labels: NODE_LABELS.map((l) => `:${l}`),
  relationshipTypes: RELATIONSHIP_TYPES.map((t) => `:${t}`),
  propertyKeys: ['id', 'name', 'title', 'aliases', 'abstract', 'year', 'evidence', 'confidence', 'paperId', 'url'],
};

export default function CypherPanel() {
  const rt = useRuntime();
  const current = useApp((s) => s.query);
  const [text, setText] = useState(current?.kind === 'cypher' ? current.query : EXAMPLE);
  const [params, setParams] = useState(current?.kind === 'cypher' ? JSON.stringify(current.params) : '{}');
  const [mode, setMode] = useState<ResultMode>('replace');
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);

  const run = async () => {
    let parsed: Record<string, unknown>;
    try {
      const v: unknown = params.trim() ? JSON.parse(params) : {};
      if (!v || typeof v !== 'object' || Array.isArray(v)) throw new Error('expected a JSON object');
      parsed = v as Record<string, unknown>;
    } catch (err) {
      setError(`Parameters: ${(err as Error).message}. Write them as a JSON object, e.g. {"name": "SeqBoat"}.`);
      return;
    }
    setRunning(true);
    const outcome = await runQuery(rt, { kind: 'cypher', query: text, params: parsed }, mode);
    setRunning(false);
    setError(outcome.error ?? null);
  };

  return (
    <div className="panel-body cypher">
      <p className="muted small">Read-only: queries run in a read transaction with a timeout and a row cap. Ctrl+Enter runs.</p>
      <div
        className="editor"
        aria-label="Cypher query editor"
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void run();
          }
        }}
      >
        <CypherEditor
          value={text}
          onValueChanged={(v: string) => setText(v)}
          schema={schema}
          lineNumbers={false}
          onEditorCreated={(editor) => editor.codemirror.contentDOM.setAttribute('aria-label', 'Cypher query')}
        />
      </div>
      <label className="field">
        <span>Parameters (JSON)</span>
        <input aria-label="Query parameters as JSON" value={params} onChange={(e) => setParams(e.target.value)} />
      </label>
      <ResultModeToggle name="cmode" mode={mode} onChange={setMode} />
      <button type="button" onClick={() => void run()} disabled={running}>
        {running ? 'Running…' : 'Run Cypher'}
      </button>
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
