#!/usr/bin/env python3
"""Lay out a probe file as a news set (one sentence an article) for
`farabi eval --news DIR -v`.

A probe file holds sentences written for farabi, one a line; each is
followed by the keys GUIDELINES.md gives it, one an indented line
("SRC TGT CODE"), or an indented "-" for none. "@date D" sets the date of
the sentences after it; "#" starts a comment.

    python3 docs/probes/mkset.py docs/probes/round5/1-threats.txt /tmp/set
    farabi eval --news /tmp/set -v
"""
import json, os, sys

def main(src, out):
    date, probes = "2026-03-10", []
    for n, line in enumerate(open(src, encoding="utf-8"), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line.startswith("@date"):
            date = line.split()[1]
        elif line[0] in " \t":
            f = line.split()
            if f == ["-"]:
                continue
            if len(f) != 3 or not probes:
                sys.exit(f"{src}:{n}: want SRC TGT CODE")
            probes[-1][2].append(f)
        else:
            probes.append((line.strip(), date, []))
    os.makedirs(os.path.join(out, "articles"), exist_ok=True)
    with open(os.path.join(out, "index.jsonl"), "w") as ix, \
         open(os.path.join(out, "annotations.jsonl"), "w") as an:
        for i, (text, d, keys) in enumerate(probes, 1):
            name = f"{i:03d}.txt"
            with open(os.path.join(out, "articles", name), "w") as f:
                f.write(text + "\n")
            ix.write(json.dumps({"file": name, "date": d}) + "\n")
            ev = [{"source": s, "target": t, "cameo": c, "root": c[:2],
                   "confidence": "high", "sentence": text} for s, t, c in keys]
            an.write(json.dumps({"file": name, "events": ev, "quotes": []}) + "\n")

if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
