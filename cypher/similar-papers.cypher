// title: Papers similar to a paper
// description: Papers linked by SIMILAR_TO to the given paper, most similar first. With an empty
// id, the most similar pairs in the whole graph.
// @param paper string paper:raftmlp-how-much-can-be-done-without-attention-and-with-less-spatial-locality id of a paper (empty: all pairs)
// @param limit int 25 1..500 how many rows
// @columns paper, similar, score, a, s, b
MATCH (a:Paper)-[s:SIMILAR_TO]-(b:Paper)
WHERE CASE WHEN $paper = '' THEN a.id < b.id ELSE a.id = $paper END
RETURN a.title AS paper, b.title AS similar, s.score AS score, a, s, b
ORDER BY score DESC, paper, similar
LIMIT $limit
