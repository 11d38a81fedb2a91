// title: A concept's neighbourhood
// description: The papers that mention a concept (by id or name) and the methods and architectures
// those papers propose or use.
// @param concept string modularity id or name of a concept
// @param limit int 50 1..500 how many papers
// @columns concept, paper, weight, methods, c, mention, p, links, entities
MATCH (c:Concept) WHERE c.id = $concept OR toLower(c.name) = toLower($concept)
MATCH (p:Paper)-[mention:MENTIONS]->(c)
OPTIONAL MATCH (p)-[link:PROPOSES|USES]->(x:Method|Architecture)
WITH c, mention, p, collect(link) AS links, collect(x) AS entities
RETURN c.name AS concept, p.title AS paper, mention.weight AS weight, [x IN entities | x.name] AS methods, c, mention, p, links, entities
ORDER BY weight DESC, paper
LIMIT $limit
