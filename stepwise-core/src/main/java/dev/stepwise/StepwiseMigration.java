package dev.stepwise;

import dev.stepwise.source.Phase;
import dev.stepwise.source.Reversibility;
import dev.stepwise.source.TransactionMode;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The header of a {@link JavaMigration}: the same keys, defaults and rules as the header of a
 * migration file, so both kinds form one revision graph.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface StepwiseMigration {

    /** The revision id: lowercase letters, digits and {@code _}; not none/base/head/heads. */
    String revision();

    /** The parent: {@code none} for a root, or several ids separated by {@code ,} for a merge. */
    String downRevision() default "none";

    String message() default "";

    Phase phase() default Phase.EXPAND;

    String[] branchLabels() default {};

    String[] dependsOn() default {};

    /** {@code NONE} runs the migration in autocommit instead of one transaction. */
    TransactionMode transaction() default TransactionMode.AUTO;

    Reversibility reversible() default Reversibility.YES;

    /** The expand revision a contract migration finishes; empty for none. */
    String expands() default "";
}
