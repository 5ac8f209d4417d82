# Installs what the tests and the demo need, into the project, once. Sourced by scripts/*.
# Python tools go into a virtual environment under .cache/ in the clone (ignored by git);
# nothing is installed system-wide.

PROJECT_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
VENV="$PROJECT_ROOT/.cache/venv"
export PROJECT_ROOT VENV

# Where cargo puts what it builds: CARGO_TARGET_DIR, a config's target-dir, or target/.
cargo_target_dir() {
  cargo metadata --format-version 1 --no-deps \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])'
}

# moto's server: the AWS API emulator the skill's integration tests and the demo talk to.
setup_moto() {
  if [ -x "$VENV/bin/moto_server" ]; then
    return 0
  fi
  echo "==> installing the AWS API emulator (moto) into $VENV"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check 'moto[server]==5.2.5'
}

# cfn-lint for the SAM template (pinned: later versions stop translating SAM) and
# cargo-lambda for local Lambda runs and arm64 builds (it brings zig along).
setup_deploy_tools() {
  setup_moto
  if [ ! -x "$VENV/bin/cfn-lint" ] || ! "$VENV/bin/cfn-lint" --version 2>/dev/null | grep -q '1.53.3'; then
    echo "==> installing cfn-lint 1.53.3 into $VENV"
    "$VENV/bin/pip" install --quiet --disable-pip-version-check 'cfn-lint==1.53.3'
  fi
  if [ ! -x "$VENV/bin/cargo-lambda" ]; then
    echo "==> installing cargo-lambda into $VENV"
    "$VENV/bin/pip" install --quiet --disable-pip-version-check 'cargo-lambda==1.9.2'
  fi
  export PATH="$VENV/bin:$PATH"
}

# Amazon's own model of the protocol (ask-sdk-model, with ask-sdk-core's serializer), pinned:
# the conformance test loads our golden responses with it; and Amazon's request verifier.
setup_conformance() {
  setup_moto
  if ! "$VENV/bin/python" -c 'import ask_sdk_model, ask_sdk_core' 2>/dev/null \
    || ! "$VENV/bin/pip" show ask-sdk-model 2>/dev/null | grep -q '^Version: 1.82.0$'; then
    echo "==> installing ask-sdk-model 1.82.0 and ask-sdk-core into $VENV"
    "$VENV/bin/pip" install --quiet --disable-pip-version-check 'ask-sdk-model==1.82.0' 'ask-sdk-core==1.19.0'
  fi
  # Amazon's web-service request verifier, the peer the verification matrix is checked against.
  if ! "$VENV/bin/pip" show ask-sdk-webservice-support 2>/dev/null | grep -q '^Version: 1.3.3$'; then
    echo "==> installing ask-sdk-webservice-support 1.3.3 into $VENV"
    "$VENV/bin/pip" install --quiet --disable-pip-version-check 'ask-sdk-webservice-support==1.3.3'
  fi
}

# Amazon's model of the Skill Management API, the reference for alexa-smapi: the Python
# ask-smapi-model (round trips) and the spec.json the npm package ask-smapi-model ships
# (JSON schema checks), both pinned. The spec goes to .cache/ask-smapi-model/spec.json.
setup_smapi_model() {
  setup_moto
  if ! "$VENV/bin/pip" show ask-smapi-model 2>/dev/null | grep -q '^Version: 1.36.0$' \
    || ! "$VENV/bin/python" -c 'import jsonschema' 2>/dev/null; then
    echo "==> installing ask-smapi-model 1.36.0 and jsonschema into $VENV"
    "$VENV/bin/pip" install --quiet --disable-pip-version-check 'ask-smapi-model==1.36.0' 'jsonschema==4.26.0'
  fi
  local spec_dir="$PROJECT_ROOT/.cache/ask-smapi-model"
  if [ ! -f "$spec_dir/spec.json" ]; then
    if ! command -v npm >/dev/null; then
      apt_install nodejs npm
    fi
    echo "==> fetching ask-smapi-model 1.24.0's spec.json (npm) into $spec_dir"
    mkdir -p "$spec_dir"
    (cd "$spec_dir" && npm pack --silent ask-smapi-model@1.24.0 >/dev/null \
      && tar -xzf ask-smapi-model-1.24.0.tgz package/spec.json \
      && mv package/spec.json spec.json && rm -rf package ask-smapi-model-1.24.0.tgz)
  fi
  export SMAPI_SPEC="$spec_dir/spec.json"
}

# The peers scripts/compare-sdks measures alexa-core against: Amazon's ASK SDK for Node.js
# (pinned in measurements/peers/node/package-lock.json), and GNU time for peak memory. The Python
# SDK comes with setup_conformance.
setup_peers() {
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    apt_install nodejs npm
  fi
  if [ ! -x /usr/bin/time ]; then
    apt_install time
  fi
  local peers_dir="$PROJECT_ROOT/measurements/peers/node"
  if [ ! -d "$peers_dir/node_modules/ask-sdk-core" ]; then
    echo "==> installing ask-sdk-core (Node.js) into $peers_dir/node_modules"
    (cd "$peers_dir" && npm ci --silent --no-audit --no-fund)
  fi
}

# cargo-deny, for the licence, ban and source checks (deny.toml). Cargo tools go into
# $VOICEOPS_TOOLS (default .cache/tools in the clone; CI keeps them outside the clone).
setup_cargo_deny() {
  local tools="${VOICEOPS_TOOLS:-$PROJECT_ROOT/.cache/tools}"
  if [ ! -x "$tools/bin/cargo-deny" ] || ! "$tools/bin/cargo-deny" --version | grep -q '0.20'; then
    echo "==> installing cargo-deny into $tools (a few minutes, once)"
    cargo install --quiet --locked cargo-deny@^0.20 --root "$tools"
  fi
  export PATH="$tools/bin:$PATH"
}

setup_test_tools() {
  setup_deploy_tools
  setup_conformance
  setup_smapi_model
  setup_browser
  setup_peers
  setup_cargo_deny
  export MOTO_SERVER="$VENV/bin/moto_server"
  export CFN_LINT="$VENV/bin/cfn-lint"
}

# Installs Debian packages with apt-get (as root, or through sudo); fails with a message
# when neither is possible.
apt_install() {
  local sudo=""
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null; then sudo="sudo"; else
      echo "setup: $* missing and this user cannot apt-get install it" >&2
      return 1
    fi
  fi
  echo "==> installing Debian's $* (apt-get)"
  $sudo apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# Headless Chromium (Debian's package, the only browser that installs offline here) and
# playwright-core to drive it, for the web console's end-to-end test; node and npm for it and
# for the APL renderer's own tests.
setup_browser() {
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    apt_install nodejs npm
  fi
  if [ -z "${CHROMIUM:-}" ]; then
    CHROMIUM="$(command -v chromium || command -v chromium-browser || true)"
  fi
  if [ -z "$CHROMIUM" ]; then
    apt_install chromium
    CHROMIUM="$(command -v chromium)"
  fi
  export CHROMIUM
  local browser_dir="$PROJECT_ROOT/voiceops/end-to-end/browser"
  if [ ! -d "$browser_dir/node_modules/playwright-core" ]; then
    echo "==> installing playwright-core into $browser_dir/node_modules"
    (cd "$browser_dir" && npm ci --silent --no-audit --no-fund)
  fi
  # virtual-alexa, the second resolver the phrasing lists are checked with.
  local recorder_dir="$PROJECT_ROOT/voiceops/recordings/recorder"
  if [ ! -d "$recorder_dir/node_modules/virtual-alexa" ]; then
    echo "==> installing virtual-alexa into $recorder_dir/node_modules"
    (cd "$recorder_dir" && npm ci --silent --no-audit --no-fund)
  fi
  export BROWSER_TEST_DIR="$browser_dir"
}
