#!/usr/bin/env python3
"""fastpy peer: the job in plain Python, as a careful engineer would write it without leaving Python.

One pyahocorasick pass over the lowercased document for the gazetteer, a regex for sentence
breaks and for words, memoised dict lookups for the lexicon (a wildcard term is a prefix test,
worked out once per distinct word). Reference implementation of the job in peerlib.py.

usage: fastpy_peer.py CORPUS GAZETTEER LEXICON OUT [--modifiers F] [--abbreviations F]
"""
import json
import os
import sys
from bisect import bisect_left

sys.dont_write_bytecode = True  # keep __pycache__ out of the checkout
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import peerlib  # noqa: E402


def main():
    args = peerlib.cli(__doc__.splitlines()[0])
    entities, aliases = peerlib.read_gazetteer(args.gazetteer)
    matcher = peerlib.AliasMatcher(aliases)
    scorer = peerlib.Scorer(args.lexicon, args.modifiers)
    splitter = peerlib.SentenceSplitter(peerlib.read_abbreviations(args.abbreviations))
    words_of = peerlib.WORD_RE.findall
    lower = peerlib.lower_same_length
    with open(args.corpus, encoding="utf-8") as src, \
            open(args.out, "w", encoding="utf-8", newline="\n") as dst:
        for line in src:
            doc = json.loads(line)
            text = doc["text"]
            low = lower(text)
            mentions = matcher.find(text, low)
            starts = [m[0] for m in mentions]
            scores = {}
            lo = 0
            for s, e in splitter.spans(text):
                hi = bisect_left(starts, e, lo)
                # the job scores every sentence, mentioned entities or not
                total = scorer.score(words_of(low, s, e))
                if total and hi > lo:
                    for eidx in {m[2] for m in mentions[lo:hi]}:
                        scores[eidx] = scores.get(eidx, 0.0) + total
                lo = hi
            dst.write(peerlib.document_line(doc["id"], entities, mentions, scores))


if __name__ == "__main__":
    main()
