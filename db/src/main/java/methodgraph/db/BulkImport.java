// The bulk first load: imports node and relationship CSV files straight into the store files of the
// bundled Neo4j's data directory (Neo4j's offline importer), before Neo4j ever opens that database.
package methodgraph.db;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code java -cp methodgraph-db.jar methodgraph.db.BulkImport --data DIR [--overwrite] [--multiline]
 * [--array-delimiter C|U+XXXX] --nodes HEADER,BODY... --relationships HEADER,BODY...}
 *
 * <p>Exit codes: 0 imported, 1 refused or failed (the reason is on stderr, prefixed
 * {@code methodgraph-db bulk:}), 2 bad usage. The launcher runs the same import before it starts
 * Neo4j when given {@code --bulk-import FILE} (these arguments but --data, one a line).
 */
public final class BulkImport {
    private static final String PREFIX = "methodgraph-db bulk: ";

    private BulkImport() {
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(PREFIX + e.getMessage());
            System.exit(2);
            return;
        }
        int code;
        try (FileLock lock = lockDataDirectory(options.dataDir)) {
            if (lock == null) {
                throw new BulkImportException("data directory " + options.dataDir
                        + " is in use by a running Neo4j; stop it (npm run db:stop) before a bulk load");
            }
            importInto(options);
            code = 0;
        } catch (BulkImportException e) {
            System.err.println(PREFIX + e.getMessage());
            code = 1;
        } catch (IOException e) {
            System.err.println(PREFIX + "data directory " + options.dataDir + " is unusable: " + e.getMessage());
            code = 1;
        }
        System.out.flush();
        System.err.flush();
        System.exit(code);
    }

    /** Imports into the data directory, whose lock the caller holds. */
    static void importInto(Options options) throws BulkImportException {
        ImporterAdapter.checkVersion();
        ImporterAdapter.importFull(options.dataDir, options.nodes, options.relationships, options.arrayDelimiter,
                options.multiline, options.overwrite);
    }

    /** Ends the process with a refusal or failure, in the words the Node side looks for. */
    static void fail(String reason) {
        System.err.println(PREFIX + reason);
        System.err.flush();
        System.out.flush();
        Runtime.getRuntime().halt(1);
    }

    /** The same lock file the launcher holds while Neo4j runs on the directory. */
    private static FileLock lockDataDirectory(Path dir) throws IOException {
        Files.createDirectories(dir);
        FileChannel channel = FileChannel.open(dir.resolve("methodgraph.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
            }
            return lock;
        } catch (OverlappingFileLockException e) {
            channel.close();
            return null;
        }
    }

    /** nodes and relationships: one entry per file group, "header.csv,body.csv,..." (checked to exist). */
    record Options(Path dataDir, List<String> nodes, List<String> relationships, String arrayDelimiter,
                   boolean multiline, boolean overwrite) {

        static Options parse(String[] args) {
            Path data = null;
            List<String> nodes = new ArrayList<>();
            List<String> relationships = new ArrayList<>();
            String delimiter = ";";
            boolean multiline = false;
            boolean overwrite = false;
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--data" -> data = Path.of(value(args, ++i, a)).toAbsolutePath().normalize();
                    case "--nodes" -> nodes.add(file(value(args, ++i, a)));
                    case "--relationships" -> relationships.add(file(value(args, ++i, a)));
                    case "--array-delimiter" -> delimiter = value(args, ++i, a);
                    case "--multiline" -> multiline = true;
                    case "--overwrite" -> overwrite = true;
                    default -> throw new IllegalArgumentException("unknown argument " + a
                            + "; expected --data, --nodes, --relationships, --array-delimiter, --multiline, --overwrite");
                }
            }
            if (data == null) {
                throw new IllegalArgumentException("--data DIR is required (the bundled Neo4j's data directory)");
            }
            if (nodes.isEmpty()) {
                throw new IllegalArgumentException("at least one --nodes FILE is required");
            }
            return new Options(data, nodes, relationships, delimiter, multiline, overwrite);
        }

        private static String file(String group) {
            List<String> files = new ArrayList<>();
            for (String name : group.split(",")) {
                Path p = Path.of(name).toAbsolutePath().normalize();
                if (!Files.isRegularFile(p)) {
                    throw new IllegalArgumentException("no such CSV file: " + p);
                }
                files.add(p.toString());
            }
            return String.join(",", files);
        }

        private static String value(String[] args, int i, String flag) {
            if (i >= args.length) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            return args[i];
        }
    }
}
