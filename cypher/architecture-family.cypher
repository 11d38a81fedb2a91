// title: Methods of an architecture family
// description: An architecture and everything that builds on it form a family; this lists the
// methods that build on a family member or are proposed or used with one in the same paper.
// @param architecture string architecture:transformer id of an architecture
// @param limit int 200 1..1000 how many rows
// @columns architecture, method, how, paper, member, m, link
MATCH (root:Architecture {id: $architecture})
MATCH (member:Architecture)-[:BUILDS_ON*0..4]->(root)
WITH DISTINCT member
CALL (member) {
  MATCH (m:Method)-[link:BUILDS_ON]->(member)
  RETURN m, 'builds on it' AS how, link, null AS paper
  UNION
  MATCH (paper:Paper)-[:PROPOSES|USES]->(member)
  MATCH (paper)-[link:PROPOSES|USES]->(m:Method)
  RETURN m, 'in the same paper' AS how, link, paper
}
RETURN member.name AS architecture, m.name AS method, how, paper.title AS paper, member, m, link
ORDER BY architecture, method, how
LIMIT $limit
