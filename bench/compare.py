#!/usr/bin/env python3
"""How far two outputs of the benchmark job agree (same corpus, same order).

Reads either format: the peers' {"id", "entities": [{"entity", "mentions": [[s, e]], "score"}]}
or the pipeline's {"id", "entities": [{"entity", "mentions": [{"start", "end", ...}],
"stance": [{"dimension", "raw": ...}]}]} (its score is the sum of the dimensions' raw scores, which is
what the peers compute; the pipeline also applies boosters and contrast, so scores differ).
Prints: identical documents, (document, entity) pairs found by one side only, and for the
pairs found by both the share with the same mentions, the same score (within 1e-3) and the same
sign of score.

usage: compare.py A.jsonl B.jsonl [--quiet]   (prints one summary line with --quiet)
"""
import json
import sys


def entities(line):
    doc = json.loads(line)
    out = {}
    for e in doc.get("entities") or []:
        ments = [(m["start"], m["end"]) if isinstance(m, dict) else tuple(m) for m in e["mentions"]]
        if "score" in e:
            score = e["score"]
        else:
            stance = e.get("stance") or {}
            # output format 2: a list of {dimension, raw, ...}; format 1: an object by dimension
            scores = stance if isinstance(stance, list) else stance.values()
            score = sum(d.get("raw", 0.0) for d in scores)
        out[e["entity"]] = (ments, score)
    return doc["id"], out


def compare(path_a, path_b):
    n = same_docs = only_a = only_b = both = same_mentions = same_score = same_sign = 0
    sign = lambda x: (x > 1e-9) - (x < -1e-9)
    with open(path_a, encoding="utf-8") as fa, open(path_b, encoding="utf-8") as fb:
        for la, lb in zip(fa, fb):
            ida, ea = entities(la)
            idb, eb = entities(lb)
            if ida != idb:
                raise SystemExit("compare: line %d: id %r against %r" % (n + 1, ida, idb))
            n += 1
            same = True
            for name in ea.keys() | eb.keys():
                if name not in eb:
                    only_a += 1
                    same = False
                elif name not in ea:
                    only_b += 1
                    same = False
                else:
                    both += 1
                    (ma, sa), (mb, sb) = ea[name], eb[name]
                    same_mentions += ma == mb
                    same_score += abs(sa - sb) < 1e-3
                    same_sign += sign(sa) == sign(sb)
                    same = same and ma == mb and abs(sa - sb) < 1e-3
            same_docs += same
    pct = lambda k, d: 100.0 * k / d if d else 100.0
    return {"docs": n, "identical_docs_pct": pct(same_docs, n), "pairs_both": both,
            "only_a": only_a, "only_b": only_b, "same_mentions_pct": pct(same_mentions, both),
            "same_score_pct": pct(same_score, both), "same_sign_pct": pct(same_sign, both)}


def summary(r):
    return ("%d docs (%.1f%% identical); entity pairs: %d in both, %d only in A, %d only in B; "
            "of those in both: same mentions %.1f%%, same score %.1f%%, same sign %.1f%%"
            % (r["docs"], r["identical_docs_pct"], r["pairs_both"], r["only_a"], r["only_b"],
               r["same_mentions_pct"], r["same_score_pct"], r["same_sign_pct"]))


if __name__ == "__main__":
    if len(sys.argv) < 3:
        raise SystemExit(__doc__)
    print(summary(compare(sys.argv[1], sys.argv[2])))
