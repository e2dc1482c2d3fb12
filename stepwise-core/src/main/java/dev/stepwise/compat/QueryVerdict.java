package dev.stepwise.compat;

import java.util.List;

/**
 * The verdict on one statement, with what changed ({@code orders.note: character varying(100) ->
 * character varying(50)}) or the server's error.
 *
 * @param file    the queries file, as the user named it
 * @param line    1-based line where the statement starts
 * @param changes what differs after the pending expand migrations, each a short sentence; for
 *                {@code already failing} and {@code not judged}, the error on the current schema
 */
public record QueryVerdict(String file, int line, String statement, Verdict verdict, List<String> changes) {

    public QueryVerdict {
        changes = List.copyOf(changes);
    }
}
