package dev.stepwise.stairway;

/**
 * One item of PRODUCT.md's zero-downtime checklist for one migration, as the test measured it.
 *
 * @param decides whether a NO fails the test: the measured items (1, 2) and the stairway's own (4);
 *                item 3 is lint's verdict, shown alongside as every lint finding is
 */
public record ChecklistItem(int number, String name, Tick tick, String detail, boolean decides) {

    /** Ticked, not ticked, or not known (not measured). */
    public enum Tick {
        YES, NO, UNKNOWN;

        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public boolean fails() {
        return decides && tick == Tick.NO;
    }
}
