// The bundled Neo4j: runs Neo4j Community in-process with Bolt on loopback, prints one
// "READY bolt://host:port" line when it answers, and shuts down cleanly on SIGINT/SIGTERM. With
// --bulk-import FILE it first imports CSV files into the new database (BulkImport's arguments, one a line).
package methodgraph.db;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;

public final class Launcher {
    private static final String PREFIX = "methodgraph-db: ";

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            fail(e.getMessage());
            return;
        }
        if (Runtime.version().feature() < 17) {
            fail("Java " + Runtime.version().feature() + " is too old; Neo4j 5.26 needs Java 17 or newer");
        }
        if (!isLoopback(options.host) && options.password == null) {
            fail("refusing to listen on non-loopback host " + options.host
                    + " with authentication off; set NEO4J_PASSWORD (or --password) to enable auth, or use 127.0.0.1");
        }
        checkPortFree(options.host, options.port);
        FileLock lock = lockDataDirectory(options.dataDir);
        if (options.bulkImport != null) {
            importFirst(options);
        }

        DatabaseManagementService service;
        try {
            service = start(options);
        } catch (Throwable t) {
            fail("Neo4j failed to start: " + rootMessage(t) + " (see " + options.dataDir.resolve("logs/debug.log") + ")");
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                service.shutdown();
            } catch (Throwable t) {
                System.err.println(PREFIX + "error during shutdown: " + rootMessage(t));
            } finally {
                releaseQuietly(lock);
                System.out.println("STOPPED");
                System.out.flush();
                stopped.countDown();
            }
        }, "methodgraph-db-shutdown"));

        try {
            GraphDatabaseService db = service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            db.executeTransactionally("RETURN 1");
            if (options.password != null) {
                service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                        "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED",
                        Map.of("password", options.password));
            }
        } catch (Throwable t) {
            System.err.println(PREFIX + "Neo4j started but does not answer: " + rootMessage(t));
            System.exit(1);
        }
        System.out.println("READY bolt://" + hostForUri(options.host) + ":" + options.port);
        System.out.flush();

        if (options.watchStdin) {
            Thread watcher = new Thread(() -> {
                // The parent holds our stdin; when it dies the pipe closes and we stop too.
                try (InputStream in = System.in) {
                    while (in.read() != -1) {
                        // ignore input
                    }
                } catch (IOException ignored) {
                    // treat as closed
                }
                System.exit(0);
            }, "methodgraph-db-stdin-watch");
            watcher.setDaemon(true);
            watcher.start();
        }
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Imports before Neo4j opens the database, in this JVM: the start that follows reuses its classes
     * and compiled code. Prints "IMPORTED" when done; a refusal or failure ends the process (exit 1)
     * with BulkImport's message.
     */
    private static void importFirst(Options options) {
        List<String> args = new ArrayList<>(List.of("--data", options.dataDir.toString()));
        try {
            for (String line : Files.readAllLines(options.bulkImport)) {
                if (!line.isBlank()) {
                    args.add(line);
                }
            }
        } catch (IOException e) {
            fail("cannot read the bulk import arguments " + options.bulkImport + ": " + e.getMessage());
        }
        try {
            BulkImport.importInto(BulkImport.Options.parse(args.toArray(String[]::new)));
        } catch (IllegalArgumentException | BulkImportException e) {
            BulkImport.fail(e.getMessage());
        }
        System.out.println("IMPORTED");
        System.out.flush();
    }

    private static DatabaseManagementService start(Options o) {
        return new DatabaseManagementServiceBuilder(o.dataDir)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(o.host, o.port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress(o.host, o.port))
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, o.password != null)
                .setConfig(GraphDatabaseSettings.pagecache_memory, o.pageCacheBytes)
                .setConfig(GraphDatabaseSettings.memory_transaction_global_max_size, o.txMemoryBytes)
                // Every transaction, whoever opens it, has a memory ceiling and a time limit (a
                // client may ask for a shorter one, as the API does for ad-hoc queries).
                .setConfig(GraphDatabaseSettings.memory_transaction_max_size, o.txMemoryBytes)
                .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofSeconds(o.txTimeoutSeconds))
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                // Bolt's network threads stop at once: by then every connection is closed, and
                // Netty's default quiet period (5 s, waited twice) only delays the exit.
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                // LOAD CSV may read only files under <data>/import, not anything the JVM can read.
                .setConfig(GraphDatabaseSettings.load_csv_file_url_root, o.dataDir.resolve("import"))
                .build();
    }

    private static void checkPortFree(String host, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(host), port));
        } catch (UnknownHostException e) {
            fail("unknown host " + host);
        } catch (IOException e) {
            fail("port " + port + " on " + host + " is already in use; stop what uses it or set METHODGRAPH_DB_PORT / --port");
        }
    }

    private static FileLock lockDataDirectory(Path dir) {
        try {
            Files.createDirectories(dir.resolve("import"));
            if (!Files.isWritable(dir)) {
                fail("data directory " + dir + " is not writable");
            }
            FileChannel channel = FileChannel.open(dir.resolve("methodgraph.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                fail("data directory " + dir + " is locked by another Neo4j process; stop it (npm run db:stop) or choose another directory with METHODGRAPH_DB_DIR / --data");
            }
            return lock;
        } catch (IOException e) {
            fail("data directory " + dir + " is unusable: " + e.getMessage());
            return null;
        }
    }

    static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String hostForUri(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    private static void releaseQuietly(FileLock lock) {
        try {
            if (lock != null) {
                lock.release();
                lock.channel().close();
            }
        } catch (IOException ignored) {
            // the process is ending; the OS releases the lock anyway
        }
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String msg = root.getMessage();
        String text = root.getClass().getSimpleName() + (msg == null ? "" : ": " + msg.replace('\n', ' '));
        return text.contains("No space left on device") ? "the disk is full (" + text + ")" : text;
    }

    static void fail(String reason) {
        System.err.println(PREFIX + reason);
        System.err.flush();
        Runtime.getRuntime().halt(1);
    }

    /** Command-line arguments, falling back to environment variables, then defaults. */
    record Options(String host, int port, Path dataDir, long pageCacheBytes, long txMemoryBytes,
                   long txTimeoutSeconds, String password, boolean watchStdin, Path bulkImport) {

        static Options parse(String[] args, Map<String, String> env) {
            String host = env.getOrDefault("METHODGRAPH_DB_HOST", "127.0.0.1");
            String port = env.getOrDefault("METHODGRAPH_DB_PORT", "7687");
            String data = env.getOrDefault("METHODGRAPH_DB_DIR", ".methodgraph/neo4j");
            String pageCache = env.getOrDefault("METHODGRAPH_DB_PAGECACHE", "256m");
            String txMemory = env.getOrDefault("METHODGRAPH_DB_TX_MEMORY", "256m");
            String txTimeout = env.getOrDefault("METHODGRAPH_DB_TX_TIMEOUT", "900");
            String password = emptyToNull(env.get("METHODGRAPH_DB_PASSWORD"));
            boolean watchStdin = false;
            Path bulkImport = null;
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--host" -> host = value(args, ++i, a);
                    case "--port" -> port = value(args, ++i, a);
                    case "--data" -> data = value(args, ++i, a);
                    case "--pagecache" -> pageCache = value(args, ++i, a);
                    case "--tx-memory" -> txMemory = value(args, ++i, a);
                    case "--tx-timeout" -> txTimeout = value(args, ++i, a);
                    case "--password" -> password = emptyToNull(value(args, ++i, a));
                    case "--watch-stdin" -> watchStdin = true;
                    case "--bulk-import" -> bulkImport = Path.of(value(args, ++i, a)).toAbsolutePath();
                    default -> throw new IllegalArgumentException("unknown argument " + a
                            + "; expected --host, --port, --data, --pagecache, --tx-memory, --tx-timeout, --password, --watch-stdin, --bulk-import");
                }
            }
            int portNumber;
            try {
                portNumber = Integer.parseInt(port);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("port must be a number, got " + port);
            }
            if (portNumber < 1 || portNumber > 65535) {
                throw new IllegalArgumentException("port must be between 1 and 65535, got " + port);
            }
            long timeoutSeconds;
            try {
                timeoutSeconds = Long.parseLong(txTimeout.trim());
            } catch (NumberFormatException e) {
                timeoutSeconds = -1;
            }
            if (timeoutSeconds < 1) {
                throw new IllegalArgumentException("transaction timeout must be a whole number of seconds (at least 1), got " + txTimeout);
            }
            return new Options(host, portNumber, Path.of(data).toAbsolutePath().normalize(),
                    bytes(pageCache, "page cache"), bytes(txMemory, "transaction memory"), timeoutSeconds, password, watchStdin, bulkImport);
        }

        private static String value(String[] args, int i, String flag) {
            if (i >= args.length) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            return args[i];
        }

        private static String emptyToNull(String s) {
            return s == null || s.isEmpty() ? null : s;
        }

        static long bytes(String size, String what) {
            String s = size.trim().toLowerCase();
            long unit = 1;
            if (s.endsWith("k")) {
                unit = 1L << 10;
            } else if (s.endsWith("m")) {
                unit = 1L << 20;
            } else if (s.endsWith("g")) {
                unit = 1L << 30;
            }
            String digits = unit == 1 ? s : s.substring(0, s.length() - 1);
            try {
                return Long.parseLong(digits) * unit;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(what + " size must look like 256m or 1g, got " + size);
            }
        }
    }
}
