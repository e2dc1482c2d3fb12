package dev.stepwise.reliability.input;

import dev.stepwise.StepwiseException;
import dev.stepwise.source.MigrationFileException;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a mutant may do when Stepwise reads it, and what it may not:
 * <ul>
 *   <li>a mutant whose only changes are line endings and a BOM reads as exactly the original's
 *       plan: the same statements (text, line, column, tokens, directives, execution mode, lock)
 *       and the same checksum;</li>
 *   <li>any other mutant either reads as a plan (the same one, or another where damage landed in
 *       a literal or comment), whose checksum equals the original's exactly when what the
 *       checksum covers is unchanged; or is refused with the bad-input error (exit 2) whose
 *       message starts with {@code file:line:} for a line that exists in the file, and shows
 *       no control character of the file raw (a terminal would obey it);</li>
 *   <li>nothing else: no other exception, no error, no hang.</li>
 * </ul>
 */
final class MutantOracle {

    /** How a reading ended, the way the scenario tallies it. */
    enum Verdict { SAME_PLAN, OTHER_PLAN, REFUSED, FAILED }

    /** The verdict, and what was wrong when it is {@link Verdict#FAILED}. */
    record Judgement(Verdict verdict, String failure) {
        static Judgement failed(String failure) {
            return new Judgement(Verdict.FAILED, failure);
        }
    }

    private final Map<String, MigrationReading.Planned> originals;

    MutantOracle(Map<String, MigrationReading.Planned> originals) {
        this.originals = Map.copyOf(originals);
    }

    Judgement judge(Mutant mutant, Path file, Bounded.Outcome<MigrationReading> outcome) {
        if (outcome.hung()) {
            return Judgement.failed("hung: no result within the time limit");
        }
        if (outcome.thrown() != null) {
            return Judgement.failed("threw " + trace(outcome.thrown()));
        }
        MigrationReading.Planned original = originals.get(mutant.name());
        if (outcome.value() instanceof MigrationReading.Refused refused) {
            return refused(mutant, file, refused.error());
        }
        MigrationReading.Planned read = (MigrationReading.Planned) outcome.value();
        String difference = PlanDifference.between(original, read);
        if (difference == null) {
            return new Judgement(Verdict.SAME_PLAN, null);
        }
        if (mutant.keepsMeaning()) {
            return Judgement.failed("does not read like the original: " + difference);
        }
        boolean contentChanged = PlanDifference.inChecksummedContent(original, read);
        boolean checksumChanged = !original.checksum().equals(read.checksum());
        if (contentChanged != checksumChanged) {
            return Judgement.failed(contentChanged
                    ? "the checksum stayed " + read.checksum() + " though the plan changed: " + difference
                    : "the checksum changed though nothing it covers did: " + difference);
        }
        return new Judgement(Verdict.OTHER_PLAN, null);
    }

    private static Judgement refused(Mutant mutant, Path file, MigrationFileException e) {
        if (mutant.keepsMeaning()) {
            return Judgement.failed("refused, though only line endings or a BOM changed: " + e.getMessage());
        }
        if (e.category() != StepwiseException.Category.BAD_INPUT) {
            return Judgement.failed("refused as " + e.category() + ", not bad input: " + e.getMessage());
        }
        int lines = FileBytes.lineCount(mutant.bytes());
        if (!file.equals(e.file()) || e.line() < 1 || e.line() > lines) {
            return Judgement.failed("refused without naming a line of the file (it has " + lines + "): "
                    + e.getMessage());
        }
        if (!e.getMessage().startsWith(file + ":" + e.line() + ": ")) {
            return Judgement.failed("refused, but the message does not start with file:line: " + e.getMessage());
        }
        if (hasControlCharacters(e.getMessage())) {
            return Judgement.failed("refused with control characters from the file in the message, which a"
                    + " terminal or CI log would obey: " + e.getMessage().replaceAll("\\p{Cntrl}", "?"));
        }
        return new Judgement(Verdict.REFUSED, null);
    }

    /** C0 controls but tab, DEL and C1 controls: what a terminal may take as a command. */
    static boolean hasControlCharacters(String text) {
        return text.chars().anyMatch(c -> c < 0x20 && c != '\t' && c != '\n' || c >= 0x7f && c <= 0x9f);
    }

    private static String trace(Throwable t) {
        StringWriter text = new StringWriter();
        t.printStackTrace(new PrintWriter(text));
        String[] lines = text.toString().split("\n");
        StringBuilder shown = new StringBuilder();
        for (int i = 0; i < Math.min(lines.length, 8); i++) {
            shown.append(i == 0 ? "" : "\n      ").append(lines[i].strip());
        }
        return shown.toString();
    }
}
