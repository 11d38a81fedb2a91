// title: Papers with code
// description: Papers that link a code repository, newest first.
// @param limit int 100 1..1000 how many papers
// @columns paper, year, repository, p, code, r
MATCH (p:Paper)-[code:HAS_CODE]->(r:Repository)
RETURN p.title AS paper, p.year AS year, r.url AS repository, p, code, r
ORDER BY year DESC, paper
LIMIT $limit
