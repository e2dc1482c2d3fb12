package dev.stepwise.postgres.lint;

import dev.stepwise.postgres.parse.ParsedStatement;
import dev.stepwise.postgres.statement.QualifiedName;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Everything a migration's {@code +up} names, collected once for two questions: what to ask the
 * catalog about (tables that existed before it, with the functions its defaults call and the
 * types it converts columns to), and which tables it changes or reads, so that {@code status} can
 * tell when one pending migration's verdict depends on an earlier pending one.
 *
 * <p>A table counts when a statement changes it or locks it to do its work: altered, indexed,
 * reindexed, filled, emptied, dropped, vacuumed, clustered, refreshed, given or rid of a trigger,
 * attached or detached as a partition, or referenced by a foreign key (which locks the referenced
 * table against writes and, when validated, reads it).
 *
 * @param catalogTables tables to read from the catalog, as SQL names ({@code "public"."users"}); those
 *                      the migration creates first are left out, as the catalog cannot know them yet
 * @param functions     functions called by the defaults it adds, by name
 * @param types         types it converts columns to, as written
 * @param changed       tables it creates, changes or fills, lower-case names without schema
 * @param read          tables it only locks or reads (foreign-key targets), lower-case, without schema
 */
record NamedObjects(Set<String> catalogTables, Set<String> functions, Set<String> types, Set<String> changed,
                    Set<String> read) {

    static NamedObjects of(Iterable<MigrationContext.Read> up) {
        NamedObjects n = new NamedObjects(new LinkedHashSet<>(), new LinkedHashSet<>(), new LinkedHashSet<>(),
                new LinkedHashSet<>(), new LinkedHashSet<>());
        MigrationState state = new MigrationState();
        for (MigrationContext.Read r : up) {
            n.collect(r.parsed(), state);
            state.apply(r.parsed());
        }
        n.read.removeAll(n.changed);
        return n;
    }

    /** Whether the catalog has nothing to say about the migration (it names nothing that existed before). */
    boolean needsNoCatalog() {
        return catalogTables.isEmpty() && functions.isEmpty() && types.isEmpty();
    }

    /** Whether every name can be written as a literal (PostgreSQL text holds no NUL). */
    boolean literalsAllowed() {
        return Stream.of(catalogTables, functions, types).flatMap(Set::stream).noneMatch(n -> n.indexOf('\0') >= 0);
    }

    private void changes(QualifiedName name, MigrationState state) {
        if (name != null) {
            changed.add(key(name));
            existing(name, state);
        }
    }

    private void reads(QualifiedName name, MigrationState state) {
        if (name != null) {
            read.add(key(name));
            existing(name, state);
        }
    }

    private void existing(QualifiedName name, MigrationState state) {
        if (!state.created(name)) {
            catalogTables.add(name.sql());
        }
    }

    private static String key(QualifiedName name) {
        return name.name().toLowerCase(Locale.ROOT);
    }

    private void collect(ParsedStatement p, MigrationState state) {
        if (p instanceof ParsedStatement.CreateTable c) {
            changed.add(key(c.table()));
            Stream.concat(c.constraints().stream().map(ParsedStatement.TableConstraint::references),
                            c.columns().stream().map(ParsedStatement.ColumnDef::references))
                    .filter(java.util.Objects::nonNull).forEach(r -> reads(r.table(), state));
            if (c.partitionOf() != null) {
                changes(c.partitionOf(), state);
            }
        } else if (p instanceof ParsedStatement.AlterTable a) {
            alter(a, state);
        } else if (p instanceof ParsedStatement.CreateIndex c) {
            changes(c.table(), state);
        } else if (p instanceof ParsedStatement.Reindex r && r.scope().equals("TABLE")) {
            changes(r.target(), state);
        } else if (p instanceof ParsedStatement.DataChange d) {
            changes(d.table(), state);
        } else if (p instanceof ParsedStatement.Insert i && i.table() != null) {
            // the rules ask nothing of the catalog about an INSERT: a data migration of many costs no read
            changed.add(key(i.table()));
        } else if (p instanceof ParsedStatement.Truncate t) {
            t.tables().forEach(x -> changes(x, state));
        } else if (p instanceof ParsedStatement.DropTable d) {
            d.tables().forEach(x -> changes(x, state));
        } else if (p instanceof ParsedStatement.Vacuum v) {
            v.tables().forEach(x -> changes(x, state));
        } else if (p instanceof ParsedStatement.Cluster c) {
            changes(c.table(), state);
        } else if (p instanceof ParsedStatement.RefreshMaterializedView r) {
            changes(r.view(), state);
        } else if (p instanceof ParsedStatement.Trigger t) {
            changes(t.table(), state);
        } else if (p instanceof ParsedStatement.CreateView v && v.view() != null) {
            changed.add(key(v.view()));
        }
    }

    private void alter(ParsedStatement.AlterTable a, MigrationState state) {
        changes(a.table(), state);
        for (ParsedStatement.AlterAction action : a.actions()) {
            if (action instanceof ParsedStatement.AddColumn add) {
                if (add.column().references() != null) {
                    reads(add.column().references().table(), state);
                }
                if (add.column().defaultValue() != null) {
                    calls(add.column().defaultValue());
                }
            } else if (action instanceof ParsedStatement.AddConstraint add && add.constraint() != null
                    && add.constraint().references() != null) {
                reads(add.constraint().references().table(), state);
            } else if (action instanceof ParsedStatement.SetDefault set && set.expression() != null) {
                calls(set.expression());
            } else if (action instanceof ParsedStatement.AlterColumnType type) {
                types.add(type.type().name());
            } else if (action instanceof ParsedStatement.RenameTable rename) {
                changed.add(rename.to().toLowerCase(Locale.ROOT));
            } else if (action instanceof ParsedStatement.AttachPartition attach) {
                // attaching scans the partition for rows outside its bounds, unless a CHECK proves them
                changes(attach.partition(), state);
            } else if (action instanceof ParsedStatement.DetachPartition detach) {
                changes(detach.partition(), state);
            }
        }
    }

    private void calls(List<String> expression) {
        for (int i = 0; i + 1 < expression.size(); i++) {
            if (expression.get(i + 1).equals("(") && !expression.get(i).startsWith("'")) {
                functions.add(QualifiedName.identifier(expression.get(i)));
            }
        }
    }
}
