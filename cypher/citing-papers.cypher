// title: Papers citing a paper
// description: Papers that cite the given paper (given by the source or inferred from the text),
// newest first. With an empty id, every citation in the graph.
// @param paper string "" id of the cited paper (empty: all)
// @param limit int 100 1..1000 how many rows
// @columns cited, citing, year, inferred, citingPaper, cites, citedPaper
MATCH (citingPaper:Paper)-[cites:CITES]->(citedPaper:Paper)
WHERE $paper = '' OR citedPaper.id = $paper
RETURN citedPaper.title AS cited, citingPaper.title AS citing, citingPaper.year AS year,
  coalesce(cites.inferred, false) AS inferred, citingPaper, cites, citedPaper
ORDER BY year DESC, citing
LIMIT $limit
