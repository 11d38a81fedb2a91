// title: Papers whose contributions build on a method
// description: Papers that propose a method or architecture which builds on the given one, directly
// or through other methods, with the contribution and the BUILDS_ON chain.
// @param method string method:knowledge-distillation id of a method or architecture
// @param depth int 4 1..6 how many BUILDS_ON hops between the contribution and the method
// @columns paper, year, contribution, hops, chain, p, proposes
MATCH (root:Method|Architecture {id: $method})
MATCH chain = (contribution)-[:BUILDS_ON*1..6]->(root)
WHERE length(chain) <= $depth
MATCH (p:Paper)-[proposes:PROPOSES]->(contribution)
WITH p, proposes, contribution, chain ORDER BY length(chain)
WITH p, proposes, contribution, collect(chain)[0] AS chain
RETURN p.title AS paper, p.year AS year, contribution.name AS contribution, length(chain) AS hops, chain, p, proposes
ORDER BY hops, year DESC, paper
