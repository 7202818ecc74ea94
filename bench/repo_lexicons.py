#!/usr/bin/env python3
"""Reduce the repository's lexicons/ to the plain files the benchmark peers read.

Writes into OUT_DIR:
  gazetteer.tsv      entity<TAB>type<TAB>alias[<TAB>exact]  from lexicons/entities/*.tsv and the
                     phrase patterns (strings) of lexicons/entities/*.jsonl; token patterns are
                     joined with spaces (LOWER -> fold, ORTH/TEXT -> exact), other token
                     patterns are skipped. The `match` column survives only as `exact`.
  lexicon.tsv        term<TAB>weight from lexicons/stance/*.tsv except modifiers.tsv, files in
                     sorted order, the first definition of a term wins (as in the pipeline); the
                     dimension column is dropped; a trailing `*` wildcard is kept (every peer
                     treats it as a prefix on the last word, see peers/peerlib.py).
  modifiers.tsv      the negator lines and the negation_scalar / negation_window params only
                     (boosters, dampeners and contrast words are not applied by the peers).
  abbreviations.txt  a copy of lexicons/abbreviations.txt.
  SOURCES            what was read, and what was dropped, with counts.

usage: repo_lexicons.py [--lexicons DIR] OUT_DIR
"""
import argparse
import glob
import json
import os

BENCH = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(BENCH)


def data_lines(path):
    with open(path, encoding="utf-8") as f:
        for raw in f:
            line = raw.rstrip("\r\n")
            if line.strip() and not line.startswith("#"):
                yield line


def gazetteer_rows(lexdir):
    """[(entity, type, alias, exact)] in load order (sorted paths), first alias of a key wins."""
    rows, dropped = [], []
    entities_dir = os.path.join(lexdir, "entities")
    for path in sorted(glob.glob(os.path.join(entities_dir, "*.tsv"))
                       + glob.glob(os.path.join(entities_dir, "*.jsonl"))):
        if path.endswith(".tsv"):
            for line in data_lines(path):
                cols = line.split("\t")
                if len(cols) < 3:
                    dropped.append((path, line))
                    continue
                options = {o.strip() for o in cols[3].split(",")} if len(cols) > 3 else set()
                # A title, demonym or affiliation line gives no alias ("administrator",
                # "Russian", an entity id): the pipeline never matches it as a name.
                if options & {"title", "demonym", "affiliation"}:
                    continue
                exact = "exact" in options
                rows.append((cols[0].strip(), cols[1].strip(), cols[2].strip(), exact))
        else:
            for line in data_lines(path):
                pat = json.loads(line)
                label, pattern = pat.get("label"), pat.get("pattern")
                if isinstance(pattern, str):
                    alias, exact = pattern, False
                elif isinstance(pattern, list) and pattern and all(
                        isinstance(t, dict) and len(t) == 1 for t in pattern):
                    attrs = {next(iter(t)) for t in pattern}
                    if attrs <= {"LOWER"}:
                        exact = False
                    elif attrs <= {"ORTH", "TEXT"}:
                        exact = True
                    else:
                        dropped.append((path, line))
                        continue
                    alias = " ".join(str(next(iter(t.values()))) for t in pattern)
                else:
                    dropped.append((path, line))
                    continue
                ent = pat.get("id") or alias.casefold().replace(" ", "_")
                rows.append((ent, label, alias, exact))
    out, seen = [], set()
    for ent, typ, alias, exact in rows:
        key = alias if exact else alias.casefold()
        if key in seen:
            continue
        seen.add(key)
        out.append((ent, typ, alias, exact))
    return out, dropped


def lexicon_rows(lexdir):
    """[(term, weight)], first definition of a term wins, files in sorted order."""
    out, seen = [], set()
    for path in sorted(glob.glob(os.path.join(lexdir, "stance", "**", "*.tsv"), recursive=True)):
        if os.path.basename(path) == "modifiers.tsv":
            continue
        for line in data_lines(path):
            cols = line.split("\t")
            if cols[0].startswith("@"):  # a declaration such as '@attribution agent', not a term
                continue
            term = " ".join(cols[0].split()).lower()
            if len(cols) < 2 or term in seen:
                continue
            seen.add(term)
            out.append((term, float(cols[1])))
    return out


def modifier_rows(lexdir):
    keep = []
    for line in data_lines(os.path.join(lexdir, "stance", "modifiers.tsv")):
        cols = line.split("\t")
        if cols[0] == "negator" or (cols[0] == "param" and len(cols) > 2
                                    and cols[1] in ("negation_scalar", "negation_window")):
            keep.append("\t".join(c.strip() for c in cols))
    return keep


def derive(lexdir, out_dir):
    os.makedirs(out_dir, exist_ok=True)
    gaz, dropped = gazetteer_rows(lexdir)
    lex = lexicon_rows(lexdir)
    mods = modifier_rows(lexdir)
    with open(os.path.join(out_dir, "gazetteer.tsv"), "w", encoding="utf-8", newline="\n") as f:
        for ent, typ, alias, exact in gaz:
            f.write("%s\t%s\t%s%s\n" % (ent, typ, alias, "\texact" if exact else ""))
    with open(os.path.join(out_dir, "lexicon.tsv"), "w", encoding="utf-8", newline="\n") as f:
        for term, weight in lex:
            f.write("%s\t%g\n" % (term, weight))
    with open(os.path.join(out_dir, "modifiers.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("".join(m + "\n" for m in mods))
    with open(os.path.join(lexdir, "abbreviations.txt"), encoding="utf-8") as src, \
            open(os.path.join(out_dir, "abbreviations.txt"), "w", encoding="utf-8") as dst:
        dst.write(src.read())
    with open(os.path.join(out_dir, "SOURCES"), "w", encoding="utf-8") as f:
        f.write("derived from %s\n" % os.path.abspath(lexdir))
        f.write("gazetteer: %d aliases (%d exact) of %d entities; %d pattern lines skipped\n"
                % (len(gaz), sum(1 for r in gaz if r[3]), len({r[0] for r in gaz}), len(dropped)))
        f.write("lexicon: %d terms (%d wildcards)\n" % (len(lex), sum(1 for t, _ in lex if t.endswith("*"))))
        f.write("modifiers: %d negators; boosters, dampeners, contrast dropped\n"
                % sum(1 for m in mods if m.startswith("negator")))
    return {name: os.path.join(out_dir, name)
            for name in ("gazetteer.tsv", "lexicon.tsv", "modifiers.tsv", "abbreviations.txt")}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lexicons", default=os.path.join(REPO, "lexicons"))
    ap.add_argument("out_dir")
    a = ap.parse_args()
    derive(a.lexicons, a.out_dir)
    with open(os.path.join(a.out_dir, "SOURCES"), encoding="utf-8") as f:
        print(f.read(), end="")


if __name__ == "__main__":
    main()
