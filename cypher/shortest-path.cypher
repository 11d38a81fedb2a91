// title: Shortest path between two methods
// description: One shortest chain of relationships of any type between two methods or
// architectures, and the names along the way.
// @param from string method:knowledge-distillation id of the first method or architecture
// @param to string architecture:mixture-of-experts id of the second method or architecture
// @param max int 8 1..10 longest path to look for
// @columns hops, via, path
MATCH (a:Method|Architecture {id: $from})
MATCH (b:Method|Architecture {id: $to})
MATCH path = shortestPath((a)-[*..10]-(b))
WHERE a <> b AND length(path) <= $max
RETURN length(path) AS hops, [n IN nodes(path) | coalesce(n.name, n.title, n.url)] AS via, path
