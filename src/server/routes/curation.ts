// The curation endpoints: the only writes the API accepts, each behind the write token, with its body
// validated and every id it names checked; plus the reads the explorer needs to show curation.
import type { FastifyInstance } from 'fastify';
import {
  CurateBody,
  CurationListQuery,
  RejectedLinksBody,
  type CurateResponse,
  type CurationExport,
  type CurationListResponse,
  type RejectedLinksResponse,
} from '../../shared/api/curation.js';
import { bodyType, createCuration, listCurations } from '../../neo4j/curation/store.js';
import { curationExport } from '../../neo4j/curation/transfer.js';
import { labelsOf, linkEdges, linkExists, rejectedLinks, type Link } from '../db/curation.js';
import { badRequest, notFound } from '../errors.js';
import { checkWriteToken } from '../curation/guard.js';
import type { WriteAccess } from '../curation/token.js';
import { parseInput } from '../validation.js';
import type { RouteContext } from './context.js';

const LINEAGE_LABELS = new Set(['Method', 'Architecture']);
const DEFAULT_CURATOR = 'anonymous';

/** Checks that every node the body names exists (404 naming the field) and is of the right kind (400). */
async function checkIds(ctx: RouteContext, body: CurateBody, where: string): Promise<void> {
  const named: [string, string][] = [
    ['from', body.from],
    ['to', body.to],
  ];
  if (body.action === 'retarget') named.push(['newTarget', body.newTarget]);
  const labels = await labelsOf(
    ctx.db,
    named.map(([, id]) => id),
    ctx.limits.timeoutMs,
  );
  for (const [field, id] of named) {
    if (!labels.has(id)) throw notFound(`${where}: body field "${field}": no node with id "${id}"; find ids with GET /api/search?q=<name>`);
  }
  const lineage = body.action === 'kind' || body.action === 'retarget' || body.action === 'add';
  if (lineage) {
    for (const [field, id] of named) {
      const label = labels.get(id)!;
      if (!LINEAGE_LABELS.has(label)) {
        throw badRequest(`${where}: body field "${field}" is a ${label} ("${id}"); BUILDS_ON links join methods and architectures`);
      }
    }
  }
  if (body.from === body.to)
    throw badRequest(`${where}: body fields "from" and "to" are the same node ("${body.from}"); a link joins two nodes`);
  if (body.action === 'retarget' && (body.newTarget === body.to || body.newTarget === body.from)) {
    throw badRequest(
      `${where}: body field "newTarget" ("${body.newTarget}") must differ from "from" and "to"; retarget points the link at another node`,
    );
  }
  if (body.action !== 'add') {
    const type = bodyType(body);
    if (!(await linkExists(ctx.db, { from: body.from, to: body.to, type }, ctx.limits.timeoutMs))) {
      throw notFound(
        `${where}: there is no ${type} link from "${body.from}" to "${body.to}"; curate a link that is in the graph, or add one with action "add"`,
      );
    }
  }
}

export function curationRoutes(app: FastifyInstance, ctx: RouteContext, access: WriteAccess): void {
  app.get('/api/curation', async (request): Promise<CurationListResponse> => {
    const where = 'GET /api/curation';
    const filter = parseInput(CurationListQuery, request.query, where, 'query parameter');
    return { curations: await listCurations(ctx.db, filter, ctx.limits.timeoutMs) };
  });

  app.get('/api/curation/export', async (): Promise<CurationExport> =>
    curationExport(await listCurations(ctx.db, {}, ctx.limits.timeoutMs)),
  );

  app.post('/api/curation/rejected-links', async (request): Promise<RejectedLinksResponse> => {
    const where = 'POST /api/curation/rejected-links';
    const { ids } = parseInput(RejectedLinksBody, request.body, where, 'body field');
    return ids.length === 0 ? { edges: [], nodes: [] } : await rejectedLinks(ctx.db, ids, ctx.limits.timeoutMs);
  });

  app.post(
    '/api/curation',
    {
      // Before the body is read: a request without the token learns nothing about what it sent.
      onRequest: async (request) => checkWriteToken(request, access, 'POST /api/curation'),
    },
    async (request, reply): Promise<CurateResponse> => {
      const where = 'POST /api/curation';
      const body = parseInput(CurateBody, request.body, where, 'body field');
      await checkIds(ctx, body, where);
      // The lineage changed: importance follows in the background (a minute or more at 100k papers).
      const curation = await createCuration(ctx.db, body, { who: DEFAULT_CURATOR, lineageChanged: async () => ctx.importance.request() });
      const links: Link[] = [{ from: body.from, to: body.to, type: curation.type }];
      if (body.action === 'retarget') links.push({ from: body.from, to: body.newTarget, type: curation.type });
      const edges = await linkEdges(ctx.db, links, ctx.limits.timeoutMs);
      void reply.status(201);
      return { curation, edges };
    },
  );
}
