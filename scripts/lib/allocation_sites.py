"""Allocations per request by site, from two DHAT profiles of the same program: one request,
and 1 + K requests. A site is named by the first frame of its stack outside the standard library and the first in
this workspace's code.

Usage: allocation_sites.py ONE.json MANY.json K
"""
import json
import re
import sys

FRAME = re.compile(r"^0x[0-9A-Fa-f]+: (.*) \(([^()]*:\d+)\)$")


def located(frame):
    """(function, file:line) of a DHAT frame with a source line, else None."""
    match = FRAME.match(frame)
    return match.groups() if match else None


def ours(place):
    """True for this workspace's code: DHAT names it by file alone (`answer.rs:20`), while
    dependencies keep their crate's folder (`src/de.rs:1557`) and the standard library its
    own (`library/alloc/...`)."""
    return "/" not in place.split(":")[0]


def sites(path):
    """{site: (blocks, bytes)}: a site is the first frame outside the standard library and
    the first frame of this workspace's code, which may be the same."""
    profile = json.load(open(path))
    frames = profile["ftbl"]
    totals = {}
    for point in profile["pps"]:
        stack = [located(frames[i]) for i in point["fs"]]
        stack = [f for f in stack if f and not f[1].startswith("library/")]
        first = stack[:1]
        own = [f for f in stack if ours(f[1])][:1]
        site = tuple(dict.fromkeys(short(*f) for f in first + own)) or ("(no source line)",)
        blocks, size = totals.get(site, (0, 0))
        totals[site] = (blocks + point["tbk"], size + point["tb"])
    return totals


def short(function, place):
    """`function (file:line)` with generic arguments and module paths left out."""
    function = function.replace("->", "→")
    while re.search(r"<[^<>]*>", function):
        function = re.sub(r"<[^<>]*>", "", function)
    return f"{function.split('::')[-1] or function} ({place})"


def main():
    one, many, k = sites(sys.argv[1]), sites(sys.argv[2]), int(sys.argv[3])
    rows = []
    for site, (blocks, size) in many.items():
        base_blocks, base_size = one.get(site, (0, 0))
        per_request = (blocks - base_blocks) / k
        if per_request >= 0.5:
            rows.append((per_request, (size - base_size) / k, site))
    rows.sort(key=lambda row: (-row[1], row[2]))
    print("| allocations | bytes | made in |")
    print("| --- | --- | --- |")
    for count, size, site in rows:
        print(f"| {count:g} | {size:.0f} | {' ← '.join(site)} |")
    total = sum(row[0] for row in rows)
    print(f"| **{total:g}** | **{sum(row[1] for row in rows):.0f}** | per request |")


if __name__ == "__main__":
    main()
