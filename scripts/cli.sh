#!/bin/sh
# `npm run cli -- <command>`: the compiled CLI where the build is all there is (the production image, where ts-node
# is pruned), the sources otherwise.
cd "$(dirname "$0")/.." || exit 1
if [ -f dist/src/cli.js ] && { [ "$NODE_ENV" = production ] || [ ! -d node_modules/ts-node ]; }; then
  NODE_PATH=dist exec node dist/src/cli.js "$@"
fi
exec node -r ts-node/register/transpile-only -r tsconfig-paths/register src/cli.ts "$@"
