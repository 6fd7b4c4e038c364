#!/usr/bin/env python3
"""Lay out a file of whole stories as a news set for `farabi eval --news DIR -v`.

A story starts with "=== Title"; each line after it is one paragraph of
its body, followed by the keys GUIDELINES.md gives that paragraph, one an
indented line ("SRC TGT CODE"). "@date D" sets the date of the stories
after it; "#" starts a comment. Keys are scored per story, as news-dev's
are per article (mkset.py lays out one sentence an article instead).

    python3 docs/probes/mkstory.py docs/probes/stories1/1-references.txt /tmp/s1
    farabi eval --news /tmp/s1 -v
"""
import json, os, sys

def main(src, out):
    date, stories = "2026-03-10", []
    for n, line in enumerate(open(src, encoding="utf-8"), 1):
        line = line.rstrip("\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line.startswith("@date"):
            date = line.split()[1]
        elif line.startswith("==="):
            stories.append({"title": line[3:].strip(), "date": date, "paras": [], "keys": []})
        elif not stories:
            sys.exit(f"{src}:{n}: text before the first '=== Title'")
        elif line[0] in " \t":
            f = line.split()
            if len(f) != 3 or not stories[-1]["paras"]:
                sys.exit(f"{src}:{n}: want SRC TGT CODE after a paragraph")
            stories[-1]["keys"].append((f, stories[-1]["paras"][-1]))
        else:
            stories[-1]["paras"].append(line.strip())
    os.makedirs(os.path.join(out, "articles"), exist_ok=True)
    with open(os.path.join(out, "index.jsonl"), "w") as ix, \
         open(os.path.join(out, "annotations.jsonl"), "w") as an:
        for i, s in enumerate(stories, 1):
            name = f"{i:03d}.txt"
            with open(os.path.join(out, "articles", name), "w") as f:
                f.write(s["title"] + "\n\n" + "\n\n".join(s["paras"]) + "\n")
            ix.write(json.dumps({"file": name, "date": s["date"]}) + "\n")
            ev = [{"source": k[0], "target": k[1], "cameo": k[2], "root": k[2][:2],
                   "confidence": "medium", "sentence": p} for k, p in s["keys"]]
            an.write(json.dumps({"file": name, "events": ev, "quotes": []}) + "\n")

if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
