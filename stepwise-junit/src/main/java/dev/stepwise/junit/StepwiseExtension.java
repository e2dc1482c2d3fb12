package dev.stepwise.junit;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

import javax.sql.DataSource;

/**
 * The JUnit 5 extension behind {@link StepwiseTest}: opens a test class's database before its
 * first test (or earlier, when its constructor asks for one) and drops it after its last, and
 * resolves {@link DataSource} and {@link StepwiseHandle} parameters to it.
 *
 * <p>The database is kept in the class's own {@link ExtensionContext.Store} under the class
 * itself, so a {@code @Nested} class, whose store would otherwise see its enclosing class's
 * entries, gets a database of its own.
 */
public final class StepwiseExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    /** System property naming a server for every test class that names none. */
    public static final String URL_PROPERTY = "stepwise.test.url";
    /** Environment variable naming a server for every test class that names none (after the property). */
    public static final String URL_VARIABLE = "STEPWISE_TEST_URL";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(StepwiseExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        database(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        ClassDatabase database = context.getStore(NAMESPACE).remove(context.getRequiredTestClass(), ClassDatabase.class);
        if (database != null) {
            database.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == DataSource.class || type == StepwiseHandle.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ClassDatabase database = database(classContext(context));
        return parameter.getParameter().getType() == DataSource.class ? database.dataSource() : database.handle();
    }

    /** The class's database, opened on first use. */
    private static ClassDatabase database(ExtensionContext classContext) {
        Class<?> testClass = classContext.getRequiredTestClass();
        return classContext.getStore(NAMESPACE).getOrComputeIfAbsent(testClass, c -> {
            StepwiseTest settings = settingsOf(testClass);
            return ClassDatabase.open(testClass, settings, ServerChoice.of(settings, System::getProperty, System.getenv()));
        }, ClassDatabase.class);
    }

    /** The context of the test class a method's context belongs to. */
    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext c = context;
        while (c.getTestMethod().isPresent()) {
            c = c.getParent().orElseThrow();
        }
        return c;
    }

    /** The class's annotation, or that of the class it is nested in (a {@code @Nested} class inherits the extension). */
    static StepwiseTest settingsOf(Class<?> testClass) {
        for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
            var found = AnnotationSupport.findAnnotation(c, StepwiseTest.class);
            if (found.isPresent()) {
                return found.get();
            }
        }
        throw new ExtensionConfigurationException(testClass.getName()
                + " uses StepwiseExtension without @StepwiseTest: annotate the class with @StepwiseTest instead of @ExtendWith");
    }
}
