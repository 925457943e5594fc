#!/usr/bin/python3
"""One libtorrent (python3-libtorrent, rasterbar 2.0) session with one torrent, for Swarmbid's interop tests.

Started by org.swarmbid.core.testing.LibtorrentPeer; run it with Debian's /usr/bin/python3 (a pyenv/venv python
cannot import the Debian module).

  lt_peer.py --mode seed|leech --torrent FILE --save DIR --port N
             [--transport tcp|utp|both] [--encryption plain|default|require] [--no-seed-mode]
             [--connect PORT]... [--status-interval SECONDS] [--setting name=value]...

Listens on 127.0.0.1:PORT only; no DHT, LSD, UPnP or NAT-PMP; several connections per IP allowed (every peer of
a loopback swarm is 127.0.0.1).

Output, one event per line, flushed at once. Values are percent-encoded (RFC 3986), so no value holds a space:
  READY port=N                           the listen socket is up
  PEER addr=IP:PORT transport=tcp|utp enc=plain|mse-plain|rc4 client=NAME up=BYTES down=BYTES progress=F
  STATUS t=S state=NAME progress=F done=B wanted=B down_rate=B/s up_rate=B/s uploaded=B downloaded=B
         peers=N seeds=N           (PEER lines of the same snapshot come right before their STATUS line)
  FINISHED t=S                           every wanted piece is downloaded and hash-checked
  HASHFAIL piece=N                       a downloaded piece failed its hash check
  TRACKER event=announce|reply|error url=U [peers=N] [msg=M]
  CONNECT port=N | REANNOUNCE            acknowledgements of commands
  ALERT type=NAME msg=M                  errors and peer disconnects, for diagnosis
  ERROR msg=M                            fatal; the process exits non-zero

Commands, one per line on stdin: "reannounce", "connect PORT", "quit". End of stdin (the test JVM died or closed
the pipe) stops the session, so the driver never outlives its test. SIGUSR1 = reannounce, SIGTERM = clean stop
(sends event=stopped to the tracker, bounded by stop_tracker_timeout).
"""
import argparse
import queue
import signal
import sys
import threading
import time
import urllib.parse

import libtorrent as lt

# peer_info::utp_socket (bit 17 in libtorrent 2.0's peer_info.hpp); the python binding does not export it
UTP_SOCKET = 1 << 17


def enc(value):
    return urllib.parse.quote(str(value), safe='')


def emit(kind, **fields):
    print(kind + ''.join(f' {k}={enc(v)}' for k, v in fields.items()), flush=True)


def convert(v):
    if v.lower() in ('true', 'false'):
        return v.lower() == 'true'
    try:
        return int(v)
    except ValueError:
        return v


def parse_args():
    p = argparse.ArgumentParser(description='libtorrent peer for interop tests')
    p.add_argument('--mode', choices=['seed', 'leech'], required=True)
    p.add_argument('--torrent', required=True)
    p.add_argument('--save', required=True)
    p.add_argument('--port', type=int, required=True)
    p.add_argument('--transport', choices=['tcp', 'utp', 'both'], default='tcp')
    p.add_argument('--encryption', choices=['plain', 'default', 'require'], default='plain')
    p.add_argument('--no-seed-mode', action='store_true', help='seed: hash-check the data up front')
    p.add_argument('--magnet', action='store_true',
                   help='leech: start from a magnet link of the torrent\'s info-hash only and fetch the metadata '
                        'from peers (BEP 9); the .torrent is read only to make the link')
    p.add_argument('--connect', type=int, action='append', default=[], help='dial 127.0.0.1:PORT at start')
    p.add_argument('--status-interval', type=float, default=0.25)
    p.add_argument('--setting', action='append', default=[], help='extra settings_pack entry name=value')
    return p.parse_args()


def settings(args):
    tcp = args.transport in ('tcp', 'both')
    utp = args.transport in ('utp', 'both')
    cat = lt.alert.category_t
    s = {
        'listen_interfaces': f'127.0.0.1:{args.port}',
        'outgoing_interfaces': '',
        'enable_dht': False,
        'enable_lsd': False,
        'enable_upnp': False,
        'enable_natpmp': False,
        'enable_incoming_tcp': tcp,
        'enable_outgoing_tcp': tcp,
        'enable_incoming_utp': utp,
        'enable_outgoing_utp': utp,
        # all peers share 127.0.0.1; the default (false) keeps only one connection per IP
        'allow_multiple_connections_per_ip': True,
        'upload_rate_limit': 0,
        'download_rate_limit': 0,
        'stop_tracker_timeout': 1,
        'alert_mask': cat.status_notification | cat.error_notification | cat.storage_notification
        | cat.tracker_notification | cat.peer_notification,
    }
    if args.encryption == 'plain':
        s.update({'out_enc_policy': int(lt.enc_policy.disabled), 'in_enc_policy': int(lt.enc_policy.disabled)})
    elif args.encryption == 'require':
        s.update({'out_enc_policy': int(lt.enc_policy.forced), 'in_enc_policy': int(lt.enc_policy.forced),
                  'allowed_enc_level': int(lt.enc_level.rc4), 'prefer_rc4': True})
    for kv in args.setting:
        k, v = kv.split('=', 1)
        s[k] = convert(v)
    return s


def read_commands(q):
    for line in sys.stdin:
        q.put(line.strip())
    q.put(None)  # end of stdin: the test is gone


def peer_fields(p):
    flags = int(p.flags)
    if flags & int(lt.peer_info.rc4_encrypted):
        crypto = 'rc4'
    elif flags & int(lt.peer_info.plaintext_encrypted):
        crypto = 'mse-plain'
    else:
        crypto = 'plain'
    client = p.client.decode(errors='replace') if isinstance(p.client, bytes) else p.client
    return {'addr': f'{p.ip[0]}:{p.ip[1]}', 'transport': 'utp' if flags & UTP_SOCKET else 'tcp', 'enc': crypto,
            'client': client, 'up': p.total_upload, 'down': p.total_download, 'progress': f'{p.progress:.6f}'}


def main():
    args = parse_args()
    try:
        info = lt.torrent_info(args.torrent)
    except Exception as e:  # a bad .torrent is a test setup error
        emit('ERROR', msg=f'cannot load {args.torrent}: {e}')
        return 2
    ses = lt.session(settings(args))
    atp = lt.add_torrent_params()
    if args.magnet:
        atp = lt.parse_magnet_uri(f'magnet:?xt=urn:btih:{info.info_hash()}')
    else:
        atp.ti = info
    atp.save_path = args.save
    if args.mode == 'seed' and not args.no_seed_mode:
        atp.flags |= lt.torrent_flags.seed_mode  # no up-front check; each piece is hashed on first read
    h = ses.add_torrent(atp)
    t0 = time.time()

    commands = queue.Queue()
    threading.Thread(target=read_commands, args=(commands,), daemon=True).start()
    signal.signal(signal.SIGUSR1, lambda *_: commands.put('reannounce'))
    signal.signal(signal.SIGTERM, lambda *_: commands.put('quit'))

    pending_connects = list(args.connect)
    ready = False
    finished = False
    last_status = 0.0
    code = 0
    running = True
    while running:
        ses.wait_for_alert(50)
        for a in ses.pop_alerts():
            if isinstance(a, lt.listen_succeeded_alert):
                if not ready:
                    ready = True
                    emit('READY', port=a.port)
            elif isinstance(a, lt.listen_failed_alert):
                emit('ERROR', msg=a.message())
                code, running = 3, False
            elif isinstance(a, lt.torrent_finished_alert):
                if not finished:
                    finished = True
                    emit('FINISHED', t=f'{time.time() - t0:.3f}')
            elif isinstance(a, lt.hash_failed_alert):
                emit('HASHFAIL', piece=a.piece_index)
            elif isinstance(a, lt.tracker_announce_alert):
                emit('TRACKER', event='announce', url=a.tracker_url())
            elif isinstance(a, lt.tracker_reply_alert):
                emit('TRACKER', event='reply', url=a.tracker_url(), peers=a.num_peers)
            elif isinstance(a, (lt.tracker_error_alert, lt.tracker_warning_alert)):
                emit('TRACKER', event='error', url=a.tracker_url(), msg=a.message())
            elif isinstance(a, (lt.torrent_error_alert, lt.file_error_alert, lt.peer_error_alert,
                                lt.peer_disconnected_alert, lt.peer_ban_alert)):
                emit('ALERT', type=type(a).__name__, msg=a.message())
        if ready and pending_connects:
            for port in pending_connects:
                h.connect_peer(('127.0.0.1', port))
                emit('CONNECT', port=port)
            pending_connects = []
        while True:
            try:
                cmd = commands.get_nowait()
            except queue.Empty:
                break
            if cmd is None or cmd == 'quit':
                running = False
            elif cmd == 'reannounce':
                h.force_reannounce(0, -1, lt.reannounce_flags_t.ignore_min_interval)
                emit('REANNOUNCE')
            elif cmd.startswith('connect '):
                pending_connects.append(int(cmd.split()[1]))
            elif cmd:
                emit('ALERT', type='command', msg=f'unknown command {cmd}')
        now = time.time()
        if running and now - last_status >= args.status_interval:
            last_status = now
            st = h.status()
            for p in h.get_peer_info():
                emit('PEER', **peer_fields(p))
            emit('STATUS', t=f'{now - t0:.3f}', state=str(st.state), progress=f'{st.progress:.6f}',
                 done=st.total_wanted_done, wanted=st.total_wanted, down_rate=st.download_payload_rate,
                 up_rate=st.upload_payload_rate, uploaded=st.total_payload_upload,
                 downloaded=st.total_payload_download, peers=st.num_peers, seeds=st.num_seeds)
    ses.remove_torrent(h)  # sends event=stopped to the tracker; the session waits up to stop_tracker_timeout
    del h
    del ses
    return code


if __name__ == '__main__':
    sys.exit(main())
