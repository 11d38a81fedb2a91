// Where the papers in the database name both ends of a link: for a taxonomy fact, which is drawn only
// where some paper does, the texts a reader can check it against — each paper (clickable) with its
// sentences naming the two ends.
import { useEffect, useState } from 'react';
import type { StatementsResponse } from '../../shared/api/statements.js';
import { api } from '../api/client.js';
import { NodeLink } from './NodeLink.js';

export function LinkStatements({ from, to }: { from: string; to: string }) {
  const [answer, setAnswer] = useState<StatementsResponse | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setAnswer(null);
    setError(null);
    api
      .statements(from, to)
      .then((r) => live && setAnswer(r))
      .catch((err: Error) => live && setError(`Cannot load the papers that name both ends: ${err.message}`));
    return () => {
      live = false;
    };
  }, [from, to]);

  if (error) return <p className="error small">{error}</p>;
  if (!answer) return <p className="muted small">Looking for the papers that name both ends…</p>;
  if (answer.total === 0) return <p className="muted small">No paper in the database names both ends.</p>;
  return (
    <section className="link-statements" aria-label="Papers naming both ends">
      <h3>
        Named together in {answer.total} {answer.total === 1 ? 'paper' : 'papers'}
      </h3>
      <ul>
        {answer.statements.map((s) => (
          <li key={s.paper.id}>
            <NodeLink id={s.paper.id} name={s.paper.year ? `${s.paper.title} (${s.paper.year})` : s.paper.title} label="Paper" />
            {s.sentences.map((sentence) => (
              <blockquote key={sentence} className="evidence">
                “{sentence}”
              </blockquote>
            ))}
          </li>
        ))}
      </ul>
      {answer.total > answer.statements.length && <p className="muted small">and {answer.total - answer.statements.length} more papers.</p>}
    </section>
  );
}
