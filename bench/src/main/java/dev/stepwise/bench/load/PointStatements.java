package dev.stepwise.bench.load;

/**
 * What one request of a point load sends: a read of one row by key ({@code ?} the key), or a
 * write of one row by key ({@code ?} a short text, then the key). Each benchmark picks columns
 * its own work leaves alone, so a request fails only if the work breaks the application.
 */
public record PointStatements(String read, String write) {
}
