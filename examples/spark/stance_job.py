"""Entity stance over a corpus with Spark: `pipeline run` on every partition, then per entity.

    spark-submit --files /usr/local/bin/pipeline examples/spark/stance_job.py \
        --binary /usr/local/bin/pipeline --corpus corpus.jsonl --output out/

1. The binary is shipped to every executor with `sc.addFile` (what `--files` does).
2. Each partition of the corpus (JSON Lines) is piped through
   `pipeline run --pipe --source-name NAME` with `checkCode=True`, so a failing run (exit 2:
   bad lexicon, 3: --on-error fail) fails the task instead of returning nothing. `--pipe` means
   --quiet (nothing on stderr but errors), --jobs 1 (Spark already runs a task per core) and
   --record-key content (a record without an id is keyed by a hash of its bytes, the same in
   every partition, instead of a line number that restarts in each).
3. The output is read with the explicit schema the binary prints (`pipeline schema
   --spark-ddl`), not inferred, and aggregated per entity and dimension.

Writes OUTPUT/records (the output lines, as `pipeline run` writes them), OUTPUT/entities (one
CSV row per entity and dimension) and OUTPUT/errors (the error records: id, code, message).
The lexicons embedded in the binary are used; no environment variable reaches it (rdd.pipe
starts it with an empty environment), so pass lexicon options in --args if needed.
"""

import argparse
import os
import shlex
import subprocess

from pyspark import SparkFiles
from pyspark.sql import SparkSession, functions as F


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--binary", required=True, help="the pipeline binary (shipped to the executors)")
    parser.add_argument("--corpus", required=True, help="JSON Lines input (any path Spark reads)")
    parser.add_argument("--output", required=True, help="output folder (must not exist)")
    parser.add_argument("--partitions", type=int, default=4, help="minimum input partitions")
    parser.add_argument("--args", default="", help="more options for pipeline run (lexicons, scope)")
    parser.add_argument("--master", default=None, help="e.g. local[2] (default: spark-submit's)")
    options = parser.parse_args()

    builder = SparkSession.builder.appName("stance-pipeline")
    if options.master:
        builder = builder.master(options.master)
    spark = builder.getOrCreate()
    sc = spark.sparkContext
    sc.setLogLevel("WARN")

    # The schema comes from the binary itself, so it always matches the output format.
    ddl = subprocess.run([options.binary, "schema", "--spark-ddl"], check=True,
                         capture_output=True, text=True).stdout.strip()

    sc.addFile(options.binary)
    name = os.path.basename(options.binary)
    # Files added with addFile land in the executor's working directory; in local mode the
    # driver is the executor and they land in its SparkFiles folder.
    binary = SparkFiles.get(name) if sc.master.startswith("local") else "./" + name
    source = os.path.basename(options.corpus)
    command = " ".join([shlex.quote(binary), "run", "--pipe", "--source-name", shlex.quote(source),
                        options.args])

    lines = sc.textFile(options.corpus, minPartitions=options.partitions)
    records = lines.pipe(command, checkCode=True).cache()
    records.saveAsTextFile(os.path.join(options.output, "records"))

    frame = spark.read.schema(ddl).json(records)
    errors = frame.where(F.col("error").isNotNull()).select(
        "id", "source", F.col("error.code").alias("code"), F.col("error.message").alias("message"))
    errors.coalesce(1).write.csv(os.path.join(options.output, "errors"), header=True)

    scores = (frame.where(F.col("error").isNull())
              .select("id", F.explode("entities").alias("e"))
              .select("id", F.col("e.entity").alias("entity"), F.col("e.name").alias("name"),
                      F.explode("e.stance").alias("s"))
              .select("id", "entity", "name", "s.dimension", "s.score", "s.label"))
    per_entity = (scores.groupBy("entity", "name", "dimension")
                  .agg(F.countDistinct("id").alias("documents"),
                       F.round(F.avg("score"), 4).alias("mean_score"),
                       F.sum(F.when(F.col("label") == "favor", 1).otherwise(0)).alias("favor"),
                       F.sum(F.when(F.col("label") == "neutral", 1).otherwise(0)).alias("neutral"),
                       F.sum(F.when(F.col("label") == "against", 1).otherwise(0)).alias("against"))
                  .orderBy(F.desc("documents"), "entity", "dimension"))
    per_entity.coalesce(1).write.csv(os.path.join(options.output, "entities"), header=True)
    per_entity.show(5, truncate=False)
    print(f"stance_job: {records.count()} records, {errors.count()} errors, "
          f"{per_entity.count()} entity rows, {records.getNumPartitions()} partitions")
    spark.stop()


if __name__ == "__main__":
    main()
