# Installs what the tests and the demo need, into the project, once. Sourced by scripts/*.
# Everything lands under .cache/ in the clone (ignored by git), never system-wide, except
# Debian packages, which need apt.

PROJECT_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export PROJECT_ROOT

setup_test_tools() {
  : # Filled in as tests gain external tools (the AWS emulator, cfn-lint, a browser).
}
