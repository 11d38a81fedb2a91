// Checks the write token of a curation request (Authorization: Bearer, or X-Methodgraph-Token) in
// constant time; answers 401 without or with a wrong token, 403 when curation is refused outright.
import { timingSafeEqual, createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { ApiError } from '../errors.js';
import { TOKEN_HEADER } from '../../shared/api/curation.js';
import type { WriteAccess } from './token.js';

function presented(request: FastifyRequest): string | undefined {
  const header = request.headers[TOKEN_HEADER];
  if (typeof header === 'string' && header) return header.trim();
  const auth = request.headers.authorization;
  const bearer = auth ? /^Bearer\s+(\S+)\s*$/i.exec(auth) : null;
  return bearer?.[1];
}

/** Equal tokens, compared by digest so neither length nor content leaks through timing. */
function sameToken(a: string, b: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(a), digest(b));
}

export function checkWriteToken(request: FastifyRequest, access: WriteAccess, where: string): void {
  if ('disabled' in access) throw new ApiError(403, 'forbidden', `${where}: ${access.disabled}`);
  const token = presented(request);
  if (!token) {
    throw new ApiError(
      401,
      'unauthorized',
      `${where}: curation needs the write token that npm start prints (open the explorer from that URL, or send it as "Authorization: Bearer <token>" or "X-Methodgraph-Token")`,
    );
  }
  if (!sameToken(token, access.token)) {
    throw new ApiError(
      401,
      'unauthorized',
      `${where}: the write token is not this server's; open the explorer from the URL npm start printed (the token is in .methodgraph/token)`,
    );
  }
}
