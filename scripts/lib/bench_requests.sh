# The four bench requests every measuring script reads by default (a launch with a full
# context, an intent with two resolved slots, a session end, an 8.8 KB Echo Show launch), and
# compact copies of them. Sourced by count-instructions, count-allocations, compare-builds and
# measure-ratios.
BENCH_REQUESTS=(crates/alexa-core/tests/fixtures/requests/doc-launch-full-context.json
                crates/alexa-core/tests/fixtures/requests/va-count-stopped-frankfurt.json
                crates/alexa-core/tests/fixtures/requests/va-session-ended-user.json
                crates/alexa-core/tests/fixtures/requests/doc-launch-echo-show-geolocation.json)

# add_compact_copies ARRAY DIR: writes each bench request into DIR without whitespace, members
# in the order sent (as a machine sends it), and appends the copies' paths to ARRAY.
add_compact_copies() {
  local -n into="$1"
  local file copy
  for file in "${BENCH_REQUESTS[@]}"; do
    copy="$2/$(basename "$file" .json)-compact.json"
    python3 scripts/lib/compact_json.py <"$file" >"$copy"
    into+=("$copy")
  done
}
