package dev.stepwise.dialect;

/** What a database error means for the runner: whether waiting and trying again can help. */
public enum ErrorKind {
    /** A lock was not granted within the lock timeout: nothing was done; retry with a longer one. */
    LOCK_TIMEOUT,
    /** The server broke a deadlock by cancelling this transaction: retry. */
    DEADLOCK,
    /** A statement ran past its statement timeout, or the runner cancelled it at its deadline. */
    STATEMENT_TIMEOUT,
    /** The transaction stayed open past the attempt bound and the server ended the session. */
    TRANSACTION_TIMEOUT,
    /** The connection is gone (terminated backend, server restart, network). */
    CONNECTION_LOST,
    /** Anything else: the statement is wrong for this database. */
    OTHER
}
