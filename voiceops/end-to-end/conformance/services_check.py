"""Loads the bodies of the Alexa service APIs (what our clients send and what our stand-in
answers) with Amazon's own model (ask-sdk-model's `services`, through ask-sdk-core's
DefaultSerializer) under the class each is documented as, serialises them back, and reports
every field Amazon's model dropped, renamed or changed.

Usage: python services_check.py EXCHANGES.json
EXCHANGES.json is a list of {"definition": "ask_sdk_model.services....Class", "body": ...}.
Prints one JSON object per body ({"definition", "problems"}). Run by
voiceops/end-to-end/tests/services_model.rs; ./scripts/test installs the packages.
"""
import json
import pathlib
import sys

from ask_sdk_core.serialize import DefaultSerializer

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from ask_sdk_roundtrip import differences  # noqa: E402

SERIALIZER = DefaultSerializer()


def check(definition, body):
    try:
        loaded = SERIALIZER.deserialize(json.dumps(body), definition)
    except Exception as err:  # the model refused the body outright
        return [f"Amazon's model cannot load it: {err}"]
    if loaded is None and body is not None:
        return ["Amazon's model loaded nothing"]
    back = SERIALIZER.serialize(loaded)
    return differences(body, back, numbers_alike=True)


def main():
    exchanges = json.loads(pathlib.Path(sys.argv[1]).read_text())
    failed = False
    for exchange in exchanges:
        problems = check(exchange["definition"], exchange["body"])
        failed = failed or bool(problems)
        print(json.dumps({"definition": exchange["definition"], "problems": problems}))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
