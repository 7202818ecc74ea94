"""CI check for the Spark example: the job on local[2] equals one plain run.

    python3 examples/spark/check.py BINARY

Builds a corpus with bad records and records without ids, runs stance_job.py on local[2] over
4 partitions, runs `pipeline run --pipe` once over the same file, and checks that
- the job's output lines equal the single run's as a multiset (same bytes, any order);
- every id is unique (no two records of different partitions share a generated id);
- the job's per-entity aggregates equal the same figures computed from the single run.
Exits 1 on the first failed check.
"""

import collections
import csv
import glob
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def corpus_lines():
    """The sample corpus, its bad records, id-less copies and more bad lines (written here)."""
    lines = []
    for name in ("news.jsonl", "bad.jsonl"):
        with open(os.path.join(ROOT, "samples", name), encoding="utf-8") as f:
            lines += [line.rstrip("\n") for line in f]
    with open(os.path.join(ROOT, "samples", "news.jsonl"), encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            lines.append(json.dumps({"text": record["text"]}, ensure_ascii=False))
    for i in range(6):
        lines.append(f"not json, number {i}")
        lines.append(json.dumps({"id": i * 1000, "body": "no text field"}))
    return lines


def main():
    binary = os.path.abspath(sys.argv[1])
    work = tempfile.mkdtemp(prefix="spark-check-")
    corpus = os.path.join(work, "corpus.jsonl")
    with open(corpus, "w", encoding="utf-8") as f:
        f.write("\n".join(corpus_lines()) + "\n")

    env = dict(os.environ, PYSPARK_PYTHON=sys.executable)
    job = subprocess.run(
        [sys.executable, os.path.join(HERE, "stance_job.py"), "--master", "local[2]",
         "--binary", binary, "--corpus", corpus, "--output", os.path.join(work, "out"),
         "--partitions", "4"],
        env=env, capture_output=True, text=True)
    if job.returncode != 0:
        print(job.stdout[-3000:], job.stderr[-6000:], sep="\n")
        sys.exit("spark check: the job failed")

    with open(corpus, "rb") as f:
        single = subprocess.run([binary, "run", "--pipe", "--source-name", "corpus.jsonl"],
                                stdin=f, capture_output=True, check=True)
    single_lines = single.stdout.decode("utf-8").splitlines()
    spark_lines = []
    for part in sorted(glob.glob(os.path.join(work, "out", "records", "part-*"))):
        with open(part, encoding="utf-8") as f:
            spark_lines += f.read().splitlines()

    failures = []

    def check(ok, what):
        print(("ok   " if ok else "FAIL ") + what)
        if not ok:
            failures.append(what)

    check(len(spark_lines) == len(corpus_lines()),
          f"one output line per input line ({len(spark_lines)} of {len(corpus_lines())})")
    check(collections.Counter(spark_lines) == collections.Counter(single_lines),
          "the job's lines equal one run's as a multiset")
    records = [json.loads(line) for line in single_lines]
    ids = [r["id"] for r in records]
    errors = [r for r in records if "error" in r]
    check(len(set(ids)) == len(ids), f"{len(ids)} ids, all different")
    check(len(errors) == 16 and all(isinstance(r["id"], str) and r["line"] is None for r in errors),
          f"{len(errors)} error records, each with a string id and no partition line number")

    expected = collections.defaultdict(lambda: {"documents": set(), "scores": [], "labels": collections.Counter()})
    for r in records:
        for e in r.get("entities") or []:
            for s in e["stance"]:
                cell = expected[(e["entity"], s["dimension"])]
                cell["documents"].add(r["id"])
                cell["scores"].append(s["score"])
                cell["labels"][s["label"]] += 1
    rows = {}
    for part in glob.glob(os.path.join(work, "out", "entities", "part-*.csv")):
        with open(part, encoding="utf-8") as f:
            for row in csv.DictReader(f):
                rows[(row["entity"], row["dimension"])] = row
    check(set(rows) == set(expected), f"{len(rows)} (entity, dimension) rows, as in one run")
    mismatched = [key for key, cell in expected.items() if key in rows and (
        int(rows[key]["documents"]) != len(cell["documents"])
        or abs(float(rows[key]["mean_score"]) - sum(cell["scores"]) / len(cell["scores"])) > 1e-4
        or any(int(rows[key][label]) != cell["labels"][label] for label in ("favor", "neutral", "against")))]
    check(not mismatched, f"per-entity documents, mean score and label counts match one run {mismatched[:3]}")

    print(f"spark check: {6 - len(failures)} passed, {len(failures)} failed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
