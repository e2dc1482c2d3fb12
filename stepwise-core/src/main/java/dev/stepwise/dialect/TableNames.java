package dev.stepwise.dialect;

/**
 * Where Stepwise keeps its own tables.
 *
 * @param schema  schema of the version and history tables
 * @param version table holding the current head(s)
 * @param history table holding every attempt of every step
 */
public record TableNames(String schema, String version, String history) {

    public static final TableNames DEFAULT = new TableNames("public", "stepwise_version", "stepwise_history");
}
