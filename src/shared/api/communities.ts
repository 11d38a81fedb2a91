// GET /api/communities/:community: the most important ideas of one community (the `community` the
// post-load importance step stores on them), with the edges among them and their links to other ideas.
import { z } from 'zod';
import { intIn, typeList } from './params.js';
import { Truncation, WireEdgeSchema, WireGraphSchema } from './wire.js';

export const CommunityParams = z.strictObject({
  // A path parameter is always present: the fallback is never used.
  community: intIn(0, 1_000_000_000, 0),
});
export type CommunityParams = z.infer<typeof CommunityParams>;

export const CommunityQuery = z.strictObject({ limit: intIn(1, 500, 60), types: typeList });
export type CommunityQuery = z.infer<typeof CommunityQuery>;

export const CommunityResponse = z.object({
  community: z.number().int(),
  graph: WireGraphSchema,
  /**
   * Links between these ideas and ideas outside them (the most important of those first, at most
   * 300), whose other ends `graph` does not hold: the explorer draws the ones whose other end it
   * already draws, so an opened group joins the map around it.
   */
  links: z.array(WireEdgeSchema),
  /** Ideas in the community. */
  total: z.number().int(),
  ...Truncation,
});
export type CommunityResponse = z.infer<typeof CommunityResponse>;
