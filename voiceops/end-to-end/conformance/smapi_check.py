"""Checks Skill Management API bodies against Amazon's own model of SMAPI, two ways:

1. the JSON schema in ask-smapi-model's spec.json (required fields, types, enums). Two
   quirks of the spec are undone first: it writes some enums as {"type": "object",
   "enum": [...]}, so `type` is dropped wherever `enum` stands; and it writes "any value"
   (what the Python model types as `object`: a request envelope's members, an evaluation's
   stage) as {"type": "object", "properties": {}}, so such a node loses its `type` too;
2. a round trip through the Python ask-smapi-model: deserialised into the model's class and
   serialised back, any field name or enum value we got wrong is lost or refused.

Usage: python smapi_check.py SPEC_JSON EXCHANGES_JSON
EXCHANGES_JSON is a list of {"definition": "v2.skill.simulations.SimulationsApiRequest",
"body": {...}}: every body our client sent and every body the stand-in answered. Prints one
JSON line per body and exits 1 if any has a problem. Run by voiceops/end-to-end/tests/smapi_model.rs.
"""
import importlib
import json
import pathlib
import re
import sys

import jsonschema
from ask_sdk_model_runtime.serializer import DefaultSerializer

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from ask_sdk_roundtrip import differences  # noqa: E402

SERIALIZER = DefaultSerializer()


def undo_quirks(node):
    """Enums written as objects keep the enum and lose the wrong `type`; "any value" written
    as an object with no properties loses its `type`."""
    if isinstance(node, dict):
        any_value = node.get("type") == "object" and node.get("properties") == {} and not (
            set(node) - {"type", "properties", "description"})
        if "enum" in node or any_value:
            node.pop("type", None)
        for value in node.values():
            undo_quirks(value)
    elif isinstance(node, list):
        for value in node:
            undo_quirks(value)


def snake(name):
    name = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", name)
    return re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name).lower()


def python_class(definition):
    """v1.skill.Manifest.SkillManifestEnvelope ->
    ask_smapi_model.v1.skill.manifest.skill_manifest_envelope.SkillManifestEnvelope"""
    *packages, name = definition.split(".")
    class_name = name[0].upper() + name[1:]
    module = ".".join(["ask_smapi_model"] + [snake(p) for p in packages] + [snake(class_name)])
    return module, class_name


def check(spec, definition, body):
    problems = []
    if definition not in spec["definitions"]:
        return [f"{definition} is not a definition of Amazon's spec"]
    schema = {"$ref": f"#/definitions/{definition}", "definitions": spec["definitions"]}
    for error in jsonschema.Draft4Validator(schema).iter_errors(body):
        path = "$" + "".join(f"[{p!r}]" if isinstance(p, int) else f".{p}" for p in error.path)
        problems.append(f"schema: {path}: {error.message}")
    module, class_name = python_class(definition)
    try:
        cls = getattr(importlib.import_module(module), class_name)
    except (ImportError, AttributeError) as error:
        return problems + [f"no class {module}.{class_name} in ask-smapi-model: {error}"]
    if not cls.attribute_map:
        return problems  # opaque in Amazon's Python model (e.g. the annotations body)
    try:
        back = SERIALIZER.serialize(SERIALIZER.deserialize(json.dumps(body), f"{module}.{class_name}"))
    except Exception as error:  # the model refused it outright
        return problems + [f"ask-smapi-model refused it: {error}"]
    return problems + [f"round trip: {p}" for p in differences(body, back, numbers_alike=True)]


def main(spec_path, exchanges_path):
    spec = json.loads(pathlib.Path(spec_path).read_text())
    undo_quirks(spec)
    exchanges = json.loads(pathlib.Path(exchanges_path).read_text())
    failed = False
    for exchange in exchanges:
        problems = check(spec, exchange["definition"], exchange["body"])
        failed = failed or bool(problems)
        print(json.dumps({"definition": exchange["definition"], "ok": not problems, "problems": problems}))
    return 1 if failed or not exchanges else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
