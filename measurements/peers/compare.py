"""Runs the same small skill on alexa-core, Amazon's ASK SDK for Node.js and for Python over
the same fixtures, checks that the three answer alike, and prints the figures as a Markdown
table with alexa-core's ratio against each peer. Run through scripts/compare-sdks.

Per request: each implementation answers each fixture N/R times in one process (parse, route,
handle, serialise), the three in turn, R rounds; the first tenth of each run is warm-up and
left out; median and p99 are reported, and the median of the rounds' ratios.
Cold start: the process is started K times to answer the launch fixture once and exit; the
wall time from spawn to exit and the peak resident memory (GNU time's %M) are taken, median
over the runs.
"""

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = ["launch", "order", "help", "ended"]
# Where the fixtures are read from: the indented originals, or (`--compact`) copies without
# whitespace, members in the same order, as a machine sends them.
fixture_dir = os.path.join(HERE, "fixtures")


def fixture(name):
    return os.path.join(fixture_dir, f"{name}.json")


def compact_fixtures(into):
    """Writes each fixture without whitespace into `into` and reads them from there."""
    global fixture_dir
    for name in FIXTURES:
        with open(fixture(name), encoding="utf-8") as printed:
            document = json.load(printed)
        with open(os.path.join(into, f"{name}.json"), "w", encoding="utf-8") as compact:
            json.dump(document, compact, separators=(",", ":"), ensure_ascii=False)
    fixture_dir = into


def peers(args):
    """Each implementation as (name, command prefix)."""
    return [
        ("alexa-core", [args.rust]),
        ("ASK SDK Node.js", [args.node, os.path.join(HERE, "node", "skill.js")]),
        ("ASK SDK Python", [args.python, os.path.join(HERE, "python", "skill.py")]),
    ]


def heard(speech):
    """What a user hears of an outputSpeech: SSML tags removed."""
    if not speech:
        return None
    text = speech.get("text") or speech.get("ssml") or ""
    return re.sub(r"<[^>]+>", "", text).strip()


def behaviour(envelope):
    """What a user (and the next turn) would notice of a response envelope."""
    response = envelope.get("response", {})
    reprompt = (response.get("reprompt") or {}).get("outputSpeech")
    return {
        "speech": heard(response.get("outputSpeech")),
        "reprompt": heard(reprompt),
        "shouldEndSession": response.get("shouldEndSession"),
        "sessionAttributes": envelope.get("sessionAttributes") or {},
    }


def check_alike(args):
    """Every fixture gets the same answer from all three; exits 1 when not."""
    problems = []
    for name in FIXTURES:
        answers = {}
        for peer, command in peers(args):
            out = subprocess.run(command + ["once", fixture(name)], capture_output=True, check=False)
            if out.returncode != 0:
                problems.append(f"{peer} failed on {name}: {out.stderr.decode()[-400:]}")
                continue
            seen = behaviour(json.loads(out.stdout))
            if name == "ended":
                # Alexa ignores the answer to a SessionEndedRequest; the SDKs echo the
                # attributes of the ended session into it, alexa-core sends none.
                seen.pop("sessionAttributes")
            answers[peer] = seen
        first = next(iter(answers.values()), None)
        for peer, seen in answers.items():
            if seen != first:
                problems.append(f"{name}: {peer} answers {seen}, alexa-core {first}")
    if problems:
        print("the three skills do not answer alike:", *problems, sep="\n  ", file=sys.stderr)
        sys.exit(1)


def per_request(args):
    """{peer: {fixture: (median ns, p99 ns, median of the rounds' ratios to alexa-core)}}

    The three run in turn, each for a share of the iterations, `rounds` times over: this
    machine's speed changes for seconds at a time (the same launch has taken 2.3 µs and
    3.9 µs in one process), and peers run one after the other would each catch a different
    spell of it. Each round's median is taken per peer and fixture; the ratio reported is the
    median of the rounds' ratios, the median of the rounds' medians, and p99 over every kept
    request."""
    files = [fixture(n) for n in FIXTURES]
    each = max(1, args.iterations // args.rounds)
    kept = {peer: {n: [] for n in FIXTURES} for peer, _ in peers(args)}
    medians = {peer: {n: [] for n in FIXTURES} for peer, _ in peers(args)}
    for _ in range(args.rounds):
        for peer, command in peers(args):
            out = subprocess.run(
                command + ["bench", str(each)] + files,
                capture_output=True,
                check=True,
            )
            for line in out.stdout.decode().splitlines():
                path, *times = line.split()
                name = os.path.splitext(os.path.basename(path))[0]
                times = [int(t) for t in times][each // 10 :]
                kept[peer][name].extend(times)
                medians[peer][name].append(statistics.median(times))
    ours = peers(args)[0][0]
    figures = {}
    for peer in kept:
        figures[peer] = {}
        for name in FIXTURES:
            times = sorted(kept[peer][name])
            p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
            ratios = [t / o for t, o in zip(medians[peer][name], medians[ours][name])]
            figures[peer][name] = (
                statistics.median(medians[peer][name]),
                p99,
                statistics.median(ratios),
            )
    return figures


def cold_start(args):
    """{peer: (median ms spawn to exit, median peak RSS in KB)}

    Wall time is taken on a direct spawn. Peak memory is taken under GNU time, not from
    this process's wait4: a child spawned from Python inherits the high-water mark of the
    (Python-sized) process it was forked from, which would hide a small program's figure."""
    figures = {}
    for peer, command in peers(args):
        walls, peaks = [], []
        for _ in range(args.cold_runs):
            start = time.perf_counter()
            done = subprocess.run(
                command + ["once", fixture("launch")],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                check=False,
            )
            walls.append((time.perf_counter() - start) * 1000)
            if done.returncode != 0:
                sys.exit(f"{peer} failed to answer the launch")
            measured = subprocess.run(
                [args.time, "-f", "%M"] + command + ["once", fixture("launch")],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                check=True,
            )
            peaks.append(int(measured.stderr.decode().split()[-1]))
        figures[peer] = (statistics.median(walls), statistics.median(peaks))
    return figures


def micro(ns):
    return f"{ns / 1000:.1f} µs" if ns < 1_000_000 else f"{ns / 1_000_000:.2f} ms"


def ratio(peer, ours):
    return f"{peer / ours:.1f}×" if ours else "–"


def table(requests, cold):
    names = [p for p in requests]
    ours = names[0]
    header = f"| | {' | '.join(names)} | {' | '.join(f'{p} ÷ alexa-core' for p in names[1:])} |"
    lines = [header, "|" + " --- |" * (2 * len(names))]
    for name in FIXTURES:
        for which, label in ((0, "median"), (1, "p99")):
            values = [requests[p][name][which] for p in names]
            if which == 0:
                ratios = [f"{requests[p][name][2]:.1f}×" for p in names[1:]]
            else:
                ratios = [ratio(v, values[0]) for v in values[1:]]
            cells = [micro(v) for v in values]
            lines.append(f"| {name}, {label} | {' | '.join(cells)} | {' | '.join(ratios)} |")
    walls = [cold[p][0] for p in names]
    lines.append(
        f"| cold start to first answer | {' | '.join(f'{w:.1f} ms' for w in walls)} | "
        f"{' | '.join(ratio(w, walls[0]) for w in walls[1:])} |"
    )
    peaks = [cold[p][1] for p in names]
    lines.append(
        f"| peak memory (RSS) | {' | '.join(f'{k / 1024:.1f} MB' for k in peaks)} | "
        f"{' | '.join(ratio(k, peaks[0]) for k in peaks[1:])} |"
    )
    return "\n".join(lines), ours


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rust", required=True, help="the peer_skill example binary")
    parser.add_argument("--node", default="node")
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument("--iterations", type=int, default=20000,
                        help="requests per fixture and peer, shared among the rounds")
    parser.add_argument("--rounds", type=int, default=5,
                        help="times the three run in turn (the medians' ratio is per round)")
    parser.add_argument("--cold-runs", type=int, default=20)
    parser.add_argument("--time", default="/usr/bin/time", help="GNU time, for peak memory")
    parser.add_argument("--compact", action="store_true",
                        help="read the fixtures without whitespace, as a machine sends them")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        if args.compact:
            compact_fixtures(scratch)
        run(args)


def run(args):
    check_alike(args)
    print("all three answer every fixture alike (speech, reprompt, session end, attributes)")
    requests = per_request(args)
    cold = cold_start(args)
    text, _ = table(requests, cold)
    form = "compacted" if args.compact else "as printed"
    print(f"\n{args.iterations} requests per fixture ({form}) in process, in {args.rounds} rounds "
          f"the three run in turn (median ratios: the median of the rounds' ratios), "
          f"{args.cold_runs} cold starts:\n")
    print(text)


if __name__ == "__main__":
    main()
