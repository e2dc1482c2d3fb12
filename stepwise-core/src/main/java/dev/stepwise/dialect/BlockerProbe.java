package dev.stepwise.dialect;

import java.sql.SQLException;
import java.util.List;

/** Asks the server, from a connection of its own, who blocks a backend right now. */
public interface BlockerProbe {

    /** The sessions the backend with this pid waits for; empty when it waits for none. */
    List<Blocker> blockersOf(int pid) throws SQLException;
}
