package dev.stepwise.stairway;

/**
 * Rows or values of a table that did not survive a leg of the stairway.
 *
 * @param table    the table ({@code public.users})
 * @param column   the column whose values changed, or null when rows went
 * @param sentence what was lost, and between which moments
 */
public record DataLoss(String table, String column, String sentence) {

    @Override
    public String toString() {
        return sentence;
    }
}
