// title: Compare two lineages
// description: The BUILDS_ON lineages (ancestors and descendants, up to three steps) of two methods or
// architectures side by side: every node of either lineage, marked shared, only A or only B, and
// whether it is an ancestor, a descendant or one of the two compared nodes.
// @param a string architecture:clip id of the first method or architecture (A)
// @param b string architecture:align id of the second method or architecture (B)
// @columns side, relation, id, name, node
MATCH (a:Method|Architecture {id: $a})
MATCH (b:Method|Architecture {id: $b})
CALL (a) {
  OPTIONAL MATCH (a)-[:BUILDS_ON*1..3]->(x)
  RETURN collect(DISTINCT x) AS ancestorsA
}
CALL (a) {
  OPTIONAL MATCH (x)-[:BUILDS_ON*1..3]->(a)
  RETURN collect(DISTINCT x) AS descendantsA
}
CALL (b) {
  OPTIONAL MATCH (b)-[:BUILDS_ON*1..3]->(x)
  RETURN collect(DISTINCT x) AS ancestorsB
}
CALL (b) {
  OPTIONAL MATCH (x)-[:BUILDS_ON*1..3]->(b)
  RETURN collect(DISTINCT x) AS descendantsB
}
WITH a, b, ancestorsA, ancestorsB, [a] + ancestorsA + descendantsA AS lineageA, [b] + ancestorsB + descendantsB AS lineageB
UNWIND lineageA + lineageB AS node
WITH DISTINCT node, a, b, ancestorsA, ancestorsB, lineageA, lineageB
RETURN
  CASE WHEN node IN lineageA AND node IN lineageB THEN 'shared' WHEN node IN lineageA THEN 'only A' ELSE 'only B' END AS side,
  CASE
    WHEN node = a OR node = b THEN 'compared'
    WHEN node IN ancestorsA OR node IN ancestorsB THEN 'ancestor'
    ELSE 'descendant'
  END AS relation,
  node.id AS id,
  node.name AS name,
  node
ORDER BY side, relation, name
