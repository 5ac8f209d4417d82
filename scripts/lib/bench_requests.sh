# The four bench requests every measuring script reads by default (a launch with a full
# context, an intent with two resolved slots, a session end, an 8.8 KB Echo Show launch), and
# compact copies of them. Sourced by count-instructions, count-allocations and compare-builds.
BENCH_REQUESTS=(crates/alexa-core/tests/fixtures/requests/doc-launch-full-context.json
                crates/alexa-core/tests/fixtures/requests/va-count-stopped-frankfurt.json
                crates/alexa-core/tests/fixtures/requests/va-session-ended-user.json
                crates/alexa-core/tests/fixtures/requests/doc-launch-echo-show-geolocation.json)

# compact_copy DIR FILE: writes FILE into DIR without whitespace, members in the order sent
# (as a machine sends it), and prints the copy's path.
compact_copy() {
  local copy="$1/$(basename "$2" .json)-compact.json"
  python3 scripts/lib/compact_json.py <"$2" >"$copy"
  echo "$copy"
}
