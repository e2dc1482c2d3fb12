package dev.stepwise.dialect;

/** What a connection is for; part of its application name, so runs can recognise each other. */
public enum SessionRole {
    /** Holds the run lock; stays in autocommit with no open snapshot. */
    LOCK,
    /** Runs migrations and writes the version tables; exists only while the lock is held. */
    WORK,
    /** Reads state for commands that change nothing. */
    READ,
    /**
     * Asks, while a statement of the run waits for a lock, who blocks it; stays in autocommit
     * and holds a snapshot only for the length of each short query.
     */
    SAMPLER;

    public String keyword() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
