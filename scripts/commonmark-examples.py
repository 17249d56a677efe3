#!/usr/bin/env python3
"""Extracts the examples of the CommonMark specification into JSON, once.

    scripts/commonmark-examples.py ../shared/commonmark/spec-0.30.txt > Tests/Fuzz/commonmark-0.30.json

Each example is {"number", "section", "markdown", "html"}, with the spec's `→`
turned back into tabs. The JSON is kept in the repository as test data (the spec
is CC-BY-SA 4.0, by John MacFarlane): CommonMarkSpecTests builds every example as
an article, and scripts/fuzz.sh seeds the fuzzer with each.
"""
import json
import re
import sys

FENCE = "`" * 32


def examples(text):
    section = ""
    number = 0
    lines = text.split("\n")
    index = 0
    while index < len(lines):
        line = lines[index]
        heading = re.match(r"^#{1,6} +(.*)$", line)
        if heading:
            section = heading.group(1).strip()
        if line.strip() == FENCE + " example":
            index += 1
            markdown = []
            while lines[index] != ".":
                markdown.append(lines[index])
                index += 1
            index += 1
            html = []
            while lines[index].strip() != FENCE:
                html.append(lines[index])
                index += 1
            number += 1
            yield {
                "number": number,
                "section": section,
                "markdown": "".join(part + "\n" for part in markdown).replace("\u2192", "\t"),
                "html": "".join(part + "\n" for part in html).replace("\u2192", "\t"),
            }
        index += 1


def main():
    with open(sys.argv[1], encoding="utf-8") as spec:
        found = list(examples(spec.read()))
    json.dump(found, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
    print(f"{len(found)} examples", file=sys.stderr)


if __name__ == "__main__":
    main()
