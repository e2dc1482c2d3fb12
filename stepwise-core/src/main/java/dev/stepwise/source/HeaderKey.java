package dev.stepwise.source;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The keys of a migration file's header, in the order Stepwise writes them. New keys are added
 * to PRODUCT.md first, then here.
 */
enum HeaderKey {
    REVISION,
    DOWN_REVISION,
    MESSAGE,
    PHASE,
    BRANCH_LABELS,
    DEPENDS_ON,
    TRANSACTION,
    REVERSIBLE,
    EXPANDS;

    /** The key as written in a file, e.g. {@code down_revision}. */
    String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<HeaderKey> of(String key) {
        return Arrays.stream(values()).filter(k -> k.key().equals(key)).findFirst();
    }
}
