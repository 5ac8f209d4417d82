"""The comparison skill on Amazon's ASK SDK for Python (ask-sdk-core), the same skill as
measurements/src/bin/peer_skill.rs and ../node/skill.js.

    python skill.py once FILE          answer one request and exit (cold start)
    python skill.py bench N FILE...    answer each request N times in process, print nanoseconds

Both modes run the whole path a Lambda host runs: json.loads of the bytes, the SDK's
Lambda handler (deserialising into ask-sdk-model, skill-ID check, routing, the handler,
serialising), json.dumps of the response.
"""

import json
import sys
import time

from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.skill_builder import SkillBuilder
from ask_sdk_core.utils import get_intent_name, get_request_type, get_slot

SKILL_ID = "amzn1.ask.skill.00000000-0000-0000-0000-000000000000"


def resolved_name(slot):
    """The resolved name of a slot, when entity resolution matched."""
    if slot is None:
        return None
    resolutions = slot.resolutions.resolutions_per_authority if slot.resolutions else []
    for authority in resolutions or []:
        if authority.status.code.value == "ER_SUCCESS_MATCH" and authority.values:
            return authority.values[0].value.name
    return slot.value


def is_intent(handler_input, *names):
    return (
        get_request_type(handler_input) == "IntentRequest"
        and get_intent_name(handler_input) in names
    )


class Launch(AbstractRequestHandler):
    def can_handle(self, handler_input):
        return get_request_type(handler_input) == "LaunchRequest"

    def handle(self, handler_input):
        return (
            handler_input.response_builder.speak(
                "Welcome to the coffee shop. What would you like?"
            )
            .ask("What would you like?")
            .response
        )


class Order(AbstractRequestHandler):
    def can_handle(self, handler_input):
        return is_intent(handler_input, "OrderIntent")

    def handle(self, handler_input):
        drink = resolved_name(get_slot(handler_input, "drink"))
        builder = handler_input.response_builder
        if not drink:
            return builder.speak("What would you like?").ask("What would you like?").response
        session = handler_input.attributes_manager.session_attributes
        session["orders"] = session.get("orders", 0) + 1
        return (
            builder.speak(f"One {drink} coming up. That's {session['orders']} orders.")
            .ask("Anything else?")
            .response
        )


class Help(AbstractRequestHandler):
    def can_handle(self, handler_input):
        return is_intent(handler_input, "AMAZON.HelpIntent")

    def handle(self, handler_input):
        return (
            handler_input.response_builder.speak(
                "You can order a latte or a flat white. What would you like?"
            )
            .ask("What would you like?")
            .response
        )


class Goodbye(AbstractRequestHandler):
    def can_handle(self, handler_input):
        return is_intent(handler_input, "AMAZON.StopIntent", "AMAZON.CancelIntent")

    def handle(self, handler_input):
        return handler_input.response_builder.speak("Goodbye.").set_should_end_session(True).response


class Ended(AbstractRequestHandler):
    def can_handle(self, handler_input):
        return get_request_type(handler_input) == "SessionEndedRequest"

    def handle(self, handler_input):
        return handler_input.response_builder.response


class Fallback(AbstractRequestHandler):
    def can_handle(self, handler_input):
        return True

    def handle(self, handler_input):
        return (
            handler_input.response_builder.speak("Sorry, I didn't get that.")
            .ask("What would you like?")
            .response
        )


builder = SkillBuilder()
builder.skill_id = SKILL_ID
for handler in (Launch(), Order(), Help(), Goodbye(), Ended(), Fallback()):
    builder.add_request_handler(handler)
lambda_handler = builder.lambda_handler()


def answer(data):
    return json.dumps(lambda_handler(json.loads(data), None))


def main(args):
    if len(args) == 2 and args[0] == "once":
        with open(args[1], "rb") as f:
            print(answer(f.read()))
        return 0
    if len(args) >= 3 and args[0] == "bench":
        n = int(args[1])
        for path in args[2:]:
            with open(path, "rb") as f:
                data = f.read()
            times = []
            for _ in range(n):
                start = time.perf_counter_ns()
                answer(data)
                times.append(time.perf_counter_ns() - start)
            print(path, " ".join(map(str, times)))
        return 0
    print("usage: skill.py once FILE | skill.py bench N FILE...", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
