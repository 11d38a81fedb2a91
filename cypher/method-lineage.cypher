// title: Full lineage of a method
// description: The ancestors (what the method builds on) and the descendants (what builds on it)
// of a method or architecture, each with its distance and one shortest BUILDS_ON chain.
// @param method string method:knowledge-distillation id of a method or architecture
// @columns relation, id, name, depth, path
MATCH (root:Method|Architecture {id: $method})
CALL (root) {
  MATCH p = (root)-[:BUILDS_ON*1..8]->(other)
  RETURN 'ancestor' AS relation, other, p
  UNION
  MATCH p = (other)-[:BUILDS_ON*1..8]->(root)
  RETURN 'descendant' AS relation, other, p
}
WITH relation, other, p ORDER BY length(p)
WITH relation, other, collect(p)[0] AS path
RETURN relation, other.id AS id, other.name AS name, length(path) AS depth, path
ORDER BY relation, depth, name
