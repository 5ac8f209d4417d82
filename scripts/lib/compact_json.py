"""Writes the JSON document on stdin to stdout without whitespace, members in the order
they came and text as it was (no \\u escapes added): the same request as a machine sends it."""
import json
import sys

json.dump(json.load(sys.stdin), sys.stdout, separators=(",", ":"), ensure_ascii=False)
