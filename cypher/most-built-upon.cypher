// title: Most built-upon methods
// description: Methods and architectures with the most others building directly on them.
// @param limit int 25 1..500 how many methods
// @columns id, name, label, builders, m
MATCH (m:Method|Architecture)
WITH m, COUNT { MATCH (b)-[:BUILDS_ON]->(m) RETURN DISTINCT b } AS builders
WHERE builders > 0
RETURN m.id AS id, m.name AS name, labels(m)[0] AS label, builders, m
ORDER BY builders DESC, name
LIMIT $limit
