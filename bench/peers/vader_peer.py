#!/usr/bin/env python3
"""VADER peer: vaderSentiment's polarity_scores on every sentence, plus the fastpy gazetteer.

Sentences and mentions come from peerlib (the same splitter and pyahocorasick matcher as
fastpy, so the mentions are identical). An entity's score is the sum of the `compound` scores of
the sentences that mention it. LEXICON and --modifiers are accepted for a uniform command line
and ignored: VADER brings its own general-sentiment lexicon, boosters and negation rules, so
its scores are a different quantity. It is a cost peer, not a result oracle.

usage: vader_peer.py CORPUS GAZETTEER LEXICON OUT [--abbreviations F]
"""
import json
import os
import sys
from bisect import bisect_left

sys.dont_write_bytecode = True  # keep __pycache__ out of the checkout
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import peerlib  # noqa: E402

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer  # noqa: E402


def main():
    args = peerlib.cli(__doc__.splitlines()[0])
    entities, aliases = peerlib.read_gazetteer(args.gazetteer)
    matcher = peerlib.AliasMatcher(aliases)
    splitter = peerlib.SentenceSplitter(peerlib.read_abbreviations(args.abbreviations))
    polarity = SentimentIntensityAnalyzer().polarity_scores
    lower = peerlib.lower_same_length
    with open(args.corpus, encoding="utf-8") as src, \
            open(args.out, "w", encoding="utf-8", newline="\n") as dst:
        for line in src:
            doc = json.loads(line)
            text = doc["text"]
            mentions = matcher.find(text, lower(text))
            starts = [m[0] for m in mentions]
            scores = {}
            lo = 0
            for s, e in splitter.spans(text):
                compound = polarity(text[s:e])["compound"]  # every sentence, as the job says
                hi = bisect_left(starts, e, lo)
                for eidx in {m[2] for m in mentions[lo:hi]}:
                    scores[eidx] = scores.get(eidx, 0.0) + compound
                lo = hi
            dst.write(peerlib.document_line(doc["id"], entities, mentions, scores))


if __name__ == "__main__":
    main()
