// title: Datasets shared by two papers
// description: Datasets two papers both evaluate on. Give two paper ids, one, or none to list
// every pair of papers with the datasets they share.
// @param paperA string paper:m2mkd-module-to-module-knowledge-distillation-for-modular-transformers id of the first paper (empty: any)
// @param paperB string "" id of the second paper (empty: any)
// @param limit int 100 1..1000 how many rows
// @columns paperA, paperB, dataset, a, ea, d, eb, b
MATCH (a:Paper)-[ea:EVALUATED_ON]->(d:Dataset)<-[eb:EVALUATED_ON]-(b:Paper)
WHERE a <> b
  AND CASE WHEN $paperA = '' THEN ($paperB <> '' OR a.id < b.id) ELSE a.id = $paperA END
  AND ($paperB = '' OR b.id = $paperB)
RETURN a.title AS paperA, b.title AS paperB, d.name AS dataset, a, ea, d, eb, b
ORDER BY dataset, paperA, paperB
LIMIT $limit
