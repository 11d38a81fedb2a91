// The one place that touches Neo4j's offline importer (the engine behind `neo4j-admin database
// import full`). Its API is internal to Neo4j and changes between releases, so it is pinned below.
package methodgraph.db;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.neo4j.cli.ExecutionContext;
import org.neo4j.importer.ImportCommand;
import org.neo4j.kernel.internal.Version;

import picocli.CommandLine;

final class ImporterAdapter {
    /**
     * The Neo4j release this adapter was written and tested against (db/pom.xml's neo4j.version).
     * In 5.26 the importer is the picocli command {@code ImportCommand.Full}; there is no public
     * CsvImporter class any more. Re-check the command's options before changing this.
     */
    static final String EXPECTED_NEO4J_VERSION = "5.26.30";
    private static final String DATABASE = "neo4j";

    private ImporterAdapter() {
    }

    static void checkVersion() throws BulkImportException {
        String actual = Version.getNeo4jVersion();
        if (!EXPECTED_NEO4J_VERSION.equals(actual)) {
            throw new BulkImportException("the bulk importer is written for Neo4j " + EXPECTED_NEO4J_VERSION
                    + " but the classpath has Neo4j " + actual
                    + "; rebuild db/ (node scripts/build-db.mjs) or load without --bulk");
        }
    }

    /** Where the launcher's Neo4j keeps the default database's store files (home = the data dir). */
    static Path storeDirectory(Path dataDir) {
        return dataDir.resolve("data").resolve("databases").resolve(DATABASE);
    }

    static boolean storeExists(Path dataDir) {
        Path store = storeDirectory(dataDir);
        try (var entries = Files.list(store)) {
            return entries.findAny().isPresent();
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /**
     * Imports the files into a new store for the default database under dataDir. Without
     * overwrite, an existing store is refused (the caller decides that it holds nothing).
     */
    static void importFull(Path dataDir, List<String> nodes, List<String> relationships, String arrayDelimiter,
                           boolean multiline, boolean overwrite) throws BulkImportException {
        if (!overwrite && storeExists(dataDir)) {
            throw new BulkImportException("database \"" + DATABASE + "\" already exists in " + dataDir
                    + "; a bulk load only fills a new, empty database. Load without --bulk, or use a new data directory (METHODGRAPH_DB_DIR)");
        }
        List<String> args = new ArrayList<>();
        for (String n : nodes) {
            args.add("--nodes=" + n);
        }
        for (String r : relationships) {
            args.add("--relationships=" + r);
        }
        args.add("--id-type=string");
        args.add("--array-delimiter=" + arrayDelimiter);
        args.add("--multiline-fields=" + multiline);
        args.add("--ignore-empty-strings=false");
        args.add("--skip-bad-relationships=false");
        args.add("--skip-duplicate-nodes=false");
        args.add("--bad-tolerance=0");
        args.add("--report-file=" + dataDir.resolve("bulk-import.report"));
        if (overwrite) {
            args.add("--overwrite-destination=true");
        }
        args.add(DATABASE);

        ByteArrayOutputStream errBuffer = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(new TeeStream(errBuffer, System.err), true, StandardCharsets.UTF_8);
        Path conf = dataDir.resolve("conf");
        ExecutionContext ctx = new ExecutionContext(dataDir, conf, System.out, err,
                new org.neo4j.io.fs.DefaultFileSystemAbstraction());
        CommandLine command = new CommandLine(new ImportCommand.Full(ctx));
        int code;
        try {
            code = command.execute(args.toArray(String[]::new));
        } catch (RuntimeException e) {
            throw new BulkImportException("Neo4j's importer failed: " + e.getMessage());
        }
        err.flush();
        if (code != 0) {
            String said = errBuffer.toString(StandardCharsets.UTF_8).trim();
            throw new BulkImportException("Neo4j's importer failed (exit " + code + ")"
                    + (said.isEmpty() ? "" : ": " + lastLines(said, 8))
                    + "; see " + dataDir.resolve("bulk-import.report"));
        }
    }

    private static String lastLines(String text, int n) {
        String[] lines = text.split("\n");
        return String.join("\n", java.util.Arrays.copyOfRange(lines, Math.max(0, lines.length - n), lines.length));
    }

    /** Copies everything written to two streams (the importer's errors, kept for the message). */
    private static final class TeeStream extends java.io.OutputStream {
        private final java.io.OutputStream a;
        private final java.io.OutputStream b;

        TeeStream(java.io.OutputStream a, java.io.OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int c) throws java.io.IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public void write(byte[] buf, int off, int len) throws java.io.IOException {
            a.write(buf, off, len);
            b.write(buf, off, len);
        }

        @Override
        public void flush() throws java.io.IOException {
            a.flush();
            b.flush();
        }
    }
}
