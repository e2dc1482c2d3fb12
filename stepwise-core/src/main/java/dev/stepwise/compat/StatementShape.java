package dev.stepwise.compat;

import java.util.List;

/**
 * What a statement looks like to the code that sends it, described without running it: the
 * types the server infers for its parameters and the columns it returns (none for a plain
 * {@code INSERT}, {@code UPDATE} or {@code DELETE}).
 *
 * @param parameters the parameter types, {@code $1} first, as the server names them
 */
public record StatementShape(List<String> parameters, List<ResultColumn> columns) {

    public StatementShape {
        parameters = List.copyOf(parameters);
        columns = List.copyOf(columns);
    }
}
