package dev.stepwise.reliability.input;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The kinds of damage the scenario does to a file; a mutant may carry several. */
enum Mutation {
    TRUNCATED,
    BINARY_GARBAGE,
    QUOTE,
    DOUBLE_QUOTE,
    DOLLAR_TAG,
    HUGE_LINE,
    INVALID_UTF8,
    /** CRLF, lone CR or a mix of endings: the file must read exactly as before. */
    LINE_ENDINGS,
    /** A UTF-8 byte order mark in front: the file must read exactly as before. */
    BOM;

    /** The kinds that change nothing a reader of the file may see: {@link #LINE_ENDINGS} and {@link #BOM}. */
    static final Set<Mutation> KEEPING_MEANING = EnumSet.of(LINE_ENDINGS, BOM);

    boolean keepsMeaning() {
        return KEEPING_MEANING.contains(this);
    }

    /** As written in the report: {@code binary garbage}. */
    String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ').replace("utf8", "UTF-8")
                .replace("bom", "BOM");
    }
}
