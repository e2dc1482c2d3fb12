package dev.stepwise.diff;

/**
 * Whether a change touches a table the same diff creates (empty: plain statements will do) or one
 * that already exists (live rows and traffic: the dialect renders the safe form).
 */
public enum TableAge { NEW, EXISTING }
