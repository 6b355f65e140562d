# Source this file (`. .ci/node24.sh`): it puts Node.js 24 first on PATH for the rest of the shell.
# The Lambda functions run on Node 24 (NODEJS_24_X); locally and in CI the same major runs. A
# machine that already has Node >= 24 is left as it is. An older one gets Node 24 from the npm
# registry (the `node-linux-<arch>` package ships the official binary; no other download), kept
# under ~/.cache/taskforce/node24 and reused by later runs.
_tf_node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
if [ "$(_tf_node_major)" -lt 24 ]; then
  _tf_prefix="${TASKFORCE_NODE_HOME:-$HOME/.cache/taskforce/node24}"
  case "$(uname -m)" in
    x86_64) _tf_arch=x64 ;;
    aarch64 | arm64) _tf_arch=arm64 ;;
    *) _tf_arch="$(uname -m)" ;;
  esac
  _tf_bin="$_tf_prefix/node_modules/node-linux-$_tf_arch/bin"
  if [ ! -x "$_tf_bin/node" ]; then
    echo "Node $(node --version 2>/dev/null || echo none) is older than 24: installing Node 24 from the npm registry into $_tf_prefix" >&2
    npm install --prefix "$_tf_prefix" --no-save --no-audit --no-fund --loglevel=error "node-linux-$_tf_arch@24" >&2
  fi
  export PATH="$_tf_bin:$PATH"
  hash -r 2>/dev/null || true
  unset _tf_prefix _tf_arch _tf_bin
fi
unset -f _tf_node_major
