#!/bin/sh
# bpmnlint's recommended rules (.bpmnlintrc) on every model in processes/, warnings included; run by the Maven build
# before the tests. It uses the machine's Node.js (20 or later) and npm and downloads no Node: npm ci installs the locked
# packages from the npm registry (.npmrc), from npm's cache once they are there. Without npm the lint is skipped with a
# warning (./mvnw verify needs only Java 17), unless the first argument is "true" (-Dbpmnlint.required=true, as in CI).
set -e
cd "${0%/*}"
if ! command -v npm >/dev/null 2>&1; then
  if [ "$1" = "true" ]; then
    echo "bpmnlint: no npm on this machine; Node.js 20 or later with npm is needed to lint the models" >&2
    exit 1
  fi
  echo "[WARNING] bpmnlint skipped: no Node.js/npm on this machine (install Node.js 20 or later to lint the models)" >&2
  exit 0
fi
npm ci --prefer-offline --no-audit --no-fund --loglevel=error
npm run --silent lint
