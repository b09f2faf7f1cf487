"""``mslint server``: a language server (LSP 3.17 over stdio) for mslint; needs the ``mslint[server]`` extra."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path


def serve() -> int:
    """Serve over stdin/stdout until the client says exit."""
    try:
        from mslint.server.protocol import create_server
    except ImportError as error:
        print(f"mslint server needs pygls and lsprotocol: pip install 'mslint[server]' ({error})", file=sys.stderr)
        return 2
    # The protocol owns the real stdout; anything else printing there (pylint, astroid) goes to stderr.
    protocol_out = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    sys.stdout = sys.stderr
    logging.basicConfig(stream=sys.stderr, level=logging.WARNING, format="mslint server: %(levelname)s %(message)s")
    server = create_server()
    server.warm_up(Path.cwd())
    server.start_io(sys.stdin.buffer, protocol_out)
    return 0
