package dev.stepwise.it.expand;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What an application version writes to, or reads from, one row: an amount (dollars, or cents
 * where v2 counts in cents) and a tag (a note, a status or a reference, where the transition has
 * one; null where it does not).
 */
record Value(BigDecimal amount, String tag) {

    /** A tag that matches any non-null value: a volatile default's result, which no one can predict. */
    static final String ANY = "<any non-null>";

    static Value of(BigDecimal amount) {
        return new Value(amount, null);
    }

    /** Numerically equal amounts (10.0 and 10.000 are one value) and equal tags. */
    boolean matches(Value read) {
        if (read == null) {
            return false;
        }
        boolean amounts = amount == null ? read.amount == null
                : read.amount != null && amount.compareTo(read.amount) == 0;
        boolean tags = ANY.equals(tag) ? read.tag != null : Objects.equals(tag, read.tag);
        return amounts && tags;
    }

    @Override
    public String toString() {
        return tag == null ? String.valueOf(amount) : amount + "/" + tag;
    }
}
