package dev.stepwise.dialect;

/**
 * What a dialect knows about its column types that autogenerate asks when it sorts a diff into an
 * expand and a contract migration: a type change that keeps every value (a widening) is safe for
 * the running code, any other one is not.
 */
public interface ColumnTypes {

    /**
     * Whether every value of type {@code from} converts to type {@code to} unchanged, so the
     * running code can go on writing what it writes: a known widening. Both types as the
     * introspector prints them ({@code numeric(12,2)}, {@code character varying(40)}). Unknown or
     * unrelated pairs are not widenings.
     */
    boolean widens(String from, String to);
}
