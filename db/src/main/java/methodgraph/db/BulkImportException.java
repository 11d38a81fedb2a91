// A bulk import that was refused or failed, with a message that says what to do.
package methodgraph.db;

final class BulkImportException extends Exception {
    private static final long serialVersionUID = 1L;

    BulkImportException(String message) {
        super(message);
    }
}
