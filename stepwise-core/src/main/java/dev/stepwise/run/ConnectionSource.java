package dev.stepwise.run;

import java.sql.Connection;
import java.sql.SQLException;

/** Opens new connections to the target database; each caller owns and closes what it opens. */
@FunctionalInterface
public interface ConnectionSource {

    Connection open() throws SQLException;
}
