// title: What builds on a method
// description: Every method or architecture that builds on the given one, directly or through a
// chain of BUILDS_ON links, with the number of hops and one shortest chain.
// @param method string method:knowledge-distillation id of a method or architecture
// @param depth int 3 1..6 how many BUILDS_ON hops to follow
// @columns id, name, label, depth, path
MATCH (root:Method|Architecture {id: $method})
MATCH p = (builder)-[:BUILDS_ON*1..6]->(root)
WHERE length(p) <= $depth
WITH builder, p ORDER BY length(p)
WITH builder, collect(p)[0] AS path
RETURN builder.id AS id, builder.name AS name, labels(builder)[0] AS label, length(path) AS depth, path
ORDER BY depth, name
