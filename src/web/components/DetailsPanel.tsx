// The details tab: the path being picked, the selected node or link, or a hint when nothing is
// selected.
import { PathBox } from './PathBox.js';
import { EdgeDetails } from './EdgeDetails.js';
import { NodeDetails } from './NodeDetails.js';
import { ClusterDetails } from './ClusterDetails.js';
import { communityOfClusterId } from '../../shared/graph.js';
import { useApp } from '../runtime/context.js';

export function DetailsPanel() {
  const selection = useApp((s) => s.selection);
  return (
    <div className="panel-body">
      <PathBox />
      {selection?.kind === 'node' &&
        (communityOfClusterId(selection.id) !== null ? (
          <ClusterDetails key={selection.id} id={selection.id} />
        ) : (
          <NodeDetails key={selection.id} id={selection.id} />
        ))}
      {selection?.kind === 'edge' && <EdgeDetails key={selection.id} id={selection.id} />}
      {!selection && (
        <p className="muted hint">
          Click a node or a link to see its details. Double-click a node to expand it. Press <kbd>/</kbd> to search.
        </p>
      )}
    </div>
  );
}
