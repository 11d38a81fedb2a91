// title: Curated links
// description: Every link a person curated — accepted, given another kind, retargeted, added or
// rejected — with what the latest curation made of it, who did it, when and their note. Rejected
// links are listed too (and drawn struck through when "show rejected" is on).
// @param limit int 200 1..2000 how many curated links to list, latest first
// @columns from, type, to, curation, kind, who, at, note, link
MATCH (c:Curation)
UNWIND [x IN [c.to, c.newTarget] WHERE x IS NOT NULL] AS target
WITH DISTINCT c.from AS source, target
MATCH (a:Entity|Paper {id: source})-[r]->(b:Entity|Paper {id: target})
WHERE r.curation IS NOT NULL
OPTIONAL MATCH (last:Curation {id: r.curationId})
RETURN a AS from, coalesce(r.curatedType, type(r)) AS type, b AS to, r.curation AS curation, r.kind AS kind,
  last.who AS who, last.at AS at, coalesce(last.note, r.note) AS note, r AS link
ORDER BY at DESC, type, from.id, to.id
LIMIT $limit
