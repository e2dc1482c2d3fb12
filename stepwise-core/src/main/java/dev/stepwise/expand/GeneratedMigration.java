package dev.stepwise.expand;

import dev.stepwise.source.Phase;
import dev.stepwise.source.Reversibility;

/**
 * One migration a generator wrote: its phase, a message suffix ({@code expand}, {@code contract}),
 * and the SQL of its two sections, comments included. A contract migration finishes the expand
 * migration written just before it ({@code expands:}).
 *
 * @param why shown in the header's message after the description, e.g. {@code expand}
 */
public record GeneratedMigration(Phase phase, String why, String up, String down, Reversibility reversible) {
}
