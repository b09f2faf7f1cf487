"""``mslint server``: a language server (LSP 3.17 over stdio) for mslint; needs the ``mslint[server]`` extra."""

from __future__ import annotations

import importlib.util
import logging
import os
import sys


def serve() -> int:
    """Serve over stdin/stdout until the client says exit."""
    missing = [name for name in ("pygls", "lsprotocol") if importlib.util.find_spec(name) is None]
    if missing:
        print(f"mslint server needs {' and '.join(missing)}: pip install 'mslint[server]'", file=sys.stderr)
        return 2
    from mslint.server.protocol import create_server

    # The protocol owns the real stdout; anything else printing there (pylint, astroid) goes to stderr.
    protocol_out = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    sys.stdout = sys.stderr
    logging.basicConfig(stream=sys.stderr, level=logging.WARNING, format="mslint server: %(levelname)s %(message)s")
    server = create_server()
    server.start_io(sys.stdin.buffer, protocol_out)
    return 0
