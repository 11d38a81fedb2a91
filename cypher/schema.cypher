// title: Schema
// description: Uniqueness constraints on every node label's id and the full-text index over names,
// aliases, titles and abstracts. Every statement is IF NOT EXISTS, so applying it twice is safe.
CREATE CONSTRAINT paper_id IF NOT EXISTS FOR (n:Paper) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT method_id IF NOT EXISTS FOR (n:Method) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT architecture_id IF NOT EXISTS FOR (n:Architecture) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT dataset_id IF NOT EXISTS FOR (n:Dataset) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT concept_id IF NOT EXISTS FOR (n:Concept) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT repository_id IF NOT EXISTS FOR (n:Repository) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT author_id IF NOT EXISTS FOR (n:Author) REQUIRE n.id IS UNIQUE;
CREATE INDEX paper_arxiv IF NOT EXISTS FOR (n:Paper) ON (n.arxivId);
CREATE INDEX paper_doi IF NOT EXISTS FOR (n:Paper) ON (n.doi);
CREATE INDEX paper_year IF NOT EXISTS FOR (n:Paper) ON (n.year);
CREATE FULLTEXT INDEX node_text IF NOT EXISTS
FOR (n:Paper|Method|Architecture|Dataset|Concept|Repository|Author)
ON EACH [n.name, n.title, n.aliases, n.abstract, n.url];
// Ingest: papers from different sources are recognised by normalized title as well as arXiv id and DOI.
CREATE INDEX paper_title_key IF NOT EXISTS FOR (n:Paper) ON (n.titleKey);
// Ingest: every relationship has an id (`TYPE:source->target[@paperId]`); MERGE is keyed on it.
CREATE CONSTRAINT proposes_id IF NOT EXISTS FOR ()-[r:PROPOSES]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT uses_id IF NOT EXISTS FOR ()-[r:USES]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT builds_on_id IF NOT EXISTS FOR ()-[r:BUILDS_ON]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT evaluated_on_id IF NOT EXISTS FOR ()-[r:EVALUATED_ON]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT has_code_id IF NOT EXISTS FOR ()-[r:HAS_CODE]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT mentions_id IF NOT EXISTS FOR ()-[r:MENTIONS]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT similar_to_id IF NOT EXISTS FOR ()-[r:SIMILAR_TO]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT cites_id IF NOT EXISTS FOR ()-[r:CITES]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT authored_by_id IF NOT EXISTS FOR ()-[r:AUTHORED_BY]-() REQUIRE r.id IS UNIQUE;
// API overview: the best-connected nodes of each label come from these indexes (n.degree is kept by ingest).
CREATE INDEX paper_degree IF NOT EXISTS FOR (n:Paper) ON (n.degree);
CREATE INDEX method_degree IF NOT EXISTS FOR (n:Method) ON (n.degree);
CREATE INDEX architecture_degree IF NOT EXISTS FOR (n:Architecture) ON (n.degree);
CREATE INDEX dataset_degree IF NOT EXISTS FOR (n:Dataset) ON (n.degree);
CREATE INDEX concept_degree IF NOT EXISTS FOR (n:Concept) ON (n.degree);
CREATE INDEX repository_degree IF NOT EXISTS FOR (n:Repository) ON (n.degree);
CREATE INDEX author_degree IF NOT EXISTS FOR (n:Author) ON (n.degree);
// Every entity node (all labels above) also has the label Entity: one id constraint and the
// normalised name key (matchKey of the name, title or URL) that incremental ingest resolves names by.
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
CREATE INDEX entity_name_key IF NOT EXISTS FOR (n:Entity) ON (n.nameKey);
// Incremental ingest: the name keys of aliases, as exact terms (a list property has no range index).
CREATE FULLTEXT INDEX entity_alias_keys IF NOT EXISTS FOR (n:Entity) ON EACH [n.aliasKeys]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'keyword'}};
// Ingest runs (listed and undone with npm run ingest -- --runs / --undo RUN).
CREATE CONSTRAINT ingest_run_id IF NOT EXISTS FOR (n:IngestRun) REQUIRE n.id IS UNIQUE;
// References no ingest could resolve yet (a name, a paper's identifiers), completed when a later run
// brings the node they point at.
CREATE CONSTRAINT pending_ref_id IF NOT EXISTS FOR (n:PendingRef) REQUIRE n.id IS UNIQUE;
CREATE INDEX pending_ref_target_key IF NOT EXISTS FOR (n:PendingRef) ON (n.targetKey);
CREATE INDEX pending_ref_arxiv IF NOT EXISTS FOR (n:PendingRef) ON (n.arxivId);
CREATE INDEX pending_ref_doi IF NOT EXISTS FOR (n:PendingRef) ON (n.doi);
CREATE INDEX pending_ref_title_key IF NOT EXISTS FOR (n:PendingRef) ON (n.titleKey);
// Curation: a person's accept, reject, change of kind, retarget or added link, applied over extraction
// after every load; --reset and --undo keep these records.
CREATE CONSTRAINT curation_id IF NOT EXISTS FOR (n:Curation) REQUIRE n.id IS UNIQUE;
// Overview: nodes ranked after each load by lineage importance (src/neo4j/importance); the API takes
// the first N ranks from this index and opens a community by its number.
CREATE INDEX entity_overview_rank IF NOT EXISTS FOR (n:Entity) ON (n.overviewRank);
CREATE INDEX paper_overview_rank IF NOT EXISTS FOR (n:Paper) ON (n.overviewRank);
CREATE INDEX entity_community IF NOT EXISTS FOR (n:Entity) ON (n.community);
CREATE CONSTRAINT graph_summary_id IF NOT EXISTS FOR (n:GraphSummary) REQUIRE n.id IS UNIQUE;
// Search: exact and prefix matches of the normalised name key, per label so ideas are never crowded out by papers.
CREATE INDEX paper_name_key IF NOT EXISTS FOR (n:Paper) ON (n.nameKey);
CREATE INDEX method_name_key IF NOT EXISTS FOR (n:Method) ON (n.nameKey);
CREATE INDEX architecture_name_key IF NOT EXISTS FOR (n:Architecture) ON (n.nameKey);
CREATE INDEX dataset_name_key IF NOT EXISTS FOR (n:Dataset) ON (n.nameKey);
CREATE INDEX concept_name_key IF NOT EXISTS FOR (n:Concept) ON (n.nameKey);
CREATE INDEX repository_name_key IF NOT EXISTS FOR (n:Repository) ON (n.nameKey);
CREATE INDEX author_name_key IF NOT EXISTS FOR (n:Author) ON (n.nameKey);
