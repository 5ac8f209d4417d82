"""Loads response envelopes (and progressive-response bodies) with Amazon's own model of the
Alexa protocol (ask-sdk-model, through ask-sdk-core's DefaultSerializer), serialises them
back, and reports every field Amazon's model dropped, renamed or changed.

Usage: python ask_sdk_roundtrip.py FILE_OR_DIR...
Prints one JSON object per file ({"file", "ok", "problems"}) and exits 1 if any file has a
problem. Run by voiceops/end-to-end/tests/ask_sdk_model.rs; ./scripts/test installs the packages.
"""
import datetime
import json
import pathlib
import sys

from ask_sdk_core.serialize import DefaultSerializer
from ask_sdk_model import RequestEnvelope, ResponseEnvelope
from ask_sdk_model.services.directive import SendDirectiveRequest

SERIALIZER = DefaultSerializer()


def model_for(path):
    """Request fixtures (a folder named `requests` or inside one) are RequestEnvelopes;
    progressive-response bodies SendDirectiveRequests; everything else a response."""
    if "requests" in path.parts:
        return RequestEnvelope
    return SendDirectiveRequest if path.name.startswith("progressive-") else ResponseEnvelope


def differences(sent, back, where="$", numbers_alike=False):
    """Every place where Amazon's round trip differs from what was sent. With numbers_alike,
    1 and 1.0 are the same (a model that types a count as a float gives back 1.0)."""
    if isinstance(sent, dict) and isinstance(back, dict):
        problems = []
        for key, value in sent.items():
            if key not in back:
                problems.append(f"{where}.{key}: dropped by Amazon's model")
            else:
                problems.extend(differences(value, back[key], f"{where}.{key}", numbers_alike))
        for key in back:
            if key not in sent:
                problems.append(f"{where}.{key}: added by Amazon's model")
        return problems
    if isinstance(sent, list) and isinstance(back, list):
        if len(sent) != len(back):
            return [f"{where}: {len(sent)} items sent, {len(back)} came back"]
        problems = []
        for index, (a, b) in enumerate(zip(sent, back)):
            problems.extend(differences(a, b, f"{where}[{index}]", numbers_alike))
        return problems
    numbers = (int, float)
    if numbers_alike and isinstance(sent, numbers) and isinstance(back, numbers) and not isinstance(sent, bool):
        return [] if sent == back else [f"{where}: sent {sent}, came back {back}"]
    if same_instant(sent, back):
        return []  # Python writes "Z" as "+00:00": the same time
    if sent != back or type(sent) is not type(back):
        return [f"{where}: sent {json.dumps(sent)}, came back {json.dumps(back)}"]
    return []


def same_instant(a, b):
    """Two ISO-8601 timestamps of the same moment."""
    if not (isinstance(a, str) and isinstance(b, str)) or a == b:
        return False
    try:
        return datetime.datetime.fromisoformat(a) == datetime.datetime.fromisoformat(b)
    except ValueError:
        return False


def check(path):
    sent = json.loads(path.read_text())
    try:
        parsed = SERIALIZER.deserialize(json.dumps(sent), model_for(path))
        back = SERIALIZER.serialize(parsed)
    except Exception as error:  # the model refused it outright
        return [f"Amazon's model refused it: {error}"]
    return differences(sent, back)


def main(arguments):
    files = []
    for argument in arguments:
        path = pathlib.Path(argument)
        files.extend(sorted(path.glob("*.json")) if path.is_dir() else [path])
    failed = False
    for path in files:
        problems = check(path)
        failed = failed or bool(problems)
        print(json.dumps({"file": str(path), "ok": not problems, "problems": problems}))
    return 1 if failed or not files else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
