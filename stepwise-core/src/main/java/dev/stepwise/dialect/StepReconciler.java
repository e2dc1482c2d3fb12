package dev.stepwise.dialect;

import dev.stepwise.sql.SqlStatement;

import java.sql.SQLException;
import java.util.List;

/**
 * Reads back what a step that ran in autocommit left behind when its run was killed or it
 * failed part-way, so the next run neither loses nor half-repeats it: a valid index is done, an
 * INVALID one is dropped and built again, a pending concurrent detach is finalised, an enum
 * value present is done.
 */
public interface StepReconciler {

    /** What to do about the step's statement, judged from the catalog. */
    Reconciliation reconcile(SqlStatement statement) throws SQLException;

    /**
     * The outcome of reading a step back.
     *
     * @param cleanup statements to run first, each in autocommit (dropping an INVALID index,
     *                finalising a detach)
     * @param finding what the database showed, in a few words, for the run's output
     */
    record Reconciliation(Verdict verdict, List<String> cleanup, String finding) {

        public Reconciliation {
            cleanup = List.copyOf(cleanup);
        }

        public static Reconciliation done(String finding) {
            return new Reconciliation(Verdict.DONE, List.of(), finding);
        }

        public static Reconciliation redo(String finding, String... cleanup) {
            return new Reconciliation(Verdict.REDO, List.of(cleanup), finding);
        }

        public static Reconciliation finish(String finding, String... statements) {
            return new Reconciliation(Verdict.FINISH, List.of(statements), finding);
        }

        public static Reconciliation unknown(String finding) {
            return new Reconciliation(Verdict.UNKNOWN, List.of(), finding);
        }
    }

    /** What the runner does with the step. */
    enum Verdict {
        /** The step's work is there: record it as done. */
        DONE,
        /** Run the cleanup, then the statement again. */
        REDO,
        /** Run the cleanup, which completes the step; then record it as done. */
        FINISH,
        /** The database cannot tell; stop and say what to check. */
        UNKNOWN
    }
}
