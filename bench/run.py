#!/usr/bin/env python3
"""Benchmark harness: the pipeline beside the ICU floor and the peers, on one corpus, in one run.

Steps: generate (or reuse) a deterministic corpus, reduce lexicons/ for the peers, build the
release binary (the Swift runtime linked in, as scripts/install builds it), compile the ICU floor,
then run, one after another and alternating with the floor (floor, tool, floor, tool, ...) for
paired ratios: `pipeline run --jobs 1`, `pipeline run --jobs N` and the peers (fastpy, spaCy
with 1 and N processes, VADER) when a Python environment with spacy, vaderSentiment and
pyahocorasick is there (--peers all creates it). Every process is timed from
fork to exit by bench/timeexec.c; peak RSS is ru_maxrss from wait4, as /usr/bin/time -v reports it (the
largest single process of the tree). Prints a Markdown table and the checks (byte-identical output
for --jobs 1 and --jobs N, start-up time, and on request memory on a larger corpus and a single
huge document), and writes them to OUT/results.md and OUT/results.json.

"x floor" is the floor's wall time divided by the tool's in the same pair: higher is better, 1.0
means as fast as ICU segmentation alone.

Exit status: 0 when every process succeeded and every correctness check passed; the timing
targets are reported, never enforced. See docs (README "Benchmark") for the full story.
"""
import argparse
import hashlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import threading
import time

BENCH = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(BENCH)
sys.dont_write_bytecode = True  # keep __pycache__ out of the checkout
sys.path.insert(0, BENCH)
import compare  # noqa: E402
import make_corpus  # noqa: E402
import repo_lexicons  # noqa: E402

PEER_MODULES = ("spacy", "vaderSentiment", "ahocorasick")
PEER_REQUIREMENTS = ("spacy==3.8.*", "vaderSentiment", "pyahocorasick")


def log(msg):
    print("bench: " + msg, file=sys.stderr, flush=True)


def sh(cmd, **kw):
    return subprocess.run(cmd, check=True, text=True, stdout=subprocess.PIPE, **kw).stdout


# ------------------------------------------------------------------ measuring

def tree_rss_kib(root):
    """Sum of RSS (KiB) over root and its descendants, from /proc."""
    kids, rss = {}, {}
    page_kib = os.sysconf("SC_PAGE_SIZE") // 1024
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % d) as f:
                stat = f.read()
            with open("/proc/%s/statm" % d) as f:
                rss[int(d)] = int(f.read().split()[1]) * page_kib
            kids.setdefault(int(stat[stat.rindex(")") + 2:].split()[1]), []).append(int(d))
        except (OSError, ValueError, IndexError):
            pass
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo.extend(kids.get(pid, ()))
    return total


TIMEEXEC = None  # path of the compiled bench/timeexec.c, set in main()


def measure(cmd, stdout_path, stderr_path, sample_tree=False, stdin_path=None):
    """Runs cmd under timeexec; -> dict(wall, cpu, rss_mib, tree_mib, rc)."""
    report = stderr_path + ".time"
    with open(stdout_path, "wb") as out, open(stderr_path, "wb") as err, \
            open(stdin_path or os.devnull, "rb") as inp:
        p = subprocess.Popen([TIMEEXEC, report, *cmd], stdin=inp, stdout=out, stderr=err)
        peak, stop = [0], threading.Event()
        if sample_tree:
            def sample():
                while not stop.wait(0.2):
                    peak[0] = max(peak[0], tree_rss_kib(p.pid))
            threading.Thread(target=sample, daemon=True).start()
        p.wait()
        stop.set()
    try:
        with open(report) as f:
            wall, user, sys_, maxrss, rc = f.read().split()
    except (OSError, ValueError):
        return {"wall": 0.0, "cpu": 0.0, "rss_mib": 0.0, "tree_mib": None, "rc": p.returncode or 2}
    return {"wall": float(wall), "cpu": float(user) + float(sys_), "rss_mib": int(maxrss) / 1024.0,
            "tree_mib": peak[0] / 1024.0 if sample_tree else None, "rc": int(rc)}


class Tool:
    def __init__(self, key, label, cmd, note="", sample_tree=False, output=None):
        self.key, self.label, self.cmd, self.note = key, label, cmd, note
        self.sample_tree, self.output = sample_tree, output
        self.runs, self.ratios, self.failed = [], [], None


# ------------------------------------------------------------------ setup steps

def machine():
    info = {"nproc": os.cpu_count(), "cpu": platform.processor() or "?", "mem_gib": None,
            "kernel": platform.release(), "python": platform.python_version()}
    try:
        for line in sh(["lscpu"]).splitlines():
            if line.startswith("Model name:"):
                info["cpu"] = line.split(":", 1)[1].strip()
    except (OSError, subprocess.CalledProcessError):
        pass
    with open("/proc/meminfo") as f:
        for line in f:
            if line.startswith("MemTotal:"):
                info["mem_gib"] = round(int(line.split()[1]) / 1024 / 1024, 1)
    try:
        info["swift"] = sh(["swift", "--version"], stderr=subprocess.STDOUT).splitlines()[0].strip()
    except (OSError, subprocess.CalledProcessError, IndexError):
        info["swift"] = "?"
    try:
        info["icu"] = sh(["pkg-config", "--modversion", "icu-uc"]).strip()
    except (OSError, subprocess.CalledProcessError):
        info["icu"] = "?"
    try:
        info["cc"] = sh(["cc", "--version"]).splitlines()[0].strip()
    except (OSError, subprocess.CalledProcessError, IndexError):
        info["cc"] = "?"
    return info


def loadavg():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


def corpus_key():
    """Hash of everything that determines the generated corpus."""
    h = hashlib.sha256()
    paths = [os.path.join(BENCH, "make_corpus.py"), os.path.join(BENCH, "repo_lexicons.py"),
             os.path.join(REPO, "samples", "news.jsonl"), os.path.join(REPO, "lexicons", "abbreviations.txt")]
    for sub in ("samples/txt", "lexicons/entities"):
        d = os.path.join(REPO, sub)
        paths += [os.path.join(d, n) for n in sorted(os.listdir(d))] if os.path.isdir(d) else []
    for p in paths:
        h.update(p.encode() + b"\0")
        with open(p, "rb") as f:
            h.update(f.read())
    return h.hexdigest()[:12]


def corpus(out_dir, seed, docs=None, mb=None, one_doc_mb=None):
    if one_doc_mb:
        name, flag = "onedoc-%gmb" % one_doc_mb, ["--one-doc-mb", str(one_doc_mb)]
    elif docs:
        name, flag = "docs%d" % docs, ["--docs", str(docs)]
    else:
        name, flag = "mb%g" % mb, ["--mb", str(mb)]
    path = os.path.join(out_dir, "corpora", "corpus-%s-seed%d-%s.jsonl" % (name, seed, corpus_key()))
    if os.path.exists(path):
        log("corpus (cached): %s" % path)
        return path
    log("generating %s" % path)
    t0 = time.perf_counter()
    subprocess.run([sys.executable, os.path.join(BENCH, "make_corpus.py"), *flag, "--seed", str(seed),
                    "--out", path], check=True)
    log("generated in %.1f s" % (time.perf_counter() - t0))
    return path


def build_pipeline(args):
    if args.binary:
        return os.path.abspath(args.binary), None
    cmd = ["swift", "build", "-c", args.config, "--product", "pipeline"]
    # Linked as scripts/install links it (the Swift runtime and FoundationEssentials in the
    # binary): the binary people run. Dynamic linking adds about 7 M instructions and 5 ms of
    # start-up (the dynamic linker's relocations, the mapping of the toolchain's libraries).
    if args.stdlib == "static":
        cmd += ["--static-swift-stdlib"]
    if args.scratch_path:
        cmd += ["--scratch-path", args.scratch_path]
    log("building: " + " ".join(cmd))
    t0 = time.perf_counter()
    r = subprocess.run(cmd, cwd=REPO, stdout=sys.stderr)
    if r.returncode:
        sys.exit("bench: the build failed (exit %d)" % r.returncode)
    seconds = time.perf_counter() - t0
    bindir = sh(cmd + ["--show-bin-path"], cwd=REPO).strip().splitlines()[-1]
    return os.path.join(bindir, "pipeline"), seconds


def build_c(out_dir):
    """Compiles the ICU floor and the timing launcher; -> (icu_floor, timeexec)."""
    bindir = os.path.join(out_dir, "bin")
    os.makedirs(bindir, exist_ok=True)
    cc = os.environ.get("CC", "cc")
    icu = sh(["pkg-config", "--cflags", "--libs", "icu-uc", "icu-i18n"]).split()
    floor = os.path.join(bindir, "icu_floor")
    subprocess.run([cc, "-O2", "-o", floor, os.path.join(BENCH, "peers", "icu_floor.c"), *icu], check=True)
    timer = os.path.join(bindir, "timeexec")
    subprocess.run([cc, "-O2", "-o", timer, os.path.join(BENCH, "timeexec.c")], check=True)
    return floor, timer


def peer_python(args):
    """The venv's python when it has the peers' modules, else None (created with --peers all)."""
    if args.peers == "none":
        return None
    venv = os.path.abspath(args.venv)
    py = os.path.join(venv, "bin", "python")
    check = [py, "-c", "import " + ", ".join(PEER_MODULES)]

    def usable():
        return os.path.exists(py) and subprocess.run(
            check, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode == 0

    if usable():
        return py
    if args.peers == "auto":
        log("peers skipped: no Python environment with %s at %s (create it with --peers all)"
            % (", ".join(PEER_MODULES), venv))
        return None
    log("creating the peers' environment at %s (spaCy takes a few minutes)" % venv)
    subprocess.run([sys.executable, "-m", "venv", venv], check=True)
    subprocess.run([py, "-m", "pip", "install", "--quiet", *PEER_REQUIREMENTS], check=True,
                   stdout=sys.stderr)
    if not usable():
        sys.exit("bench: %s still lacks one of %s" % (venv, ", ".join(PEER_MODULES)))
    return py


def versions(py):
    code = ("import importlib.metadata as m\n"
            "print(', '.join('%s %s' % (n, m.version(n)) for n in "
            "('spacy', 'vaderSentiment', 'pyahocorasick')))")
    try:
        return sh([py, "-c", code]).strip()
    except subprocess.CalledProcessError:
        return "?"


def instruction_counts(args, binary, floor_exe, corpus_path, out):
    """callgrind instruction counts on a prefix of the corpus: {key: {total, net, bytes}}.

    valgrind 3.19 cannot read Swift 6's DWARF 5 debug info, so the pipeline runs as a copy with
    its debug sections stripped (function symbols stay). `net` subtracts a run on one short
    document (start-up: loading the lexicons)."""
    if not shutil.which("valgrind"):
        log("callgrind skipped: valgrind not found (apt-get install valgrind)")
        return {}
    bindir = os.path.join(out, "bin")
    stripped = os.path.join(bindir, "pipeline-nodebug")
    subprocess.run(["strip", "--strip-debug", "-o", stripped, binary], check=True)
    sliced = os.path.join(out, "callgrind-slice.jsonl")
    limit = int(args.callgrind * 1e6)
    with open(corpus_path, "rb") as src, open(sliced, "wb") as dst:
        used = 0
        for line in src:
            if used + len(line) > limit and used > 0:
                break
            dst.write(line)
            used += len(line)
    short = os.path.join(out, "callgrind-short.jsonl")
    with open(short, "w", encoding="utf-8") as f:
        # One non-ASCII word that no gazetteer lists, so that the one-time cost a long run pays
        # once (ICU's transliterator registry, about 156 M instructions, opened by the first such
        # word; the gazetteers' own words are transliterated at build time) is start-up here
        # too, not spread over the slice's bytes.
        f.write(json.dumps({"id": "short", "text": "NASA said so, and сотрудничество continues."}, ensure_ascii=False) + "\n")

    def count(cmd, name):
        path = os.path.join(out, "logs", "callgrind.%s.out" % name)
        r = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=" + path, *cmd],
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        for line in r.stderr.splitlines():
            if "Collected :" in line:
                return int(line.split(":")[-1].strip().replace(",", ""))
        log("callgrind failed for %s: %s" % (name, r.stderr[-400:]))
        return None

    results = {}
    floor_short, floor_all = count([floor_exe, short], "floor-short"), count([floor_exe, sliced], "floor")
    if floor_short and floor_all:
        results["floor"] = {"total": floor_all, "net": floor_all - floor_short, "bytes": used}
    for level in ("full", "none"):
        run = [stripped, "run", "--quiet", "--jobs", "1", "--evidence", level, "-o", os.devnull]
        base, total = count(run + [short], level + "-short"), count(run + [sliced], level)
        if base and total:
            results[level] = {"total": total, "net": total - base, "bytes": used}
    log("callgrind: %s (profiles in %s/logs/callgrind.*.out)" % (results, out))
    return results


# ------------------------------------------------------------------ reporting

def fmt_num(x):
    if x >= 1000:
        return "{:,.0f}".format(x)
    if x >= 100:
        return "%.0f" % x
    if x >= 10:
        return "%.1f" % x
    return "%.2f" % x


def fmt_ratio(x):
    return "%.2f" % x if x >= 0.1 else "%.3f" % x if x >= 0.01 else "%.4f" % x


def table(tools, size, docs, tiny):
    rows = ["| tool | MB/s | docs/s | peak RSS MiB | wall s, median (min–max) | CPU s | × floor, paired (min–max) | notes |",
            "| --- | ---: | ---: | ---: | --- | ---: | ---: | --- |"]
    for t in tools:
        if not t.runs:
            rows.append("| %s | | | | | | | %s |" % (t.label, t.failed or "not run"))
            continue
        walls = [r["wall"] for r in t.runs]
        wall = statistics.median(walls)
        rss = statistics.median(r["rss_mib"] for r in t.runs)
        rss_s = "%.1f" % rss
        trees = [r["tree_mib"] for r in t.runs if r["tree_mib"]]
        if trees:
            rss_s += " (tree %.0f)" % statistics.median(trees)
        cpu = statistics.median(r["cpu"] for r in t.runs)
        if t.key == "floor":
            ratio = "1 (reference)"
        elif t.ratios:
            ratio = "%s (%s–%s)" % tuple(fmt_ratio(x) for x in (statistics.median(t.ratios), min(t.ratios), max(t.ratios)))
        else:
            ratio = ""
        rows.append("| %s | %s | %s | %s | %.3f (%.3f–%.3f) | %.2f | %s | %s |" % (
            t.label, fmt_num(size / 1e6 / wall), fmt_num(docs / wall), rss_s, wall, min(walls),
            max(walls), cpu, ratio, t.note))
    return "\n".join(rows)


def med_ratio(t):
    return statistics.median(t.ratios) if t.ratios else None


def med_wall(t):
    return statistics.median(r["wall"] for r in t.runs) if t.runs else None


# ------------------------------------------------------------------ main

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog="\n".join(__doc__.splitlines()[2:]))
    ap.add_argument("--mb", type=float, default=60, help="corpus size in 10^6 bytes (default 60)")
    ap.add_argument("--docs", type=int, help="corpus size in documents (instead of --mb)")
    ap.add_argument("--runs", type=int, default=3, help="timed runs (pairs) per tool (default 3)")
    ap.add_argument("--jobs", type=int, default=os.cpu_count(), help="N for --jobs N and spaCy's n_process (default: cores)")
    ap.add_argument("--peers", choices=("auto", "none", "all"), default=None,
                    help="auto: run the peers when their environment exists (default; none with --tiny); "
                         "all: create it first if needed; none: skip them")
    ap.add_argument("--corpus", help="use this JSON Lines corpus instead of generating one")
    ap.add_argument("--out", default=os.environ.get("BENCH_OUT", "/tmp/pipeline-bench"),
                    help="work and result folder, also the corpus cache (default /tmp/pipeline-bench)")
    ap.add_argument("--seed", type=int, default=make_corpus.DEFAULT_SEED)
    ap.add_argument("--tiny", action="store_true",
                    help="CI smoke test: 200 docs, 1 run, no peers, no start-up check, no timing claims")
    ap.add_argument("--mem-mb", type=float, default=0,
                    help="also run --jobs N on a corpus of this size and compare peak RSS (e.g. 600)")
    ap.add_argument("--one-doc-mb", type=float, default=0,
                    help="also run --jobs N on a single document of this size (e.g. 50)")
    ap.add_argument("--no-spacy-procs", action="store_true", help="skip spaCy with n_process=N (the slowest row)")
    ap.add_argument("--venv", default=os.environ.get("BENCH_VENV", os.path.join(REPO, ".venv-peers")),
                    help="the peers' Python environment (default .venv-peers in the repository)")
    ap.add_argument("--callgrind", type=float, default=0, metavar="MB",
                    help="also count instructions with valgrind's callgrind on the first MB x 10^6 bytes of the corpus "
                         "(e.g. 2): the floor, --evidence full and none; repeatable under load")
    ap.add_argument("--binary", help="use this pipeline binary instead of building one")
    ap.add_argument("--config", default="release", choices=("release", "debug"))
    ap.add_argument("--stdlib", default="static", choices=("static", "dynamic"),
                    help="link the Swift runtime into the binary as scripts/install does (static, the default), "
                         "or use the toolchain's shared libraries as a plain `swift build` does")
    ap.add_argument("--scratch-path", help="swift build --scratch-path (default: SwiftPM's .build)")
    args = ap.parse_args()
    if args.tiny:
        args.docs, args.runs = args.docs or 200, 1
        args.peers = args.peers or "none"
    args.peers = args.peers or "auto"
    if args.runs < 1 or args.jobs < 1:
        ap.error("--runs and --jobs must be at least 1")

    out = os.path.abspath(args.out)
    for sub in ("out", "logs", "lexicons"):
        os.makedirs(os.path.join(out, sub), exist_ok=True)
    info = machine()
    info["load_before"] = loadavg()

    corpus_path = os.path.abspath(args.corpus) if args.corpus else corpus(
        out, args.seed, docs=args.docs, mb=None if args.docs else args.mb)
    size = os.path.getsize(corpus_path)
    with open(corpus_path, "rb") as f:
        ndocs = sum(1 for _ in f)
    lex = repo_lexicons.derive(os.path.join(REPO, "lexicons"), os.path.join(out, "lexicons"))
    binary, build_s = build_pipeline(args)
    global TIMEEXEC
    floor_exe, TIMEEXEC = build_c(out)
    py = peer_python(args)
    if py:
        info["peers"] = versions(py)

    N = args.jobs
    o = lambda name: os.path.join(out, "out", name + ".jsonl")
    floor = Tool("floor", "**ICU floor** (C)", [floor_exe, corpus_path],
                 "UTF-8→UTF-16, sentence + word breaks, counts only", output=o("floor"))
    tools = [
        Tool("jobs1", "**pipeline `--jobs 1`**", [binary, "run", "--quiet", "--jobs", "1", "-o", o("jobs1"), corpus_path],
             "`--evidence full` (the default)", output=o("jobs1")),
    ]
    if not args.tiny:
        for level in ("summary", "none"):
            tools.append(Tool("jobs1-" + level, "pipeline `--jobs 1 --evidence %s`" % level,
                              [binary, "run", "--quiet", "--jobs", "1", "--evidence", level, "-o", o("jobs1-" + level), corpus_path],
                              "", output=o("jobs1-" + level)))
    tools.append(Tool("jobsN", "**pipeline `--jobs %d`**" % N, [binary, "run", "--quiet", "--jobs", str(N), "-o", o("jobsN"), corpus_path],
                      "", output=o("jobsN")))
    if py:
        peer = lambda name, *extra: [py, os.path.join(BENCH, "peers", name + "_peer.py"), corpus_path,
                                     lex["gazetteer.tsv"], lex["lexicon.tsv"], o(name + "".join(extra[1::2])),
                                     "--modifiers", lex["modifiers.tsv"], "--abbreviations", lex["abbreviations.txt"],
                                     *extra]
        tools.append(Tool("fastpy", "fastpy (Python + pyahocorasick)", peer("fastpy"), "reference semantics", output=o("fastpy")))
        tools.append(Tool("spacy1", "spaCy `blank(\"en\")`, 1 process", peer("spacy", "--procs", "1"),
                          "sentencizer + PhraseMatcher", output=o("spacy1")))
        if N > 1 and not args.no_spacy_procs:
            tools.append(Tool("spacyN", "spaCy, `n_process=%d`" % N, peer("spacy", "--procs", str(N)),
                              "RSS: largest process (tree: sampled sum)", sample_tree=True, output=o("spacy%d" % N)))
        tools.append(Tool("vader", "VADER per sentence", peer("vader"), "own lexicon: cost peer only", output=o("vader")))

    # warm the page cache and the binaries
    with open(corpus_path, "rb") as f:
        while f.read(1 << 24):
            pass
    measure(floor.cmd, os.devnull, os.path.join(out, "logs", "floor.warmup.err"))
    log("corpus %s: %d docs, %.1f MB; %d run(s) of %d tools, each paired with a floor run; load %s"
        % (corpus_path, ndocs, size / 1e6, args.runs, len(tools), info["load_before"]))
    ok = True
    for r in range(args.runs):
        for t in tools:
            if t.failed:
                continue
            f = measure(floor.cmd, floor.output, os.path.join(out, "logs", "floor.%s.%d.err" % (t.key, r)))
            res = measure(t.cmd, os.devnull, os.path.join(out, "logs", "%s.%d.err" % (t.key, r)), t.sample_tree)
            if f["rc"] != 0:
                ok = False
                floor.failed = "exit %d" % f["rc"]
            else:
                floor.runs.append(f)
            if res["rc"] != 0:
                ok = False
                t.failed = "FAILED: exit %d (see %s)" % (res["rc"], os.path.join(out, "logs", "%s.%d.err" % (t.key, r)))
                log("%s: %s" % (t.label, t.failed))
                continue
            t.runs.append(res)
            t.ratios.append(f["wall"] / res["wall"])
            log("run %d %-34s wall %7.3f s  rss %6.1f MiB  floor %6.3f s  x floor %.2f"
                % (r + 1, t.key, res["wall"], res["rss_mib"], f["wall"], f["wall"] / res["wall"]))
    info["load_after"] = loadavg()
    for t in tools:
        if t.key.startswith("jobs") and t.runs and os.path.exists(t.output):
            out_size = os.path.getsize(t.output)
            t.note = (t.note + "; " if t.note else "") + "output %.1f MB (%.2f × input)" % (out_size / 1e6, out_size / size)
    all_tools = [floor] + tools
    by = {t.key: t for t in all_tools}

    # ---------------------------------------------------------------- checks
    checks = []

    def check(name, passed, detail, counts=True):
        nonlocal ok
        if counts and passed is False:
            ok = False
        mark = {True: "PASS", False: "FAIL" if counts else "MISS", None: "info"}[passed]
        checks.append("- %s **%s**: %s" % (mark, name, detail))

    with open(floor.output, encoding="utf-8") as f:
        counts = f.read().strip()
    check("ICU floor read every line", " bad 0 " in " " + counts + " ", "`%s`" % counts)
    if by["jobs1"].runs and by["jobsN"].runs:
        same = subprocess.run(["cmp", "-s", o("jobs1"), o("jobsN")]).returncode == 0
        check("`--jobs 1` and `--jobs %d` outputs byte-identical (cmp)" % N, same,
              "%d bytes" % os.path.getsize(o("jobs1")) if same else "cmp %s %s differs" % (o("jobs1"), o("jobsN")))
        with open(o("jobs1"), "rb") as f:
            lines = sum(1 for _ in f)
        check("one output line per input line", lines == ndocs, "%d lines for %d documents" % (lines, ndocs))
    if "spacy1" in by and "spacyN" in by and by["spacy1"].runs and by["spacyN"].runs:
        same = subprocess.run(["cmp", "-s", o("spacy1"), by["spacyN"].output]).returncode == 0
        check("spaCy 1 and %d processes byte-identical" % N, same,
              "%d bytes" % os.path.getsize(o("spacy1")) if same else "outputs differ")
    if "fastpy" in by and by["fastpy"].runs and by["jobs1"].runs:
        agreement = compare.summary(compare.compare(o("fastpy"), o("jobs1")))
        check("agreement fastpy (A) against the pipeline (B)", None, agreement)
    if "spacy1" in by and by["spacy1"].runs and "fastpy" in by and by["fastpy"].runs:
        check("agreement fastpy (A) against spaCy (B)", None, compare.summary(compare.compare(o("fastpy"), o("spacy1"))))

    extra_rows = []
    if not args.tiny:
        short = os.path.join(out, "short.jsonl")
        with open(short, "w", encoding="utf-8") as f:
            f.write(json.dumps({"id": "short", "text": "Roscosmos did not cancel the flights, but NASA "
                                "strongly criticized the sanctions."}) + "\n")
        starts = [measure([binary, "run", "--quiet"], os.devnull, os.path.join(out, "logs", "startup.err"),
                          stdin_path=short) for _ in range(7)]
        ms = statistics.median(s["wall"] for s in starts) * 1000
        check("start-up: one short document, default lexicons (issue 11 target ≤ 20 ms)", ms <= 20,
              "median of 7: %.1f ms (min %.1f)" % (ms, min(s["wall"] for s in starts) * 1000), counts=False)
    if args.mem_mb:
        big = corpus(out, args.seed, mb=args.mem_mb)
        res = measure([binary, "run", "--quiet", "--jobs", str(N), "-o", o("big"), big], os.devnull,
                      os.path.join(out, "logs", "big.err"))
        bsize = os.path.getsize(big)
        if res["rc"]:
            check("memory on a %.0f MB corpus" % (bsize / 1e6), False, "exit %d" % res["rc"])
        else:
            base = statistics.median(r["rss_mib"] for r in by["jobsN"].runs) if by["jobsN"].runs else None
            extra_rows.append("| pipeline `--jobs %d`, %.0f MB corpus | %s | | %.1f | %.3f | %.2f | | 1 run |"
                              % (N, bsize / 1e6, fmt_num(bsize / 1e6 / res["wall"]), res["rss_mib"], res["wall"], res["cpu"]))
            if base:
                check("peak RSS on %.0f MB within 10%% of %.0f MB (target)" % (bsize / 1e6, size / 1e6),
                      abs(res["rss_mib"] - base) <= 0.1 * base,
                      "%.1f MiB against %.1f MiB" % (res["rss_mib"], base), counts=False)
    if args.one_doc_mb:
        one = corpus(out, args.seed, one_doc_mb=args.one_doc_mb)
        res = measure([binary, "run", "--quiet", "--jobs", str(N), "-o", o("onedoc"), one], os.devnull,
                      os.path.join(out, "logs", "onedoc.err"))
        osize = os.path.getsize(one)
        ok_one = res["rc"] == 0 and os.path.exists(o("onedoc")) and sum(1 for _ in open(o("onedoc"), "rb")) == 1
        check("a single %.0f MB document works" % (osize / 1e6), ok_one,
              "exit %d, %.1f s, peak RSS %.1f MiB" % (res["rc"], res["wall"], res["rss_mib"]))
        if res["rc"] == 0:
            extra_rows.append("| pipeline `--jobs %d`, one %.0f MB document | %s | | %.1f | %.3f | %.2f | | 1 run |"
                              % (N, osize / 1e6, fmt_num(osize / 1e6 / res["wall"]), res["rss_mib"], res["wall"], res["cpu"]))

    if args.callgrind:
        counts = instruction_counts(args, binary, floor_exe, corpus_path, out)
        for key, label in (("floor", "ICU floor"), ("full", "pipeline `--evidence full`"), ("none", "pipeline `--evidence none`")):
            if key in counts:
                c = counts[key]
                check("instructions per input byte, %s (callgrind, %.1f MB slice)" % (label, c["bytes"] / 1e6), None,
                      "%.0f (%s instructions; %s net of start-up = %.0f per byte)" % (
                          c["total"] / c["bytes"], "{:,}".format(c["total"]), "{:,}".format(c["net"]), c["net"] / c["bytes"]))
        if "floor" in counts and "full" in counts:
            check("instructions, pipeline full over the floor", None, "%.2f ×" % (counts["full"]["net"] / counts["floor"]["net"]))
        info["instructions"] = counts

    targets = []
    if not args.tiny:
        j1, jn = by["jobs1"], by["jobsN"]
        if med_ratio(j1):
            targets.append("- one core, full evidence ≥ 0.5 × the floor: **%.2f** × (%s)" % (med_ratio(j1), "met" if med_ratio(j1) >= 0.5 else "missed"))
        if "jobs1-none" in by and med_ratio(by["jobs1-none"]):
            r = med_ratio(by["jobs1-none"])
            targets.append("- one core, `--evidence none` ≥ 0.8 × the floor: **%.2f** × (%s)" % (r, "met" if r >= 0.8 else "missed"))
        if info.get("instructions", {}).get("full"):
            c = info["instructions"]["full"]
            per = c["net"] / c["bytes"]
            targets.append("- instructions per input byte, full evidence ≤ 400 (callgrind, net of start-up): **%.0f** (%s)" % (per, "met" if per <= 400 else "missed"))
        if med_wall(j1) and med_wall(jn):
            speedup = med_wall(j1) / med_wall(jn)
            target = 1.85 if N == 2 else 0.925 * N
            targets.append("- `--jobs %d` ≥ %.2f × `--jobs 1`: speed-up **%.2f×** (%s)"
                           % (N, target, speedup, "met" if speedup >= target else "missed"))
            targets.append("- peak RSS ≤ 64 MiB: `--jobs 1` %.1f MiB, `--jobs %d` %.1f MiB"
                           % (statistics.median(r["rss_mib"] for r in j1.runs), N,
                              statistics.median(r["rss_mib"] for r in jn.runs)))
        for key, factor in (("spacy1", 8), ("fastpy", 4)):
            if key in by and med_wall(by[key]) and med_wall(j1):
                # ratio of paired ratios: both relative to the floor measured next to them
                x = med_ratio(j1) / med_ratio(by[key])
                targets.append("- `--jobs 1` ≥ %d× %s: **%.1f×** (%s)" % (factor, by[key].label, x, "met" if x >= factor else "missed"))

    # ---------------------------------------------------------------- report
    head = ["## Benchmark: %s" % time.strftime("%Y-%m-%d %H:%M %Z"),
            "",
            "Corpus: `%s`: %d documents, %.1f MB (10^6 bytes of JSON Lines). %d timed run(s) per tool, "
            "each right after a run of the ICU floor; medians. **× floor = floor wall time / tool wall "
            "time in the same pair: higher is better** (1 = as fast as ICU segmentation alone). Peak RSS "
            "is the largest single process (wait4 ru_maxrss via `bench/timeexec.c`, as `/usr/bin/time -v` reports it)." % (
                os.path.basename(corpus_path), ndocs, size / 1e6, args.runs),
            "",
            "Machine: %s cores, %s, %s GiB RAM, Linux %s; %s; ICU %s; %s; Python %s%s. Load average "
            "before %s, after %s (the machine is shared: other work was running)." % (
                info["nproc"], info["cpu"], info["mem_gib"], info["kernel"], info["swift"], info["icu"],
                info["cc"], info["python"], "; " + info["peers"] if info.get("peers") else "",
                info["load_before"], info["load_after"]),
            ""]
    if args.tiny:
        head += ["*Tiny smoke run: the figures below say nothing about speed.*", ""]
    body = table(all_tools, size, ndocs, args.tiny)
    if extra_rows:
        body += "\n" + "\n".join(extra_rows)
    text = "\n".join(head) + "\n" + body + "\n\nChecks:\n" + "\n".join(checks) + "\n"
    if targets:
        text += "\nTargets (issue 11; timing on a shared machine, read ±20%; instruction counts are repeatable):\n" + "\n".join(targets) + "\n"
    if not py and args.peers != "none":
        text += "\nPeers not run: no Python environment with spacy, vaderSentiment and pyahocorasick (`scripts/bench --peers all` creates one).\n"
    print(text)
    with open(os.path.join(out, "results.md"), "w", encoding="utf-8") as f:
        f.write(text)
    with open(os.path.join(out, "results.json"), "w", encoding="utf-8") as f:
        json.dump({"machine": info, "corpus": corpus_path, "bytes": size, "docs": ndocs, "build_s": build_s,
                   "tools": [{"key": t.key, "label": t.label, "cmd": t.cmd, "runs": t.runs, "ratios": t.ratios,
                              "failed": t.failed} for t in all_tools],
                   "checks": checks, "targets": targets, "ok": ok}, f, indent=1)
    log("results in %s/results.md%s" % (out, "" if ok else "; SOME CHECK FAILED"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
