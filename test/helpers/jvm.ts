// JVM options of the tests' Neo4j processes (no Vitest import: the global setup reads it too).

/**
 * JVM options for every Neo4j the tests start (the run's shared one, and those that single files
 * start and stop themselves: restarts, locks, npm start, the bulk load): the client compiler only,
 * which starts Java with about a third less CPU; in the shared one the C2 compiler threads took
 * about half of Java's CPU of a run, for queries that mostly run a few times each. And the serial
 * collector instead of G1 (the product's, for large heaps and short pauses): a test's heap is small,
 * and G1's concurrent threads cost about a seventh of a start's CPU (6.0 against 7.0 CPU-s).
 */
export const QUICK_START_JVM = ['-XX:TieredStopAtLevel=1', '-XX:-UseG1GC', '-XX:+UseSerialGC'];
