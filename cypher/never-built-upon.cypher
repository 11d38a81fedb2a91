// title: Methods never built upon
// description: Methods that no other method or architecture builds on (the leaves of the lineage),
// with how many papers propose or use them.
// @param limit int 100 1..1000 how many methods
// @columns id, name, papers, m
MATCH (m:Method)
WHERE NOT EXISTS { ()-[:BUILDS_ON]->(m) }
RETURN m.id AS id, m.name AS name, COUNT { (:Paper)-[:PROPOSES|USES]->(m) } AS papers, m
ORDER BY papers DESC, name
LIMIT $limit
