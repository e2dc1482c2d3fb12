package dev.stepwise.source;

import dev.stepwise.JavaMigration;
import dev.stepwise.StepwiseException;
import dev.stepwise.StepwiseMigration;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A migration defined by a {@link JavaMigration} class and its {@link StepwiseMigration}
 * annotation. Its checksum covers the header values that change behaviour and the class name:
 * the code itself cannot be hashed stably, so editing it is the author's responsibility.
 */
public final class JavaCodedMigration implements Migration {

    private final Constructor<? extends JavaMigration> constructor;
    private final MigrationHeader header;
    private final String checksum;

    private JavaCodedMigration(Constructor<? extends JavaMigration> constructor, MigrationHeader header) {
        this.constructor = constructor;
        this.header = header;
        Checksum sum = Checksum.start();
        sum.header(header);
        sum.javaClass(constructor.getDeclaringClass().getName());
        this.checksum = sum.value();
    }

    /**
     * Checks the class (implements {@link JavaMigration}, is annotated, concrete, has a public
     * no-argument constructor) and its annotation values.
     */
    public static JavaCodedMigration of(Class<?> type) {
        String name = type.getName();
        if (!JavaMigration.class.isAssignableFrom(type)) {
            throw new JavaMigrationException(name, "does not implement " + JavaMigration.class.getName());
        }
        StepwiseMigration annotation = type.getAnnotation(StepwiseMigration.class);
        if (annotation == null) {
            throw new JavaMigrationException(name, "has no @" + StepwiseMigration.class.getSimpleName()
                    + " annotation to give its revision and down revision");
        }
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
            throw new JavaMigrationException(name, "is abstract; a migration class must be concrete");
        }
        if (!Modifier.isPublic(type.getModifiers())
                || type.getEnclosingClass() != null && !Modifier.isStatic(type.getModifiers())) {
            throw new JavaMigrationException(name, "must be a public top-level or static nested class");
        }
        Constructor<? extends JavaMigration> constructor;
        try {
            constructor = type.asSubclass(JavaMigration.class).getConstructor();
        } catch (NoSuchMethodException e) {
            throw new JavaMigrationException(name, "has no public no-argument constructor");
        }
        return new JavaCodedMigration(constructor, header(name, annotation));
    }

    private static MigrationHeader header(String className, StepwiseMigration a) {
        try {
            MigrationHeader header = new MigrationHeader(
                    a.revision(),
                    HeaderRules.downRevisions(a.downRevision().strip()),
                    a.message(),
                    a.phase(),
                    new LinkedHashSet<>(Arrays.asList(a.branchLabels())),
                    List.of(a.dependsOn()),
                    a.transaction(),
                    a.reversible(),
                    a.expands().isEmpty() ? null : a.expands());
            HeaderRules.check(header);
            return header;
        } catch (FormatViolation e) {
            throw new JavaMigrationException(className, e.problem());
        }
    }

    public Class<? extends JavaMigration> type() {
        return constructor.getDeclaringClass();
    }

    @Override
    public MigrationHeader header() {
        return header;
    }

    @Override
    public String origin() {
        return constructor.getDeclaringClass().getName();
    }

    @Override
    public String checksum() {
        return checksum;
    }

    /** Whether downgrading is possible: everything but {@code reversible = NO}. */
    @Override
    public boolean hasDown() {
        return header.reversible() != Reversibility.NO;
    }

    /**
     * Runs one direction on a new instance. The connection's transaction is the caller's to
     * manage; an {@link SQLException} from the migration passes through unchanged.
     */
    public void run(Direction direction, Connection connection) throws SQLException {
        JavaMigration migration = newInstance();
        if (direction == Direction.UP) {
            migration.up(connection);
        } else {
            migration.down(connection);
        }
    }

    private JavaMigration newInstance() {
        try {
            return constructor.newInstance();
        } catch (InvocationTargetException e) {
            throw new StepwiseException(StepwiseException.Category.FAILED, "Java migration "
                    + origin() + ": its constructor failed: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new StepwiseException(StepwiseException.Category.FAILED, "Java migration "
                    + origin() + ": cannot be created: " + e, e);
        }
    }

    @Override
    public String toString() {
        return "JavaCodedMigration[" + header.revision() + " " + origin() + "]";
    }
}
