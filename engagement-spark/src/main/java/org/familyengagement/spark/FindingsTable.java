package org.familyengagement.spark;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.familyengagement.report.Finding;
import org.familyengagement.report.Triage;

/**
 * Every district's findings as one table for a state's dashboards: a row per finding, ids and
 * classifications only, as the findings documents hold them. In Parquet the id lists are arrays;
 * in CSV, which has none, they are joined with spaces (ids hold none), and a field is quoted as
 * RFC 4180 says.
 */
final class FindingsTable {
    static final StructType SCHEMA = new StructType()
            .add("districtId", DataTypes.StringType, false)
            .add("id", DataTypes.StringType, false)
            .add("rank", DataTypes.IntegerType, false)
            .add("ruleId", DataTypes.StringType, false)
            .add("category", DataTypes.StringType, false)
            .add("severity", DataTypes.StringType, false)
            .add("familyId", DataTypes.StringType, true)
            .add("groupDimension", DataTypes.StringType, true)
            .add("groupLabel", DataTypes.StringType, true)
            .add("broadcastId", DataTypes.StringType, true)
            .add("schoolIds", DataTypes.createArrayType(DataTypes.StringType, false), false)
            .add("staffIds", DataTypes.createArrayType(DataTypes.StringType, false), false)
            .add("evidence", DataTypes.createArrayType(DataTypes.StringType, false), false)
            .add("message", DataTypes.StringType, false);

    private FindingsTable() {
    }

    /**
     * Writes one district's findings into the table's directory: a fresh table for the first
     * district, added files for the next ones (a CSV file per district, each with its header).
     */
    static void append(SparkSession spark, DistrictAudit.Outcome district, String directory, String format,
                       boolean first) {
        List<Row> rows = new ArrayList<>();
        for (Triage.Entry entry : district.triage().entries()) {
            Finding f = entry.finding();
            rows.add(RowFactory.create(district.districtId(), f.id(), entry.rank(), f.ruleId(), f.category().name(),
                    f.severity().name(), f.familyId(), f.group() == null ? null : f.group().dimension(),
                    f.group() == null ? null : f.group().label(), f.broadcastId(), f.schoolIds().toArray(),
                    f.staffIds().toArray(), f.evidence().toArray(), f.message()));
        }
        Dataset<Row> table = spark.createDataFrame(rows, SCHEMA);
        SaveMode mode = first ? SaveMode.Overwrite : SaveMode.Append;
        if (format.equals("csv")) {
            for (String list : List.of("schoolIds", "staffIds", "evidence")) {
                table = table.withColumn(list, functions.concat_ws(" ", functions.col(list)));
            }
            // RFC 4180 quoting (a quote doubled), as spreadsheets read it; Spark's default escapes with a backslash.
            table.coalesce(1).write().mode(mode).option("header", "true").option("escape", "\"").csv(directory);
        } else {
            table.write().mode(mode).parquet(directory);
        }
    }
}
