package dev.stepwise.postgres.lint;

import dev.stepwise.lint.RuleInfo;
import dev.stepwise.postgres.lint.rules.AddColumnRewrites;
import dev.stepwise.postgres.lint.rules.AddRequiredColumn;
import dev.stepwise.postgres.lint.rules.CheckValidatedAtOnce;
import dev.stepwise.postgres.lint.rules.ColumnTypeRewrites;
import dev.stepwise.postgres.lint.rules.CreateIndexNonConcurrently;
import dev.stepwise.postgres.lint.rules.DetachPartitionNonConcurrently;
import dev.stepwise.postgres.lint.rules.DownLosesData;
import dev.stepwise.postgres.lint.rules.DropColumn;
import dev.stepwise.postgres.lint.rules.DropIndexNonConcurrently;
import dev.stepwise.postgres.lint.rules.DropTable;
import dev.stepwise.postgres.lint.rules.EnumValueRemoved;
import dev.stepwise.postgres.lint.rules.EnumValueRenamed;
import dev.stepwise.postgres.lint.rules.ExclusionConstraint;
import dev.stepwise.postgres.lint.rules.ForeignKeyValidatedAtOnce;
import dev.stepwise.postgres.lint.rules.NarrowColumnType;
import dev.stepwise.postgres.lint.rules.PrimaryKeyScansNullable;
import dev.stepwise.postgres.lint.rules.RefreshMaterializedViewNonConcurrently;
import dev.stepwise.postgres.lint.rules.ReindexNonConcurrently;
import dev.stepwise.postgres.lint.rules.RenameColumn;
import dev.stepwise.postgres.lint.rules.RenameTable;
import dev.stepwise.postgres.lint.rules.RewritingMaintenance;
import dev.stepwise.postgres.lint.rules.SetNotNullScans;
import dev.stepwise.postgres.lint.rules.StrongLockHeldDuringSlowStatement;
import dev.stepwise.postgres.lint.rules.TruncateTable;
import dev.stepwise.postgres.lint.rules.UnbatchedDataChange;
import dev.stepwise.postgres.lint.rules.UniqueWithoutIndex;

import java.util.List;
import java.util.stream.Stream;

/** Every lint rule, in one list: adding a rule is adding a class and a line here. */
public final class RuleCatalogue {

    static final List<LintRule> STATEMENT_RULES = List.of(
            // locking
            new CreateIndexNonConcurrently(),
            new DropIndexNonConcurrently(),
            new ReindexNonConcurrently(),
            new ForeignKeyValidatedAtOnce(),
            new CheckValidatedAtOnce(),
            new SetNotNullScans(),
            new ColumnTypeRewrites(),
            new AddColumnRewrites(),
            new UniqueWithoutIndex(),
            new PrimaryKeyScansNullable(),
            new TruncateTable(),
            new RewritingMaintenance(),
            new RefreshMaterializedViewNonConcurrently(),
            new ExclusionConstraint(),
            new DetachPartitionNonConcurrently(),
            // compatibility
            new DropColumn(),
            new RenameColumn(),
            new DropTable(),
            new NarrowColumnType(),
            new AddRequiredColumn(),
            new EnumValueRenamed(),
            new EnumValueRemoved(),
            // data
            new UnbatchedDataChange(),
            // transaction
            new StrongLockHeldDuringSlowStatement());

    static final List<MigrationRule> MIGRATION_RULES = List.of(
            new RenameTable(),
            new DownLosesData());

    private RuleCatalogue() {
    }

    public static List<RuleInfo> all() {
        return Stream.concat(STATEMENT_RULES.stream().map(LintRule::info), MIGRATION_RULES.stream().map(MigrationRule::info))
                .toList();
    }
}
