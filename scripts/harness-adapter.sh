#!/bin/bash
# Adapter for the loopback interop harness (adapter contract: ADAPTER seed|leech TORRENT DIR PORT, reannounce PID PORT).
# Prints the PID of the JVM; logs go to $LOGDIR/swarmbid-MODE-PORT.log. Build first: scripts/swarmbid --version.
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
if [[ ${1:-} == reannounce ]]; then kill -HUP "$2" 2>/dev/null || true; exit 0; fi
MODE=${1:?mode}; TORRENT=$(readlink -f "${2:?torrent}"); DIR=$(readlink -f "${3:?dir}"); PORT=${4:?port}
LOGDIR=${LOGDIR:-/tmp/btharness/logs}; mkdir -p "$LOGDIR" "$DIR"
case ${BT_TRANSPORT:-tcp} in tcp|both) ;; *) echo "swarmbid: no uTP support yet" >&2; exit 2 ;; esac
case ${BT_ENCRYPTION:-plain} in plain|default) ;; *) echo "swarmbid: no MSE/PE encryption yet" >&2; exit 2 ;; esac
state=$LOGDIR/swarmbid-state-$MODE-$PORT
# the launcher adds the JVM options and execs java, so $! below is the JVM's PID
cmd=("$root/scripts/swarmbid")
if [[ $MODE == seed ]]; then
    args=(seed "$TORRENT" --dir "$DIR")
else
    args=(download "$TORRENT" --dir "$DIR" --seed)
fi
"${cmd[@]}" "${args[@]}" --bind 127.0.0.1 --port "$PORT" --state-dir "$state" -q \
    ${DONE_FILE:+--done-file "$DONE_FILE"} > "$LOGDIR/swarmbid-$MODE-$PORT.log" 2>&1 < /dev/null &
echo $!
